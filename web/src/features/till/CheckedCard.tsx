/**
 * After a card is accepted: who holds it, the offers they may use now (large
 * choices, with what remains of their limits), the ones they may not (with
 * the reason), and the sale.
 */
import { Alert, Card, Group, List, Radio, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../components/useFormat.ts';
import { SaleForm, type SaleContext } from './SaleForm.tsx';
import { type Holder, type UsableOffer, presentedText } from './till-types.ts';
import type { TillWords } from './useTillWords.ts';

export interface CheckedCardProps {
  holder: Holder;
  offers: UsableOffer[];
  source: 'server' | 'device';
  words: TillWords;
  sale: Omit<SaleContext, 'holder' | 'offer'>;
  onNextCustomer: () => void;
}

export function CheckedCard({ holder, offers, source, words, sale, onNextCustomer }: CheckedCardProps) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const usable = offers.filter((o) => o.refusal === null);
  const unusable = offers.filter((o) => o.refusal !== null);
  // With one usable offer there is nothing to choose: it is chosen already.
  const sole = usable.length === 1 ? usable[0]!.offer.id : null;
  // The cashier's pick, else the only usable offer. A new card remounts this (keyed by card id in TillPage).
  const [picked, setPicked] = useState<string | null>(null);
  const chosen = usable.some((o) => o.offer.id === picked) ? picked : sole;
  const offer = usable.find((o) => o.offer.id === chosen)?.offer ?? null;
  const reasons = [...new Set(unusable.map((o) => o.refusal!))];

  return (
    <Stack gap="lg">
      <section aria-labelledby="till-holder-title">
        <Title order={2} id="till-holder-title" size="h3" mb="sm">
          {t('till.holder.title')}
        </Title>
        <Card withBorder padding="md">
          <Text fz={26} fw={700} className="break-anywhere">
            {holder.displayName}
          </Text>
          <Text fz="lg">
            {holder.kind === 'supporter'
              ? t('till.holder.supporter')
              : (holder.coopName ?? t('till.holder.unknownCoop'))}
          </Text>
          <Text>{t('till.holder.validUntil', { date: fmt.date(holder.expiresAt) })}</Text>
          {source === 'device' && (
            <Text size="sm" mt="xs" fw={600}>
              {t('till.holder.onDevice')}
            </Text>
          )}
        </Card>
      </section>

      <section aria-labelledby="till-offers-title">
        <Title order={2} id="till-offers-title" size="h3" mb="sm">
          {t('till.offers.title')}
        </Title>
        {offers.length === 0 ? (
          <Text>{t('till.offers.none')}</Text>
        ) : usable.length === 0 ? (
          <Alert color="orange" variant="light" title={t('till.offers.noneUsable')}>
            {reasons.length === 1 && t('till.offers.why', { reason: words.offerRefusal(reasons[0]!) })}
          </Alert>
        ) : (
          <Radio.Group value={chosen} onChange={setPicked} label={t('till.offers.choose')}>
            <Stack gap="sm" mt="xs">
              {usable.map(({ offer: o, remaining }) => {
                const left = words.remainingLines(o, remaining);
                return (
                  <Radio.Card
                    key={o.id}
                    value={o.id}
                    p="md"
                    radius="md"
                    style={{
                      minHeight: 64,
                      borderWidth: 2,
                      borderColor: chosen === o.id ? 'var(--mantine-primary-color-filled)' : undefined,
                      background: chosen === o.id ? 'var(--mantine-primary-color-light)' : undefined,
                    }}
                  >
                    <Group wrap="nowrap" align="flex-start" gap="md">
                      <Radio.Indicator size="md" mt={4} />
                      <div style={{ minWidth: 0 }}>
                        <Text fw={700} fz="lg" className="break-anywhere">
                          {o.title}
                        </Text>
                        <Text>{words.offerLine(o)}</Text>
                        {left.length > 0 && <Text size="sm">{left.join(' · ')}</Text>}
                      </div>
                    </Group>
                  </Radio.Card>
                );
              })}
            </Stack>
          </Radio.Group>
        )}
        {unusable.length > 0 && (
          <>
            <Title order={3} size="h5" mt="md" mb="xs">
              {t('till.offers.notUsable')}
            </Title>
            <List spacing={4}>
              {unusable.map(({ offer: o, refusal }) => (
                <List.Item key={o.id} className="break-anywhere">
                  {o.title} — {words.offerRefusal(refusal!, o)}
                </List.Item>
              ))}
            </List>
          </>
        )}
      </section>

      {offer && (
        <SaleForm
          key={`${presentedText(sale.card)}:${offer.id}`}
          {...sale}
          holder={holder}
          offer={offer}
          onNextCustomer={onNextCustomer}
        />
      )}
    </Stack>
  );
}
