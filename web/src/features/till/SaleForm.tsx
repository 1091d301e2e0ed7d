/**
 * The sale: the amount typed in the network's currency, the discount worked
 * out as it is typed (domain `discountFor`), then recorded. Each sale gets
 * one idempotency key, made when it is first recorded and kept while it is
 * the same sale, so a retry — or the queued copy synced later — is recorded
 * once. The sale carries the card as presented (its proof). No connection, or
 * the request lost on the way: the sale is queued with the card's signed
 * text — but a card typed by its code can only be recorded online, so that
 * sale waits for the cashier to try again (with the same key) or scan the QR.
 */
import { Alert, Button, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { discountFor, type OfferTerms } from '@coopnet/domain/benefits/offer-rules';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isUnreachable } from '../../api/client.ts';
import { parseSaleAmount } from './amount.ts';
import { tillApi } from './till-api.ts';
import { type Holder, type Offer, type PresentedCard, type QueuedSale, presentedText } from './till-types.ts';
import type { TillWords } from './useTillWords.ts';

export interface SaleContext {
  coopId: string;
  online: boolean;
  holder: Holder;
  offer: Offer;
  /** the card as presented: sent with the sale as its proof */
  card: PresentedCard;
  words: TillWords;
  queueSale: (sale: QueuedSale) => void;
  noteReachable: (err: unknown) => void;
}

type Outcome =
  | { kind: 'recorded'; discountCents: number }
  | { kind: 'queued'; discountCents: number }
  | { kind: 'failed'; error: unknown }
  /** no connection, and the card was typed by its code: only the server can take that sale */
  | { kind: 'needsConnection' };

/** A fresh key per sale; `randomUUID` needs a secure context, `getRandomValues` does not. */
export function newSaleKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
}

const termsOf = (o: Offer): OfferTerms => ({
  kind: o.kind,
  percent: o.percent,
  amountCents: o.amountCents,
  maxDiscountCents: o.maxDiscountCents,
  minSaleCents: o.minSaleCents,
});

export function SaleForm(props: SaleContext & { onNextCustomer: () => void }) {
  const { coopId, online, holder, offer, card, words, queueSale, noteReachable, onNextCustomer } = props;
  const { t } = useTranslation();
  const [amount, setAmount] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const key = useRef<string | null>(null);
  const amountInput = useRef<HTMLInputElement>(null);

  const parsed = parseSaleAmount(amount);
  const discount = parsed.ok ? discountFor(termsOf(offer), parsed.cents) : null;
  const problem = amount.trim() === '' ? null : !parsed.ok ? t(`till.sale.problem.${parsed.problem}`) : null;
  const belowMin = discount && !discount.ok && discount.reason === 'below_min_sale';
  const done = outcome?.kind === 'recorded' || outcome?.kind === 'queued';

  // Another amount is another sale: it gets its own key.
  useEffect(() => {
    key.current = null;
  }, [amount]);

  useEffect(() => amountInput.current?.focus(), []);

  const record = async (e: FormEvent) => {
    e.preventDefault();
    if (!parsed.ok || !discount?.ok || busy || done) return;
    const saleKey = (key.current ??= newSaleKey());
    const body = { offerId: offer.id, card: presentedText(card), saleCents: parsed.cents };
    const queue = () => {
      // Offline, only the signed card proves the sale; the key stays, so trying again records it once.
      if (card.kind !== 'token') return setOutcome({ kind: 'needsConnection' });
      queueSale({
        key: saleKey,
        ...body,
        redeemedAt: new Date().toISOString(),
        note: { holderName: holder.displayName, offerTitle: offer.title, discountCents: discount.discountCents },
      });
      setOutcome({ kind: 'queued', discountCents: discount.discountCents });
    };
    if (!online) return queue();
    setBusy(true);
    try {
      const redemption = await tillApi.redeem(coopId, saleKey, body);
      setOutcome({ kind: 'recorded', discountCents: redemption.discountCents });
    } catch (err) {
      // Lost on the way: it may or may not have arrived, so it is queued with the same key and recorded once.
      if (isUnreachable(err)) {
        noteReachable(err);
        queue();
      } else {
        setOutcome({ kind: 'failed', error: err });
      }
    } finally {
      setBusy(false);
    }
  };

  const anotherSale = () => {
    setAmount('');
    setOutcome(null);
    key.current = null;
    amountInput.current?.focus();
  };

  return (
    <section aria-labelledby="till-sale-title">
      <Title order={2} id="till-sale-title" size="h3" mb="sm">
        {t('till.sale.title')}
      </Title>
      <form onSubmit={record}>
        <Stack gap="sm">
          <TextInput
            ref={amountInput}
            size="lg"
            label={t('till.sale.amount')}
            description={t('till.sale.amountHint', { currency: words.currency })}
            inputMode="decimal"
            autoComplete="off"
            value={amount}
            onChange={(e) => {
              setAmount(e.currentTarget.value);
              if (outcome?.kind === 'failed' || outcome?.kind === 'needsConnection') setOutcome(null);
            }}
            error={problem}
            readOnly={done}
          />
          {parsed.ok && discount?.ok && (
            <Text fz="xl" fw={700}>
              {t('till.sale.preview', {
                discount: words.money(discount.discountCents),
                toPay: words.money(parsed.cents - Math.min(discount.discountCents, parsed.cents)),
              })}
            </Text>
          )}
          {belowMin && (
            <Text fw={600}>{t('till.sale.belowMin', { amount: words.money(offer.minSaleCents ?? 0) })}</Text>
          )}
          {!done && (
            <Button type="submit" size="xl" fullWidth loading={busy} disabled={!discount?.ok}>
              {t('till.sale.record')}
            </Button>
          )}
        </Stack>
      </form>
      {outcome && (
        <Stack gap="sm" mt="sm">
          {outcome.kind === 'failed' || outcome.kind === 'needsConnection' ? (
            <Alert color="red" variant="light" role="alert" title={t('errors.title')}>
              <Text fz="lg">
                {outcome.kind === 'failed' ? words.errorWords(outcome.error) : t('till.sale.codeNeedsConnection')}
              </Text>
            </Alert>
          ) : (
            <Alert color={outcome.kind === 'recorded' ? 'green' : 'yellow'} variant="light" role="status">
              <Text fz="lg" fw={600}>
                {t(outcome.kind === 'recorded' ? 'till.sale.recorded' : 'till.sale.queued', {
                  discount: words.money(outcome.discountCents),
                  name: holder.displayName,
                })}
              </Text>
            </Alert>
          )}
          {done && (
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
              <Button size="lg" variant="default" onClick={anotherSale}>
                {t('till.sale.another')}
              </Button>
              <Button size="lg" onClick={onNextCustomer}>
                {t('till.sale.next')}
              </Button>
            </SimpleGrid>
          )}
        </Stack>
      )}
    </section>
  );
}
