import { dateTimeRangeText } from '@coopnet/domain/dates';
import type { Page } from '@coopnet/contract/common';
import type { Worker } from '@coopnet/contract/people';
import {
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  List,
  NativeSelect,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { api, API_BASE } from '../../api/client.ts';
import { useAbilities, useNetwork, useSession } from '../../api/session.ts';
import { ConfirmModal } from '../../components/ConfirmModal.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { useFormat } from '../../components/useFormat.ts';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useCoop } from '../coops/coops.api.ts';
import { AssemblyManage, NewAssemblyForm } from './AssemblyManage.tsx';
import { BylawsTable } from './BylawsTable.tsx';
import { bodiesKey, useAssemblies, useAssembly, useBodies, useBody, useBodyMembers, useBylaws } from './governance.api.ts';
import { StatusBadge } from './StatusBadge.tsx';
import type { Assembly, Body, BodyMember } from './types.ts';
import { bodyDescription, bodyName } from './bodyWords.ts';

/** Who decides and by which rules: the bodies and their members, the bylaws, the assemblies. */
export function GovernancePage() {
  const { t } = useTranslation();
  usePageTitle(t('governancePage.title'));
  const bodies = useBodies();
  return (
    <Stack gap="xl">
      <Stack gap="xs">
        <Title order={1}>{t('governancePage.title')}</Title>
        <Text maw={760}>{t('governancePage.intro')}</Text>
      </Stack>
      <section aria-labelledby="bodies-title">
        <Title order={2} id="bodies-title" mb="sm">
          {t('governancePage.bodies')}
        </Title>
        <ErrorAlert error={bodies.error} />
        {bodies.isPending && <Loading />}
        <Stack gap="md">
          {bodies.data?.items.map((b) => (
            <BodyCard key={b.id} body={b} />
          ))}
        </Stack>
      </section>
      <BylawsSection bodies={bodies.data?.items ?? []} />
      <AssembliesSection bodies={bodies.data?.items ?? []} />
    </Stack>
  );
}

function BodyCard({ body }: { body: Body }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const headingId = `body-${body.id}`;
  return (
    <Card withBorder component="article" aria-labelledby={headingId} padding="md">
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title order={3} id={headingId}>
            {bodyName(t, body)}
          </Title>
          {t(`governance.bodyKind.${body.kind}`).toLowerCase() !== bodyName(t, body).toLowerCase() && (
            <Badge variant="outline" color="gray.8">
              {t(`governance.bodyKind.${body.kind}`)}
            </Badge>
          )}
        </Group>
        {body.description && <Text>{bodyDescription(t, body)}</Text>}
        <Text size="sm">
          {t('governancePage.memberCount', { count: body.memberCount, formatted: fmt.number(body.memberCount) })}
          {body.delegatesPerCoop ? ` · ${t('governancePage.perCoop', { count: body.delegatesPerCoop })}` : ''}
        </Text>
        {body.kind !== 'assembly' && <BodyMembers body={body} />}
      </Stack>
    </Card>
  );
}

function BodyMembers({ body }: { body: Body }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const queryClient = useQueryClient();
  const abilities = useAbilities();
  const [showFormer, setShowFormer] = useState(false);
  const members = useBodyMembers(body, { active: showFormer ? undefined : true });
  const detail = useBody(body.id);
  const [recalling, setRecalling] = useState<BodyMember | null>(null);
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: bodiesKey });
  };
  const recall = useMutation({
    mutationFn: (m: BodyMember) => api(`/bodies/${body.id}/members/${m.id}/recall`, { method: 'POST', body: {} }),
    onSuccess: async () => {
      setRecalling(null);
      await refresh();
    },
  });
  const items = members.data?.items ?? [];
  const canRecall = items.some((m) => m.abilities.recall);
  const label = t('governancePage.membersOf', { body: bodyName(t, body) });

  return (
    <Stack gap="sm" mt="xs">
      <Checkbox
        label={t('governancePage.showFormer')}
        checked={showFormer}
        onChange={(e) => setShowFormer(e.currentTarget.checked)}
      />
      <ErrorAlert error={members.error} />
      {members.data && items.length === 0 && <Text size="sm">{t('governancePage.noMembers')}</Text>}
      {items.length > 0 && (
        <ScrollTable label={label} minWidth={560}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('governancePage.name')}</Table.Th>
              <Table.Th scope="col">{t('governancePage.coop')}</Table.Th>
              <Table.Th scope="col">{t('governancePage.term')}</Table.Th>
              <Table.Th scope="col">{t('governancePage.state')}</Table.Th>
              {canRecall && <Table.Th scope="col">{t('governancePage.actions')}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((m) => (
              <Table.Tr key={m.id}>
                <Table.Th scope="row">{m.displayName}</Table.Th>
                <Table.Td>{m.coopName ?? ''}</Table.Td>
                <Table.Td>
                  {m.termEnd
                    ? t('governancePage.termRange', { from: fmt.date(m.termStart), to: fmt.date(m.termEnd) })
                    : t('governancePage.termFrom', { from: fmt.date(m.termStart) })}
                </Table.Td>
                <Table.Td>
                  {m.active
                    ? t('governancePage.active')
                    : m.recalledAt
                      ? t('governancePage.recalledOn', { date: fmt.date(m.recalledAt) })
                      : t('governancePage.ended')}
                </Table.Td>
                {canRecall && (
                  <Table.Td>
                    {m.abilities.recall && (
                      <Button
                        size="compact-sm"
                        variant="default"
                        color="red"
                        onClick={() => {
                          recall.reset();
                          setRecalling(m);
                        }}
                        aria-label={t('governancePage.recallNamed', { name: m.displayName })}
                      >
                        {t('governancePage.recall')}
                      </Button>
                    )}
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollTable>
      )}
      {body.kind === 'council' &&
        detail.data?.abilities.addMember &&
        abilities.adminOfCoops.map((coopId) => (
          <AppointForm key={coopId} body={body} coopId={coopId} onDone={refresh} />
        ))}
      <ConfirmModal
        opened={!!recalling}
        title={t('governancePage.recallTitle')}
        message={t('governancePage.recallText', { name: recalling?.displayName ?? '', body: bodyName(t, body) })}
        confirmLabel={t('governancePage.confirmRecall')}
        loading={recall.isPending}
        error={recall.error}
        onConfirm={() => recalling && recall.mutate(recalling)}
        onClose={() => setRecalling(null)}
      />
    </Stack>
  );
}

/** A co-op admin appoints one of the co-op's active workers as its delegate. */
function AppointForm({ body, coopId, onDone }: { body: Body; coopId: string; onDone: () => Promise<void> }) {
  const { t } = useTranslation();
  const { data: session } = useSession();
  const { data: coop } = useCoop(coopId);
  const [personId, setPersonId] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const workers = useQuery({
    queryKey: ['coops', coopId, 'workers', 'for-appointment'],
    queryFn: ({ signal }) => api<Page<Worker>>(`/coops/${coopId}/workers`, { query: { limit: 100 }, signal }),
  });
  const appoint = useMutation({
    mutationFn: () => api<BodyMember>(`/bodies/${body.id}/members`, { method: 'POST', body: { personId } }),
    onSuccess: async (m) => {
      setDone(t('governancePage.appointed', { name: m.displayName }));
      setPersonId('');
      await onDone();
    },
  });
  const coopName = coop?.name ?? (coopId === session?.person?.coopId ? session?.person?.coopName : null) ?? '';
  const options = (workers.data?.items ?? [])
    .filter((w) => w.status === 'active')
    .map((w) => ({ value: w.id, label: w.displayName }));
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        setDone(null);
        if (personId) appoint.mutate();
      }}
    >
      <Stack gap="xs" mt="sm">
        <Group align="flex-end" gap="sm" wrap="wrap">
          <NativeSelect
            label={t('governancePage.appoint')}
            description={t('governancePage.appointHint', { coop: coopName, count: body.delegatesPerCoop ?? 0 })}
            value={personId}
            onChange={(e) => setPersonId(e.currentTarget.value)}
            data={[{ value: '', label: t('governancePage.chooseWorker') }, ...options]}
            style={{ flex: 1, minWidth: 220, maxWidth: 420 }}
            required
          />
          <Button type="submit" disabled={!personId} loading={appoint.isPending}>
            {t('governancePage.appointSubmit')}
          </Button>
        </Group>
        <ErrorAlert error={appoint.error ?? workers.error} />
        {done && (
          <Text role="status" size="sm">
            {done}
          </Text>
        )}
      </Stack>
    </form>
  );
}

