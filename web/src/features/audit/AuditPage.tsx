import type { AuditEvent, AuditName } from '@coopnet/contract/audit';
import type { Page } from '@coopnet/contract/common';
import { Button, Code, Group, Modal, NativeSelect, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
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
import { KNOWN_ACTIONS } from './actions.ts';
import { actionChoice, eventSentence } from './auditWords.ts';
import { NamePicker } from './NamePicker.tsx';

const PAGE_SIZE = 50;

interface Filter {
  action: string;
  actor: AuditName | null;
  subject: AuditName | null;
  coop: AuditName | null;
}
const EMPTY: Filter = { action: '', actor: null, subject: null, coop: null };

export function AuditPage() {
  return (
    <RequireAbility ability="readAudit">
      <AuditLog />
    </RequireAbility>
  );
}

/** Every state change as a sentence, who made it, and what it was before and after. */
function AuditLog() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  usePageTitle(t('audit.title'));
  const fmt = useFormat();
  const [draft, setDraft] = useState<Filter>(EMPTY);
  const [filter, setFilter] = useState<Filter>(EMPTY);
  const [offset, setOffset] = useState(0);
  const [open, setOpen] = useState<AuditEvent | null>(null);
  const query = {
    action: filter.action,
    actorId: filter.actor?.id,
    subjectId: filter.subject?.id,
    coopId: filter.coop?.id,
  };
  const events = useQuery({
    queryKey: ['audit', query, offset],
    queryFn: ({ signal }) => api<Page<AuditEvent>>('/audit', { query: { ...query, limit: PAGE_SIZE, offset }, signal }),
    placeholderData: keepPreviousData,
  });
  const errors = fieldErrorsOf(events.error);
  const actions = KNOWN_ACTIONS.map((a) => ({ value: a, label: actionChoice(t, a) })).sort((a, b) =>
    a.label.localeCompare(b.label),
  );

  return (
    <Stack gap="lg">
      <Title order={1}>{t('audit.title')}</Title>
      <form
        aria-label={t('audit.filters')}
        onSubmit={(e) => {
          e.preventDefault();
          setFilter(draft);
          setOffset(0);
        }}
      >
        <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="sm" style={{ alignItems: 'end' }}>
          <NativeSelect
            label={t('auditWords.what')}
            value={draft.action}
            onChange={(e) => setDraft({ ...draft, action: e.currentTarget.value })}
            data={[{ value: '', label: t('auditWords.anyAction') }, ...actions]}
            error={errors.action}
          />
          <NamePicker
            kind="people"
            label={t('auditWords.doneBy')}
            value={draft.actor}
            onChange={(actor) => setDraft({ ...draft, actor })}
            nothingFound={t('auditWords.nothingFound')}
            error={errors.actorId}
          />
          <NamePicker
            kind="people"
            label={t('auditWords.about')}
            value={draft.subject}
            onChange={(subject) => setDraft({ ...draft, subject })}
            nothingFound={t('auditWords.nothingFound')}
            error={errors.subjectId}
          />
          <NamePicker
            kind="coops"
            label={t('auditWords.coop')}
            value={draft.coop}
            onChange={(coop) => setDraft({ ...draft, coop })}
            nothingFound={t('auditWords.nothingFoundCoop')}
            error={errors.coopId}
          />
        </SimpleGrid>
        <Text size="sm" c="dimmed" mt={4}>
          {t('auditWords.pickHint')}
        </Text>
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
        <ScrollTable label={t('audit.tableLabel')} minWidth={560}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('audit.at')}</Table.Th>
              <Table.Th scope="col">{t('auditWords.what')}</Table.Th>
              <Table.Th scope="col">{t('audit.changes')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {events.data.items.map((ev) => {
              const sentence = eventSentence(t, ev, language);
              return (
                <Table.Tr key={ev.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{fmt.dateTime(ev.at)}</Table.Td>
                  <Table.Td className="break-anywhere">{sentence}</Table.Td>
                  <Table.Td>
                    <Button
                      size="compact-sm"
                      variant="default"
                      onClick={() => setOpen(ev)}
                      aria-label={t('auditWords.showNamed', { sentence, date: fmt.dateTime(ev.at) })}
                    >
                      {t('audit.show')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </ScrollTable>
      )}
      {events.data && <Pager total={events.data.total} limit={PAGE_SIZE} offset={offset} onChange={setOffset} />}
      <Modal
        opened={!!open}
        onClose={() => setOpen(null)}
        title={open ? `${eventSentence(t, open, language)} · ${fmt.dateTime(open.at)}` : ''}
        size="lg"
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {open && (
          <Stack gap="sm">
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
