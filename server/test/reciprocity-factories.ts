/**
 * Test set-up for the reciprocity accounts: redemptions written straight into
 * the table, as the tills would have recorded them, with whatever month,
 * holder and flag a test needs.
 */
import { randomBytes } from 'node:crypto';
import { makeOffer } from './benefits-factories.ts';
import { makePerson } from './factories.ts';
import type { FlagDecision, RedemptionFlag } from '../src/db/schema-benefits.ts';
import type { AppDeps } from '../src/deps.ts';
import { newId } from '../src/platform/clock.ts';

const offers = new Map<string, string>();

export interface Holder {
  personId: string;
  coopId: string | null;
  cardId: string;
}

/** A worker of the co-op (or a supporter, for null) with a card. */
export async function makeHolder(deps: AppDeps, coopId: string | null): Promise<Holder> {
  const person = await makePerson(deps, coopId ? { coopId } : { supporter: true });
  const cardId = randomBytes(5).toString('hex');
  await deps.db
    .insertInto('cards')
    .values({
      id: cardId,
      person_id: person.id,
      short_code: cardId.slice(0, 8).toUpperCase(),
      kind: coopId ? 'worker' : 'supporter',
      coop_id: coopId,
      issued_at: '2020-01-01T00:00:00.000Z',
      expires_at: '2099-01-01T00:00:00.000Z',
      revoked_at: null,
      revocation_reason: null,
    })
    .execute();
  return { personId: person.id, coopId, cardId };
}

/** A redemption at the giver's till in `month` (YYYY-MM), of `cents` off; a flagged one is undecided unless `decision` is given. */
export async function redeem(
  deps: AppDeps,
  giverCoopId: string,
  holder: Holder,
  month: string,
  cents: number,
  flag: RedemptionFlag | null = null,
  decision: FlagDecision | null = null,
) {
  let offerId = offers.get(giverCoopId);
  if (!offerId) {
    offerId = (await makeOffer(deps, giverCoopId, { for_supporters: 1 })).id;
    offers.set(giverCoopId, offerId);
  }
  const at = `${month}-15T12:00:00.000Z`;
  await deps.db
    .insertInto('redemptions')
    .values({
      id: newId(),
      offer_id: offerId,
      coop_id: giverCoopId,
      card_id: holder.cardId,
      person_id: holder.personId,
      holder_coop_id: holder.coopId,
      holder_kind: holder.coopId ? 'worker' : 'supporter',
      sale_cents: cents * 5,
      discount_cents: cents,
      redeemed_at: at,
      month,
      accounting_month: month,
      recorded_at: at,
      cashier_id: null,
      offline: flag ? 1 : 0,
      flag,
      flag_decision: flag ? decision : null,
      flag_resolved_at: null,
      flag_resolved_by: null,
      idempotency_key: newId(),
    })
    .execute();
}

/** What the redemptions table itself says of a month, counting what counts (no flag, or an accepted one): the figure the matrix must add up to. */
export async function monthTotal(deps: AppDeps, month: string): Promise<{ count: number; cents: number }> {
  const rows = await deps.db
    .selectFrom('redemptions')
    .select('discount_cents')
    .where('accounting_month', '=', month)
    .where((eb) => eb.or([eb('flag', 'is', null), eb('flag_decision', '=', 'accepted')]))
    .execute();
  return { count: rows.length, cents: rows.reduce((s, r) => s + Number(r.discount_cents), 0) };
}