function BylawsSection({ bodies }: { bodies: Body[] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const bylaws = useBylaws();
  const d = bylaws.data;
  return (
    <section aria-labelledby="bylaws-title">
      <Title order={2} id="bylaws-title" mb="xs">
        {t('bylaws.title')}
      </Title>
      <ErrorAlert error={bylaws.error} />
      {bylaws.isPending && <Loading />}
      {d && (
        <Stack gap="sm">
          <Text>
            {t('bylaws.version', { version: d.version, date: fmt.date(d.adoptedAt) })}{' '}
            {d.proposalId && (
              <Anchor component={Link} to={`/proposals/${d.proposalId}`}>
                {t('bylaws.byProposal')}
              </Anchor>
            )}
          </Text>
          <BylawsTable bylaws={d.bylaws} bodies={bodies} label={t('bylaws.tableLabel')} />
          <Text size="sm">{t('bylaws.changeNote')}</Text>
          <Anchor component={Link} to="/governance/bylaws">
            {t('bylaws.allVersions')}
          </Anchor>
        </Stack>
      )}
    </section>
  );
}

function AssembliesSection({ bodies }: { bodies: Body[] }) {
  const { t } = useTranslation();
  const assemblies = useAssemblies();
  const abilities = useAbilities();
  const { hash } = useLocation();
  const loaded = !!assemblies.data;
  // The calendar feed links to /governance#assembly-<id>: bring that card into view once it is there.
  useEffect(() => {
    if (!loaded || !hash.startsWith('#assembly-')) return;
    document.getElementById(decodeURIComponent(hash.slice(1)))?.scrollIntoView();
  }, [loaded, hash]);
  return (
    <section aria-labelledby="assemblies-title">
      <Group justify="space-between" align="flex-end" mb="sm" wrap="wrap">
        <Title order={2} id="assemblies-title">
          {t('assemblies.title')}
        </Title>
        <Anchor href={`${API_BASE}/assemblies.ics`}>{t('assemblies.subscribe')}</Anchor>
      </Group>
      <ErrorAlert error={assemblies.error} />
      {assemblies.isPending && <Loading />}
      {assemblies.data && assemblies.data.items.length === 0 && <Text>{t('assemblies.none')}</Text>}
      <Stack gap="md">
        {assemblies.data?.items.map((a) => (
          <AssemblyCard key={a.id} assembly={a} />
        ))}
      </Stack>
      {/* Calling an assembly is a coordinator's task, as is managing the network. */}
      {abilities.manageNetwork && (
        <Card withBorder padding="md" mt="md">
          <NewAssemblyForm bodies={bodies} />
        </Card>
      )}
    </section>
  );
}

/** "15 dic 2026, 18:00–20:30": a range written once, in the network's time zone, as every date of the app. */
function useDateRange(from: string, to: string): string {
  const { i18n } = useTranslation();
  const { data: network } = useNetwork();
  return dateTimeRangeText(new Date(from), new Date(to), i18n.language, network?.timeZone);
}

function AssemblyCard({ assembly: a }: { assembly: Assembly }) {
  const { t } = useTranslation();
  const { data: session } = useSession();
  const headingId = `assembly-${a.id}-title`;
  const detail = useAssembly(a.id, !!session?.person);
  const agenda = [...a.agenda].sort((x, y) => x.position - y.position);
  const when = useDateRange(a.startsAt, a.endsAt);
  return (
    <Card withBorder component="article" id={`assembly-${a.id}`} aria-labelledby={headingId} padding="md">
      <Stack gap="xs">
        <Title order={3} id={headingId} className="break-anywhere">
          {a.title}
        </Title>
        <Text>
          <time dateTime={a.startsAt}>{when}</time>
        </Text>
        {a.place && <Text>{t('assemblies.place', { place: a.place })}</Text>}
        {a.videoUrl && (
          <Text>
            <Anchor href={a.videoUrl} target="_blank" rel="noopener noreferrer" className="break-anywhere">
              {t('assemblies.video')}
            </Anchor>
          </Text>
        )}
        {a.attendanceCount > 0 && <Text size="sm">{t('assemblies.attendance', { count: a.attendanceCount })}</Text>}
        <Title order={4} fz="md" id={`${headingId}-agenda`}>
          {t('assemblies.agenda')}
        </Title>
        {agenda.length === 0 ? (
          <Text size="sm">{t('assemblies.noAgenda')}</Text>
        ) : (
          <List type="ordered" aria-labelledby={`${headingId}-agenda`} spacing={4}>
            {agenda.map((item) => (
              <List.Item key={item.proposalId}>
                <Group gap="xs" wrap="wrap">
                  <Anchor component={Link} to={`/proposals/${item.proposalId}`}>
                    {item.title}
                  </Anchor>
                  <StatusBadge status={item.status as never} size="sm" />
                </Group>
              </List.Item>
            ))}
          </List>
        )}
        {a.minutes && (
          <>
            <Title order={4} fz="md">
              {t('assemblies.minutes')}
            </Title>
            <Text style={{ whiteSpace: 'pre-line' }} className="break-anywhere">
              {a.minutes}
            </Text>
          </>
        )}
        {detail.data?.abilities.manage && <AssemblyManage assembly={detail.data} />}
      </Stack>
    </Card>
  );
}
