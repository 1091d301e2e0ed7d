/**
 * Who may use a co-op's till: its cashiers and admins, and API tokens scoped
 * `cashier:<co-op>` for tills of other systems. Anyone else is refused and
 * nothing is recorded.
 */
import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import { Client, describeOnDatabases } from '../../../test/harness.ts';
import { actorClient, tableCounts } from '../../../test/factories.ts';
import { holderWithCard, offer, redeem, tillWorld, verify } from '../../../test/till-factories.ts';

describeOnDatabases('till: who may use it', (t) => {
  let w: Awaited<ReturnType<typeof tillWorld>>;
  let ana: Awaited<ReturnType<typeof holderWithCard>>;
  let open: { id: string };
  let outsiders: Record<string, Client>;

  const bearer = (token: string) => {
    const c = new Client(t.app);
    c.bearer = token;
    return c;
  };

  beforeAll(async () => {
    w = await tillWorld(t);
    ana = await holderWithCard(t, w.other.id);
    open = await offer(t, w.giver.id);
    outsiders = {
      visitor: new Client(t.app),
      'cashier of another co-op': (await actorClient(t.deps, t.app, { coopId: w.other.id, roles: [{ role: 'cashier', coopId: w.other.id }] })).client,
      'admin of another co-op': (await actorClient(t.deps, t.app, { coopId: w.other.id, roles: [{ role: 'coop_admin', coopId: w.other.id }] })).client,
      'worker of the co-op': (await actorClient(t.deps, t.app, { coopId: w.giver.id })).client,
      supporter: (await actorClient(t.deps, t.app, { supporter: true })).client,
      coordinator: (await actorClient(t.deps, t.app, { roles: [{ role: 'coordinator' }] })).client,
    };
  });

  const attempts = (c: Client): [string, () => Promise<LightMyRequestResponse>][] => [
    ['offers', () => c.get(`/api/v1/till/${w.giver.id}/offers`)],
    ['verify', () => verify(c, w.giver.id, ana.card.token)],
    ['redeem', () => redeem(c, w.giver.id, { offerId: open.id, card: ana.card.token, saleCents: 1000 })],
    [
      'sync',
      () =>
        c.post(`/api/v1/till/${w.giver.id}/redemptions/sync`, {
          items: [{ key: randomUUID(), offerId: open.id, card: ana.card.token, saleCents: 1000, redeemedAt: new Date().toISOString() }],
        }),
    ],
    ['list', () => c.get(`/api/v1/coops/${w.giver.id}/redemptions`)],
  ];

  it('refuses a visitor (401), and a cashier or admin of another co-op, a plain worker, a supporter, a coordinator (403), recording nothing', async () => {
    const before = await tableCounts(t.deps);
    for (const [who, client] of Object.entries(outsiders)) {
      for (const [what, attempt] of attempts(client)) {
        const res = await attempt();
        expect(res.statusCode, `${who} ${what}`).toBe(who === 'visitor' ? 401 : 403);
      }
    }
    expect(await tableCounts(t.deps)).toEqual(before);
  });

  it('lets the co-op’s cashier and admin use the till', async () => {
    for (const client of [w.cashier.client, w.admin.client]) {
      for (const [what, attempt] of attempts(client)) {
        const res = await attempt();
        expect(res.statusCode, what).toBeLessThan(300);
      }
    }
  });

  it('works with an API token scoped cashier:<co-op>, without a session or CSRF header', async () => {
    const created = await w.cashier.client.post('/api/v1/auth/tokens', { name: 'Shop till', scopes: [`cashier:${w.giver.id}`] });
    expect(created.statusCode, created.body).toBe(201);
    const till = bearer(created.json().token);
    expect((await till.get(`/api/v1/till/${w.giver.id}/offers`)).statusCode).toBe(200);
    const checked = await verify(till, w.giver.id, ana.card.shortCode);
    expect(checked.statusCode).toBe(200);
    // The code read at the till is the sale's proof, as the QR code's text would be.
    const res = await redeem(till, w.giver.id, { offerId: open.id, card: ana.card.shortCode, saleCents: 4500 });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().discountCents).toBe(900);
    const row = await t.deps.db.selectFrom('redemptions').select('cashier_id').where('id', '=', res.json().id).executeTakeFirstOrThrow();
    expect(row.cashier_id).toBe(w.cashier.id);
  });

  it('refuses a token of the same cashier that does not carry the cashier scope', async () => {
    const created = await w.admin.client.post('/api/v1/auth/tokens', { name: 'Books', scopes: ['read'] });
    expect(created.statusCode, created.body).toBe(201);
    const before = await tableCounts(t.deps);
    const res = await redeem(bearer(created.json().token), w.giver.id, { offerId: open.id, card: ana.card.token, saleCents: 1000 });
    expect(res.statusCode).toBe(403);
    expect((await tableCounts(t.deps)).redemptions).toBe(before.redemptions);
  });

  it('shows savings only to the signed-in member', async () => {
    expect((await new Client(t.app).get('/api/v1/me/savings')).statusCode).toBe(401);
    const mine = await outsiders.supporter!.get('/api/v1/me/savings');
    expect(mine.json()).toEqual({ currency: 'EUR', monthCents: 0, yearCents: 0, monthCount: 0, yearCount: 0, recent: [] });
  });
});
