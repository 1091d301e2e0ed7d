/** The till's other routes refuse malformed requests with a 400 and change nothing. */
import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { tableCounts } from '../../../test/factories.ts';
import { describeOnDatabases } from '../../../test/harness.ts';
import { holderWithCard, offer, redeem, tillWorld } from '../../../test/till-factories.ts';

describeOnDatabases('till bad input', (t) => {
  let w: Awaited<ReturnType<typeof tillWorld>>;
  let redemptionId: string;
  beforeAll(async () => {
    w = await tillWorld(t);
    const ana = await holderWithCard(t, w.other.id);
    const open = await offer(t, w.giver.id);
    redemptionId = (await redeem(w.cashier.client, w.giver.id, { offerId: open.id, card: ana.card.token, saleCents: 1000 })).json().id;
  });

  it('checking a card: no card, too short, too long, extra fields, a co-op id that is not one', async () => {
    const before = await tableCounts(t.deps);
    const url = `/api/v1/till/${w.giver.id}/verify`;
    for (const body of [{}, { card: '' }, { card: 'abc' }, { card: 'x'.repeat(2001) }, { card: 12345678 }, { card: 'ABCD2345', extra: 1 }]) {
      const res = await w.cashier.client.post(url, body);
      expect(res.statusCode, JSON.stringify(body).slice(0, 60)).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
    }
    expect((await w.cashier.client.post('/api/v1/till/not-a-co-op/verify', { card: 'ABCD2345' })).statusCode).toBe(400);
    expect(await tableCounts(t.deps)).toEqual(before);
  });

  it('listing redemptions: limits out of range, negative offsets, unknown flags and fields', async () => {
    for (const q of ['limit=0', 'limit=201', 'offset=-1', 'flagged=yes', 'colour=red', 'limit=ten']) {
      const res = await w.admin.client.get(`/api/v1/coops/${w.giver.id}/redemptions?${q}`);
      expect(res.statusCode, q).toBe(400);
    }
    const ok = await w.admin.client.get(`/api/v1/coops/${w.giver.id}/redemptions?limit=200`);
    expect(ok.statusCode).toBe(200);
    expect(ok.json().items.map((r: { id: string }) => r.id)).toContain(redemptionId);
  });

  it('deciding a flag: no decision, an unknown one, a note too long, unknown fields, an id that is not one, someone else’s redemption', async () => {
    const before = await tableCounts(t.deps);
    const url = (id: string) => `/api/v1/coops/${w.giver.id}/redemptions/${id}/resolve`;
    const bad = [{}, { decision: 'seen' }, { decision: 'accept', note: 'n'.repeat(501) }, { decision: 'reject', note: 'ok', extra: true }, { decision: 'accept', note: 42 }];
    for (const body of bad) {
      expect((await w.admin.client.post(url(redemptionId), body)).statusCode, JSON.stringify(body).slice(0, 40)).toBe(400);
    }
    expect((await w.admin.client.post(url('not-an-id'), { decision: 'accept' })).statusCode).toBe(400);
    expect((await w.admin.client.post(url(randomUUID()), { decision: 'accept' })).statusCode).toBe(404);
    expect(await tableCounts(t.deps)).toEqual(before);
  });
});
