/** Coordinators' controls of one assembly: minutes, agenda, attendance; and the form that calls a new one. */
import type { Page } from '@coopnet/contract/common';
import type { Coop } from '@coopnet/contract/coops';
import type { Worker } from '@coopnet/contract/people';
import { Button, Checkbox, Group, NativeSelect, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { fieldErrorsOf } from '../../api/errors.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { useNetworkTime } from '../../components/useNetworkTime.ts';
import { assembliesKey, assemblyKey } from './governance.api.ts';
import type { Assembly, AssemblyWithAbilities, Attendee, Body, ProposalSummary } from './types.ts';
import { bodyName } from './bodyWords.ts';

export function NewAssemblyForm({ bodies }: { bodies: Body[] }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const time = useNetworkTime();
  const [bodyId, setBodyId] = useState('');
  const [title, setTitle] = useState('');
  const [startsAt, setStartsAt] = useState('');
  const [endsAt, setEndsAt] = useState('');
  const [place, setPlace] = useState('');
  const [videoUrl, setVideoUrl] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: () =>
      api<AssemblyWithAbilities>('/assemblies', {
        method: 'POST',
        body: {
          bodyId,
          title: title.trim(),
          startsAt: time.fromInput(startsAt) ?? startsAt,
          endsAt: time.fromInput(endsAt) ?? endsAt,
          place: place.trim() || undefined,
          videoUrl: videoUrl.trim() || undefined,
        },
      }),
    onSuccess: async (a) => {
      setDone(t('assemblies.created', { title: a.title }));
      setTitle('');
      setStartsAt('');
      setEndsAt('');
      setPlace('');
      setVideoUrl('');
      await queryClient.invalidateQueries({ queryKey: assembliesKey });
    },
  });
  const errors = fieldErrorsOf(create.error);
  return (
    <form
      aria-labelledby="new-assembly-title"
      onSubmit={(e) => {
        e.preventDefault();
        setDone(null);
        create.mutate();
      }}
      noValidate
    >
      <Stack gap="sm" maw={560}>
        <Title order={3} id="new-assembly-title">
          {t('assemblies.newTitle')}
        </Title>
        <NativeSelect
          label={t('assemblies.body')}
          value={bodyId}
          onChange={(e) => setBodyId(e.currentTarget.value)}
          data={[
            { value: '', label: t('newProposal.chooseOne') },
            ...bodies.map((b) => ({ value: b.id, label: bodyName(t, b) })),
          ]}
          error={errors.bodyId}
          required
        />
        <TextInput
          label={t('assemblies.titleField')}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          maxLength={200}
          error={errors.title}
          required
        />
        <Text size="sm" id="new-assembly-zone">
          {t('assemblies.timeZone', { zone: time.zone })}
        </Text>
        <Group grow wrap="wrap" align="flex-start">
          <TextInput
            type="datetime-local"
            aria-describedby="new-assembly-zone"
            label={t('assemblies.startsAt')}
            value={startsAt}
            onChange={(e) => setStartsAt(e.currentTarget.value)}
            error={errors.startsAt}
            required
            miw={200}
          />
          <TextInput
            type="datetime-local"
            aria-describedby="new-assembly-zone"
            label={t('assemblies.endsAt')}
            value={endsAt}
            onChange={(e) => setEndsAt(e.currentTarget.value)}
            error={errors.endsAt}
            required
            miw={200}
          />
        </Group>
        <TextInput
          label={t('assemblies.placeField')}
          value={place}
          onChange={(e) => setPlace(e.currentTarget.value)}
          maxLength={300}
          error={errors.place}
        />
        <TextInput
          type="url"
          label={t('assemblies.videoField')}
          value={videoUrl}
          onChange={(e) => setVideoUrl(e.currentTarget.value)}
          maxLength={500}
          error={errors.videoUrl}
        />
        <ErrorAlert error={create.error} />
        {done && (
          <Text role="status" size="sm">
            {done}
          </Text>
        )}
        <Group>
          <Button type="submit" loading={create.isPending} disabled={!bodyId || !startsAt || !endsAt}>
            {t('assemblies.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Shown only when `GET /assemblies/:id` says `abilities.manage`. */
export function AssemblyManage({ assembly: a }: { assembly: Assembly }) {
  const { t } = useTranslation();
  const headingId = `assembly-${a.id}-manage`;
  return (
    <Stack gap="md" mt="sm">
      <Title order={4} fz="md" id={headingId}>
        {t('assemblies.manage')}
      </Title>
      <MinutesForm assembly={a} />
      <AgendaForm assembly={a} />
      <Attendance assembly={a} />
    </Stack>
  );
}

function useRefresh(id: string) {
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: assembliesKey });
    await queryClient.invalidateQueries({ queryKey: assemblyKey(id) });
  };
}

