import type { AuditEvent } from '@coopnet/contract/audit';
import type { Page } from '@coopnet/contract/common';
import { Button, Code, Group, Modal, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { fieldErrorsOf } from '../../api/errors.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Pager } from '../../components/Pager.tsx';
import { RequireAbility } from '../../components/RequireAbility.tsx';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { useFormat } from '../../components/useFormat.ts';
import { usePageTitle } from '../../components/usePageTitle.ts';

const PAGE_SIZE = 50;
const EMPTY = { action: '', actorId: '', subjectId: '', coopId: '' };
type Filter = typeof EMPTY;

export function AuditPage() {
  return (
    <RequireAbility ability="readAudit">
      <AuditLog />
    </RequireAbility>
  );
}

/** Every state change, who made it, and what it was before and after. */
function AuditLog() {
  const { t } = useTranslation();
  usePageTitle(t('audit.title'));
  const fmt = useFormat();
  const [draft, setDraft] = useState<Filter>(EMPTY);
  const [filter, setFilter] = useState<Filter>(EMPTY);
  const [offset, setOffset] = useState(0);
  const [open, setOpen] = useState<AuditEvent | null>(null);
  const events = useQuery({
    queryKey: ['audit', filter, offset],
    queryFn: ({ signal }) =>
      api<Page<AuditEvent>>('/audit', { query: { ...filter, limit: PAGE_SIZE, offset }, signal }),
    placeholderData: keepPreviousData,
  });
  const errors = fieldErrorsOf(events.error);
  const field = (key: keyof Filter) => ({
    value: draft[key],
    onChange: (e: { currentTarget: { value: string } }) => setDraft({ ...draft, [key]: e.currentTarget.value }),
    error: errors[key],
  });

  return (
    <Stack gap="lg">
      <Title order={1}>{t('audit.title')}</Title>
      <form
        aria-label={t('audit.filters')}
        onSubmit={(e) => {
          e.preventDefault();
          setFilter({
            action: draft.action.trim(),
            actorId: draft.actorId.trim(),
            subjectId: draft.subjectId.trim(),
            coopId: draft.coopId.trim(),
          });
          setOffset(0);
        }}
      >
        <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="sm" style={{ alignItems: 'end' }}>
          <TextInput label={t('audit.action')} description={t('audit.actionHint')} {...field('action')} />
          <TextInput label={t('audit.actorId')} {...field('actorId')} />
          <TextInput label={t('audit.subjectId')} {...field('subjectId')} />
          <TextInput label={t('audit.coopId')} {...field('coopId')} />
        </SimpleGrid>
        <Group mt="sm" gap="sm">
          <Button type="submit">{t('audit.apply')}</Button>
          <Button
            variant="default"
            onClick={() => {
              setDraft(EMPTY);
              setFilter(EMPTY);
              setOffset(0);
            }}
          >
            {t('audit.clear')}
          </Button>
        </Group>
      </form>
      <ErrorAlert error={events.error} />
      {events.isPending && <Loading />}
      {events.data && events.data.items.length === 0 && <Text>{t('audit.none')}</Text>}
      {events.data && events.data.items.length > 0 && (
        <ScrollTable label={t('audit.tableLabel')} minWidth={820}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('audit.at')}</Table.Th>
              <Table.Th scope="col">{t('audit.actor')}</Table.Th>
              <Table.Th scope="col">{t('audit.action')}</Table.Th>
              <Table.Th scope="col">{t('audit.subject')}</Table.Th>
              <Table.Th scope="col">{t('audit.changes')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {events.data.items.map((ev) => (
              <Table.Tr key={ev.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{fmt.dateTime(ev.at)}</Table.Td>
                <Table.Td>{ev.actorName ?? (ev.actorId ? ev.actorId : t('audit.system'))}</Table.Td>
                <Table.Td>
                  <Code>{ev.action}</Code>
                </Table.Td>
                <Table.Td className="break-anywhere">
                  {ev.subjectType}
                  {ev.subjectId ? ` ${ev.subjectId}` : ''}
                </Table.Td>
                <Table.Td>
                  <Button
                    size="compact-sm"
                    variant="default"
                    onClick={() => setOpen(ev)}
                    aria-label={t('audit.showNamed', { action: ev.action, date: fmt.dateTime(ev.at) })}
                  >
                    {t('audit.show')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollTable>
      )}
      {events.data && <Pager total={events.data.total} limit={PAGE_SIZE} offset={offset} onChange={setOffset} />}
      <Modal
        opened={!!open}
        onClose={() => setOpen(null)}
        title={open ? `${open.action} · ${fmt.dateTime(open.at)}` : ''}
        size="lg"
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {open && (
          <Stack gap="sm">
            <Text size="sm" className="break-anywhere">
              {t('audit.detail', {
                actor: open.actorName ?? open.actorId ?? t('audit.system'),
                subject: `${open.subjectType} ${open.subjectId ?? ''}`.trim(),
              })}
            </Text>
            <Title order={3} fz="md">
              {t('audit.before')}
            </Title>
            <Code block>{JSON.stringify(open.before ?? null, null, 2)}</Code>
            <Title order={3} fz="md">
              {t('audit.after')}
            </Title>
            <Code block>{JSON.stringify(open.after ?? null, null, 2)}</Code>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}
