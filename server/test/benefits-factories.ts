/** Offers and cards for tests of benefits, tills and reciprocity. */
import type { FastifyInstance } from 'fastify';
import type { OfferTable } from '../src/db/schema-benefits.ts';
import type { AppDeps } from '../src/deps.ts';
import { newId, nowIso } from '../src/platform/clock.ts';
import { signIn } from './factories.ts';

/** An active 20 %-off offer of this co-op for the workers of the others, unless told otherwise. */
export async function makeOffer(deps: AppDeps, coopId: string, o: Partial<OfferTable> = {}) {
  const now = nowIso();
  const row: OfferTable = {
    id: newId(),
    coop_id: coopId,
    title: 'Twenty percent off',
    terms: '',
    kind: 'percent',
    percent: 20,
    amount_cents: null,
    item: null,
    max_discount_cents: null,
    min_sale_cents: null,
    for_workers: 1,
    for_supporters: 0,
    sectors_json: '[]',
    limit_period: null,
    limit_count: null,
    limit_cents: null,
    cap_count: null,
    cap_cents: null,
    valid_from: null,
    valid_until: null,
    status: 'active',
    created_by: null,
    created_at: now,
    updated_at: now,
    ended_at: null,
    ...o,
  };
  await deps.db.insertInto('offers').values(row).execute();
  return row;
}

/** The member's card as the app gives it to them (issued on first request). */
export async function cardOf(app: FastifyInstance, email: string) {
  const client = await signIn(app, email);
  const res = await client.get('/api/v1/me/card');
  if (res.statusCode !== 200) throw new Error(`no card: ${res.statusCode} ${res.body}`);
  return res.json() as { cardId: string; shortCode: string; token: string; kind: 'worker' | 'supporter'; expiresAt: string };
}