function MinutesForm({ assembly: a }: { assembly: Assembly }) {
  const { t } = useTranslation();
  const refresh = useRefresh(a.id);
  const [minutes, setMinutes] = useState(a.minutes ?? '');
  const save = useMutation({
    mutationFn: () =>
      api(`/assemblies/${a.id}`, { method: 'PATCH', body: { minutes: minutes.trim() ? minutes : null } }),
    onSuccess: () => refresh(),
  });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <Stack gap="xs">
        <Textarea
          label={t('assemblies.minutesOf', { title: a.title })}
          value={minutes}
          onChange={(e) => setMinutes(e.currentTarget.value)}
          autosize
          minRows={3}
          maxLength={100_000}
        />
        <ErrorAlert error={save.error} />
        <SaveBar save={save} label={t('assemblies.saveMinutes')} saved={t('assemblies.minutesSaved')} />
      </Stack>
    </form>
  );
}

function AgendaForm({ assembly: a }: { assembly: Assembly }) {
  const { t } = useTranslation();
  const refresh = useRefresh(a.id);
  const initial = [...a.agenda].sort((x, y) => x.position - y.position).map((i) => i.proposalId);
  const [chosen, setChosen] = useState<string[]>(initial);
  const proposals = useQuery({
    queryKey: ['proposals', 'list', 'for-agenda'],
    queryFn: ({ signal }) => api<Page<ProposalSummary>>('/proposals', { query: { limit: 100 }, signal }),
  });
  const save = useMutation({
    mutationFn: () => api(`/assemblies/${a.id}/agenda`, { method: 'PUT', body: { proposalIds: chosen } }),
    onSuccess: () => refresh(),
  });
  const items = proposals.data?.items ?? [];
  // Proposals already on the agenda stay listed even if they are beyond the first page.
  const extra = a.agenda.filter((i) => !items.some((p) => p.id === i.proposalId));
  const all = [
    ...items.map((p) => ({ id: p.id, title: p.title })),
    ...extra.map((i) => ({ id: i.proposalId, title: i.title })),
  ];
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <Stack gap="xs">
        <Checkbox.Group
          label={t('assemblies.agendaOf', { title: a.title })}
          description={t('assemblies.agendaHint')}
          value={chosen}
          // Kept in the order they were ticked: that is the agenda's order.
          onChange={(next) =>
            setChosen((old) => [...old.filter((id) => next.includes(id)), ...next.filter((id) => !old.includes(id))])
          }
        >
          <Stack gap={6} mt="xs">
            {all.map((p) => {
              const pos = chosen.indexOf(p.id);
              return (
                <Checkbox
                  key={p.id}
                  value={p.id}
                  label={pos >= 0 ? `${p.title} (${t('assemblies.position', { n: pos + 1 })})` : p.title}
                />
              );
            })}
          </Stack>
        </Checkbox.Group>
        {proposals.data && all.length === 0 && <Text size="sm">{t('assemblies.noProposals')}</Text>}
        <ErrorAlert error={save.error ?? proposals.error} />
        <SaveBar save={save} label={t('assemblies.saveAgenda')} saved={t('assemblies.agendaSaved')} />
      </Stack>
    </form>
  );
}

/** A form's save button, and "saved" once the last save went through. */
function SaveBar({
  save,
  label,
  saved,
}: {
  save: { isPending: boolean; isSuccess: boolean };
  label: string;
  saved: string;
}) {
  return (
    <Group>
      <Button type="submit" variant="default" loading={save.isPending}>
        {label}
      </Button>
      {save.isSuccess && (
        <Text role="status" size="sm">
          {saved}
        </Text>
      )}
    </Group>
  );
}

