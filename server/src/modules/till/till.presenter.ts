/** Redemption rows to the API's shape, and the till's view of a card holder. */
import type { Redemption } from '@coopnet/contract/till';
import type { RedemptionFlag } from '@coopnet/contract/till';
import type { TillCard } from '../cards/index.ts';
import type { RedemptionView } from './till.repository.ts';

export function presentRedemption(r: RedemptionView): Redemption {
  return {
    id: r.id,
    offerId: r.offer_id,
    offerTitle: r.offer_title,
    coopId: r.coop_id,
    coopName: r.coop_name,
    holderName: r.holder_name,
    holderCoopId: r.holder_coop_id,
    holderKind: r.holder_kind,
    saleCents: r.sale_cents,
    discountCents: r.discount_cents,
    redeemedAt: r.redeemed_at,
    recordedAt: r.recorded_at,
    accountingMonth: r.accounting_month,
    offline: r.offline === 1,
    flag: r.flag satisfies RedemptionFlag | null,
    flagDecision: r.flag_decision,
    flagResolvedAt: r.flag_resolved_at,
  };
}

/** No card id: it would serve as the card's code (the code is derived from it), and the cashier has the card in hand. */
export function presentHolder(card: TillCard) {
  return {
    displayName: card.display_name,
    kind: card.kind,
    coopId: card.coop_id,
    coopName: card.coop_name,
    expiresAt: card.expires_at,
  };
}
