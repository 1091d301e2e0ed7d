import type { OutboxMail } from '@coopnet/contract/audit';
import type { Page } from '@coopnet/contract/common';
import { Alert, Anchor, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Pager } from '../../components/Pager.tsx';
import { RequireAbility } from '../../components/RequireAbility.tsx';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { useFormat } from '../../components/useFormat.ts';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { MailState } from './MailState.tsx';

const PAGE_SIZE = 25;

export function OutboxPage() {
  return (
    <RequireAbility ability="readOutbox">
      <Outbox />
    </RequireAbility>
  );
}

/**
 * Mail the network sent or keeps (when no SMTP server is set up), as plain
 * text, each with where it stands: sent, queued (tried again), failed, kept,
 * its failed attempts and what the mail server said last. Secret links
 * (resets, invitations, sign-up confirmations) arrive masked from the server:
 * only their recipient ever gets them.
 */
function Outbox() {
  const { t } = useTranslation();
  usePageTitle(t('outbox.title'));
  const fmt = useFormat();
  const [offset, setOffset] = useState(0);
  const [open, setOpen] = useState<OutboxMail | null>(null);
  const mails = useQuery({
    queryKey: ['outbox', offset],
    queryFn: ({ signal }) => api<Page<OutboxMail>>('/outbox', { query: { limit: PAGE_SIZE, offset }, signal }),
    placeholderData: keepPreviousData,
  });

  return (
    <Stack gap="lg">
      <Title order={1}>{t('outbox.title')}</Title>
      <Text>{t('outbox.intro')}</Text>
      <ErrorAlert error={mails.error} />
      {mails.isPending && <Loading />}
      {mails.data && mails.data.items.length === 0 && <Text>{t('outbox.none')}</Text>}
      {mails.data && mails.data.items.length > 0 && (
        <ScrollTable label={t('outbox.tableLabel')} minWidth={640}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('outbox.subject')}</Table.Th>
              <Table.Th scope="col">{t('outbox.to')}</Table.Th>
              <Table.Th scope="col">{t('outbox.date')}</Table.Th>
              <Table.Th scope="col">{t('outbox.state')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {mails.data.items.map((m) => (
              <Table.Tr key={m.id}>
                <Table.Td>
                  <Anchor component="button" type="button" onClick={() => setOpen(m)} ta="left">
                    {m.subject}
                  </Anchor>
                </Table.Td>
                <Table.Td className="break-anywhere">{m.to}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{fmt.dateTime(m.createdAt)}</Table.Td>
                <Table.Td>
                  <MailState mail={m} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollTable>
      )}
      {mails.data && <Pager total={mails.data.total} limit={PAGE_SIZE} offset={offset} onChange={setOffset} />}
      <Modal
        opened={!!open}
        onClose={() => setOpen(null)}
        title={open?.subject ?? ''}
        size="lg"
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {open && (
          <Stack gap="sm">
            <Text size="sm" className="break-anywhere">
              {t('outbox.toLine', { to: open.to, date: fmt.dateTime(open.createdAt) })}
            </Text>
            <MailState mail={open} full />
            {open.secretHidden && (
              <Alert color={open.withheld ? 'orange' : 'blue'} variant="outline">
                {open.withheld ? t('outbox.secretWithheld') : t('outbox.secretHidden')}
              </Alert>
            )}
            <pre className="mail-body">{open.text}</pre>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}
