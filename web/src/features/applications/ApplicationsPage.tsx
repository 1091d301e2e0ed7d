import type { Page } from '@coopnet/contract/common';
import type { Application, ApplicationStatus } from '@coopnet/contract/coops';
import { Alert, Anchor, Button, Card, Group, Modal, NativeSelect, Stack, Text, Textarea, Title } from '@mantine/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import { fieldErrorsOf } from '../../api/errors.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Pager } from '../../components/Pager.tsx';
import { RequireAbility } from '../../components/RequireAbility.tsx';
import { useFormat } from '../../components/useFormat.ts';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useSectorNames } from '../network/sectors.api.ts';

const PAGE_SIZE = 20;
const STATUSES: ApplicationStatus[] = ['pending', 'admitted', 'rejected'];

export function ApplicationsPage() {
  return (
    <RequireAbility ability="decideApplications">
      <Applications />
    </RequireAbility>
  );
}

/** Coordinators put applications to a vote (admission is decided by the body the bylaws name) or reject them. */
function Applications() {
  const { t } = useTranslation();
  usePageTitle(t('applications.title'));
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<ApplicationStatus>('pending');
  const [offset, setOffset] = useState(0);
  const [rejecting, setRejecting] = useState<Application | null>(null);
  const [reason, setReason] = useState('');
  const [notice, setNotice] = useState<string | null>(null);

  const list = useQuery({
    queryKey: ['applications', status, offset],
    queryFn: ({ signal }) =>
      api<Page<Application>>('/applications', { query: { status, limit: PAGE_SIZE, offset }, signal }),
    placeholderData: keepPreviousData,
  });
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: ['applications'] });
    await queryClient.invalidateQueries({ queryKey: ['coops'] });
    await queryClient.invalidateQueries({ queryKey: ['network'] });
  };
  const reject = useMutation({
    mutationFn: (a: Application) =>
      api(`/applications/${a.id}/reject`, { method: 'POST', body: { reason: reason.trim() } }),
    onSuccess: async (_r, a) => {
      setNotice(t('applications.rejected', { coop: a.coop.name }));
      setRejecting(null);
      setReason('');
      await refresh();
    },
  });

  return (
    <Stack gap="lg">
      <Title order={1}>{t('applications.title')}</Title>
      <NativeSelect
        label={t('applications.status')}
        value={status}
        onChange={(e) => {
          setStatus(e.currentTarget.value as ApplicationStatus);
          setOffset(0);
          setNotice(null);
        }}
        data={STATUSES.map((s) => ({ value: s, label: t(`applicationStatus.${s}`) }))}
        maw={260}
      />
      {notice && (
        <Alert
          color="green"
          variant="outline"
          role="status"
          withCloseButton
          closeButtonLabel={t('common.close')}
          onClose={() => setNotice(null)}
        >
          {notice}
        </Alert>
      )}
      <ErrorAlert error={list.error} />
      {list.isPending && <Loading />}
      {list.data && list.data.items.length === 0 && <Text>{t('applications.none')}</Text>}
      {list.data?.items.map((a) => (
        <ApplicationCard
          key={a.id}
          application={a}
          onReject={() => {
            reject.reset();
            setRejecting(a);
          }}
        />
      ))}
      {list.data && <Pager total={list.data.total} limit={PAGE_SIZE} offset={offset} onChange={setOffset} />}

      <Modal
        opened={!!rejecting}
        onClose={() => setRejecting(null)}
        title={t('applications.rejectTitle', { coop: rejecting?.coop.name ?? '' })}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (rejecting) reject.mutate(rejecting);
          }}
        >
          <Stack gap="sm">
            <Textarea
              label={t('applications.reason')}
              required
              autosize
              minRows={3}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              error={fieldErrorsOf(reject.error).reason}
              data-autofocus
            />
            <ErrorAlert error={reject.error} />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setRejecting(null)}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" color="red" loading={reject.isPending}>
                {t('applications.confirmReject')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Stack>
  );
}

interface ApplicationCardProps {
  application: Application;
  onReject: () => void;
}

function ApplicationCard({ application: a, onReject }: ApplicationCardProps) {
  const { t } = useTranslation();
  const { name: sectorName } = useSectorNames();
  const fmt = useFormat();
  return (
    <Card withBorder component="article" aria-labelledby={`app-${a.id}`}>
      <Stack gap={6}>
        <Title order={2} fz="h3" id={`app-${a.id}`} className="break-anywhere">
          {a.coop.slug && a.status === 'admitted' ? (
            <Anchor component={Link} to={`/coops/${a.coop.slug}`}>
              {a.coop.name}
            </Anchor>
          ) : (
            a.coop.name
          )}
        </Title>
        <Text>
          {sectorName(a.coop.sector)} · {a.coop.city} ·{' '}
          {t('showcase.coop.declaredCount', { formatted: fmt.number(a.coop.workerCount) })}
        </Text>
        <Text className="break-anywhere">
          {t('applications.contact', { name: a.contactName, email: a.contactEmail })}
        </Text>
        <Text size="sm">{t('applications.received', { date: fmt.dateTime(a.createdAt) })}</Text>
        {a.decidedAt && (
          <Text size="sm">
            {t('applications.decided', { status: t(`applicationStatus.${a.status}`), date: fmt.dateTime(a.decidedAt) })}
          </Text>
        )}
        {a.decisionNote && <Text size="sm">{t('applications.note', { note: a.decisionNote })}</Text>}
        {a.message && (
          <Text style={{ whiteSpace: 'pre-line' }} mt={4}>
            {a.message}
          </Text>
        )}
        {a.status === 'pending' && (
          <Group mt="sm" gap="sm">
            <Button
              component={Link}
              to={`/proposals/new?matter=admission&coopId=${encodeURIComponent(a.coop.id)}`}
              variant="default"
              aria-label={t('applications.putToVoteNamed', { coop: a.coop.name })}
            >
              {t('applications.putToVote')}
            </Button>
            <Button
              variant="default"
              color="red"
              onClick={onReject}
              aria-label={t('applications.rejectNamed', { coop: a.coop.name })}
            >
              {t('applications.reject')}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}