function Attendance({ assembly: a }: { assembly: Assembly }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const refresh = useRefresh(a.id);
  const [coopId, setCoopId] = useState('');
  const [personId, setPersonId] = useState('');
  const listKey = [...assemblyKey(a.id), 'attendance'];
  const list = useQuery({
    queryKey: listKey,
    queryFn: ({ signal }) => api<Page<Attendee>>(`/assemblies/${a.id}/attendance`, { query: { limit: 1000 }, signal }),
  });
  const coops = useQuery({
    queryKey: ['coops', 'list', 'for-attendance'],
    queryFn: ({ signal }) => api<Page<Coop>>('/coops', { query: { limit: 1000 }, signal }),
  });
  const workers = useQuery({
    queryKey: ['coops', coopId, 'workers', 'for-attendance'],
    queryFn: ({ signal }) => api<Page<Worker>>(`/coops/${coopId}/workers`, { query: { limit: 100 }, signal }),
    enabled: !!coopId,
  });
  const after = async () => {
    await queryClient.invalidateQueries({ queryKey: listKey });
    await refresh();
  };
  const add = useMutation({
    mutationFn: () => api<Attendee>(`/assemblies/${a.id}/attendance`, { method: 'POST', body: { personId } }),
    onSuccess: async () => {
      setPersonId('');
      await after();
    },
  });
  const remove = useMutation({
    mutationFn: (id: string) => api(`/assemblies/${a.id}/attendance/${id}`, { method: 'DELETE' }),
    onSuccess: after,
  });
  const present = list.data?.items ?? [];
  const workerOptions = (workers.data?.items ?? [])
    .filter((w) => w.status === 'active' && !present.some((p) => p.personId === w.id))
    .map((w) => ({ value: w.id, label: w.displayName }));
  return (
    <Stack gap="xs">
      <Title order={5} fz="sm" id={`assembly-${a.id}-attendance`}>
        {t('assemblies.attendanceTitle')}
      </Title>
      <ErrorAlert error={list.error ?? remove.error} />
      {list.data && present.length === 0 && <Text size="sm">{t('assemblies.noAttendance')}</Text>}
      {present.length > 0 && (
        <ScrollTable label={t('assemblies.attendanceOf', { title: a.title })} minWidth={420}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('governancePage.name')}</Table.Th>
              <Table.Th scope="col">{t('governancePage.coop')}</Table.Th>
              <Table.Th scope="col">{t('governancePage.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {present.map((p) => (
              <Table.Tr key={p.personId}>
                <Table.Th scope="row">{p.displayName}</Table.Th>
                <Table.Td>{p.coopName ?? ''}</Table.Td>
                <Table.Td>
                  <Button
                    size="compact-sm"
                    variant="default"
                    onClick={() => remove.mutate(p.personId)}
                    loading={remove.isPending && remove.variables === p.personId}
                    aria-label={t('assemblies.removeAttendee', { name: p.displayName })}
                  >
                    {t('assemblies.remove')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollTable>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (personId) add.mutate();
        }}
      >
        <Group align="flex-end" gap="sm" wrap="wrap">
          <NativeSelect
            label={t('assemblies.attendeeCoop')}
            value={coopId}
            onChange={(e) => {
              setCoopId(e.currentTarget.value);
              setPersonId('');
            }}
            data={[
              { value: '', label: t('newProposal.chooseOne') },
              ...(coops.data?.items ?? []).map((c) => ({ value: c.id, label: c.name })),
            ]}
            style={{ flex: 1, minWidth: 200 }}
          />
          <NativeSelect
            label={t('assemblies.attendee')}
            value={personId}
            onChange={(e) => setPersonId(e.currentTarget.value)}
            data={[{ value: '', label: t('governancePage.chooseWorker') }, ...workerOptions]}
            disabled={!coopId}
            style={{ flex: 1, minWidth: 200 }}
          />
          <Button type="submit" disabled={!personId} loading={add.isPending}>
            {t('assemblies.recordAttendance')}
          </Button>
        </Group>
      </form>
      <ErrorAlert error={add.error ?? coops.error ?? workers.error} />
    </Stack>
  );
}
