/** The till's status line: connection, sales waiting, the last sync's outcome, and what waits in the queue. */
import { Alert, Group, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../components/useFormat.ts';
import type { QueuedSale } from './till-types.ts';
import type { SyncReport } from './useTill.ts';
import type { TillWords } from './useTillWords.ts';

interface Props {
  online: boolean;
  queue: QueuedSale[];
  refreshedAt: string | null;
  syncReport: SyncReport | null;
  syncError: unknown;
  words: TillWords;
}

export function TillStatus({ online, queue, refreshedAt, syncReport, syncError, words }: Props) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <Stack gap="xs">
      <div role="status" aria-label={t('till.status.label')}>
        <Group gap="sm" wrap="wrap">
          <Text
            component="span"
            fw={700}
            px="sm"
            py={4}
            style={{
              borderRadius: 6,
              // Dark text on a light tint: the colour helps, the words say it.
              background: online ? 'var(--mantine-color-green-1)' : 'var(--mantine-color-orange-1)',
              borderLeft: `6px solid var(--mantine-color-${online ? 'green' : 'orange'}-8)`,
            }}
          >
            {online ? t('till.status.online') : t('till.status.offline')}
          </Text>
          <Text fw={600}>
            {queue.length > 0 ? t('till.status.queued', { count: queue.length }) : t('till.status.nothingQueued')}
          </Text>
        </Group>
        {syncReport && (
          <Text mt={4}>
            {[
              t('till.status.synced', { count: syncReport.synced }),
              syncReport.flagged > 0 && t('till.status.flagged', { count: syncReport.flagged }),
              syncReport.rejected.length > 0 && t('till.status.rejected', { count: syncReport.rejected.length }),
            ]
              .filter(Boolean)
              .join(' · ')}
          </Text>
        )}
      </div>
      <Text size="sm">
        {refreshedAt ? t('till.status.updated', { time: fmt.dateTime(refreshedAt) }) : t('till.status.neverUpdated')}
      </Text>
      {syncError !== null && (
        <Alert color="red" variant="light" role="alert">
          {t('till.status.syncFailed', { error: words.errorWords(syncError) })}
        </Alert>
      )}
      {syncReport && syncReport.rejected.length > 0 && (
        <section aria-labelledby="till-rejected-title">
          <Title order={2} size="h5" id="till-rejected-title">
            {t('till.queue.rejectedTitle')}
          </Title>
          <List>
            {syncReport.rejected.map((r) => (
              <List.Item key={r.key} className="break-anywhere">
                {t('till.queue.rejected', {
                  what: r.note ? `${r.note.holderName} — ${r.note.offerTitle}` : r.key,
                  reason: r.reason ? t(`till.syncRejection.${r.reason}`, { defaultValue: r.reason }) : '',
                })}
              </List.Item>
            ))}
          </List>
        </section>
      )}
    </Stack>
  );
}

/** What waits in the queue, so the cashier can see nothing is lost. */
export function QueuedSales({ queue, words }: { queue: QueuedSale[]; words: TillWords }) {
  const { t } = useTranslation();
  if (queue.length === 0) return null;
  return (
    <section aria-labelledby="till-queue-title">
      <Title order={2} id="till-queue-title" size="h4" mb="xs">
        {t('till.queue.title')}
      </Title>
      <List spacing={4}>
        {queue.map((q) => (
          <List.Item key={q.key} className="break-anywhere">
            {q.note
              ? t('till.queue.item', {
                  name: q.note.holderName,
                  offer: q.note.offerTitle,
                  sale: words.money(q.saleCents),
                  discount: words.money(q.note.discountCents),
                })
              : t('till.queue.itemPlain', { sale: words.money(q.saleCents) })}
          </List.Item>
        ))}
      </List>
    </section>
  );
}
