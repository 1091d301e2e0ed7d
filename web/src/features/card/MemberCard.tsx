import { Alert, Paper, Stack, Text } from '@mantine/core';
import { lastWholeDay } from '@coopnet/domain/benefits/calendar';
import { formatShortCode } from '@coopnet/domain/credentials/short-code';
import { useTranslation } from 'react-i18next';
import { useNetwork } from '../../api/session.ts';
import { useFormat } from '../../components/useFormat.ts';
import { QrCode } from './QrCode.tsx';
import type { MyCard } from './types.ts';

/** What the cashier needs to see: the QR code, the short code to type or read aloud, who holds it and until when. */
export function MemberCard({ card }: { card: MyCard }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { data: network } = useNetwork();
  const expired = Date.parse(card.expiresAt) <= Date.now();
  // The last whole day, as the printed card says it.
  const validUntil = format.day(lastWholeDay(new Date(card.expiresAt), network?.timeZone ?? 'UTC'));
  return (
    <Paper withBorder radius="lg" p={{ base: 'xs', sm: 'lg' }} w="100%" maw={420} mx="auto">
      <Stack gap="sm" align="center" ta="center">
        <Text size="sm" fw={700} c="dimmed">
          {t('card.name')}
        </Text>
        <QrCode text={card.token} label={t('card.qrLabel')} />
        <div>
          <Text size="sm" c="dimmed">
            {t('card.shortCode')}
          </Text>
          <Text className="card-short-code">{formatShortCode(card.shortCode)}</Text>
        </div>
        <div>
          <Text fz="1.5rem" fw={700} lh={1.25} className="break-anywhere">
            {card.holder.displayName}
          </Text>
          <Text size="lg">{card.kind === 'supporter' ? t('card.supporter') : (card.holder.coopName ?? '')}</Text>
        </div>
        {expired ? (
          <Alert color="red" variant="light" title={t('card.expiredTitle')} w="100%" ta="start">
            {t('card.expired', { date: validUntil })}
          </Alert>
        ) : (
          <Text>{t('card.validUntil', { date: validUntil })}</Text>
        )}
      </Stack>
    </Paper>
  );
}
