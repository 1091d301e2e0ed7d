import type { OutboxMail } from '@coopnet/contract/audit';
import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../components/useFormat.ts';

/**
 * Where a mail stands: sent (when), queued, failed or kept; its failed
 * attempts; and what the mail server said at the last one (cut to two lines
 * in the table, whole in the opened mail).
 */
export function MailState({ mail, full = false }: { mail: OutboxMail; full?: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const label =
    mail.state === 'sent'
      ? t('outbox.sentAt', { date: fmt.dateTime(mail.sentAt!) })
      : mail.state === 'kept'
        ? mail.withheld
          ? t('outbox.withheld')
          : t('outbox.kept')
        : t(`outbox.states.${mail.state}`);
  return (
    <Stack gap={2}>
      <Text size="sm" fw={mail.state === 'sent' ? undefined : 600} c={mail.state === 'failed' ? 'red.9' : undefined}>
        {label}
      </Text>
      {mail.attempts > 0 && <Text size="xs">{t('outbox.attempts', { count: mail.attempts })}</Text>}
      {mail.lastError && mail.state !== 'sent' && (
        <Text
          size="xs"
          className="break-anywhere"
          lineClamp={full ? undefined : 2}
          title={full ? undefined : mail.lastError}
        >
          {full ? t('outbox.lastError', { error: mail.lastError }) : mail.lastError}
        </Text>
      )}
    </Stack>
  );
}
