import { Anchor, Button, Card, Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useSession } from '../../api/session.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Pager } from '../../components/Pager.tsx';
import { useFormat } from '../../components/useFormat.ts';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useProposals } from './governance.api.ts';
import { matterName } from './rules.ts';
import { StatusBadge } from './StatusBadge.tsx';
import { PROPOSAL_STATUSES, type ProposalStatus, type ProposalSummary } from './types.ts';

const PAGE_SIZE = 20;

/** Every proposal of the network, newest first, filtered by status; the state is in the URL. */
export function ProposalsPage() {
  const { t } = useTranslation();
  usePageTitle(t('proposals.title'));
  const { data: session } = useSession();
  const [params, setParams] = useSearchParams();
  const statusParam = params.get('status') ?? '';
  const status = (PROPOSAL_STATUSES as readonly string[]).includes(statusParam) ? (statusParam as ProposalStatus) : '';
  const offset = Math.max(0, Number(params.get('offset')) || 0);
  const list = useProposals(status, PAGE_SIZE, offset);

  const update = (next: { status?: string; offset?: number }) => {
    const p = new URLSearchParams(params);
    if (next.status !== undefined) {
      if (next.status) p.set('status', next.status);
      else p.delete('status');
      p.delete('offset');
    }
    if (next.offset !== undefined) {
      if (next.offset) p.set('offset', String(next.offset));
      else p.delete('offset');
    }
    setParams(p, { replace: true });
  };

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Title order={1}>{t('proposals.title')}</Title>
        {/* Shown only to whom the server lets put something forward: a worker of a member co-op, a coordinator. */}
        {session?.person && (list.data?.abilities.propose.length ?? 0) > 0 && (
          <Button component={Link} to="/proposals/new">
            {t('proposals.new')}
          </Button>
        )}
      </Group>
      <Text maw={760}>{t('proposals.intro')}</Text>
      <NativeSelect
        label={t('proposals.status')}
        value={status}
        onChange={(e) => update({ status: e.currentTarget.value })}
        data={[
          { value: '', label: t('proposals.allStatuses') },
          ...PROPOSAL_STATUSES.map((s) => ({ value: s, label: t(`proposalStatus.${s}`) })),
        ]}
        maw={260}
      />
      <ErrorAlert error={list.error} />
      {list.isPending && <Loading />}
      {list.data && (
        <Text role="status" size="sm">
          {t('proposals.found', { count: list.data.total })}
        </Text>
      )}
      {list.data?.items.map((p) => (
        <ProposalCard key={p.id} proposal={p} />
      ))}
      {list.data && (
        <Pager total={list.data.total} limit={PAGE_SIZE} offset={offset} onChange={(o) => update({ offset: o })} />
      )}
    </Stack>
  );
}

function ProposalCard({ proposal: p }: { proposal: ProposalSummary }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const headingId = `proposal-${p.id}`;
  let when = t('proposals.created', { date: fmt.date(p.createdAt) });
  if (p.status === 'voting' && p.votingClosesAt) when = t('proposals.closes', { date: fmt.dateTime(p.votingClosesAt) });
  else if (p.votingClosesAt && p.status !== 'draft' && p.status !== 'discussion')
    when = t('proposals.closed', { date: fmt.dateTime(p.votingClosesAt) });
  return (
    <Card withBorder component="article" aria-labelledby={headingId} padding="md">
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
          <Title order={2} fz="h3" id={headingId} className="break-anywhere">
            <Anchor component={Link} to={`/proposals/${p.id}`}>
              {p.title}
            </Anchor>
          </Title>
          <StatusBadge status={p.status} />
        </Group>
        <Text size="sm">
          {matterName(t, p.matter)} · {t('proposals.by', { name: p.authorName })} · {when}
        </Text>
      </Stack>
    </Card>
  );
}
