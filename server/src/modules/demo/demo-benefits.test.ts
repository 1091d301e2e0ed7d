import { benefits, credentials } from '@coopnet/domain';
import { beforeAll, expect, it } from 'vitest';
import { Client, describeOnDatabases } from '../../../test/harness.ts';
import type { OfferTable, RedemptionTable } from '../../db/schema-benefits.ts';
import { DEMO_COOPS, DEMO_NETWORK } from './demo-data.ts';
import { DEMO_PASSWORD, type SeedResult, seedDemo } from './seed.ts';
import { offerRules } from '../offers/index.ts';

const DAY = 86_400_000;

describeOnDatabases('demo network: offers and redemptions', (t) => {
  let seeded: SeedResult;
  let offers: OfferTable[];
  let redemptions: RedemptionTable[];
  let coordinator: Client;
  let seededAt: number;

  beforeAll(async () => {
    seededAt = Date.now();
    seeded = await seedDemo(t.deps);
    offers = await t.deps.db.selectFrom('offers').selectAll().execute();
    redemptions = await t.deps.db.selectFrom('redemptions').selectAll().orderBy('redeemed_at').orderBy('id').execute();
    coordinator = new Client(t.app);
    const login = await coordinator.post('/api/v1/auth/login', { email: seeded.logins[0]!.email, password: DEMO_PASSWORD });
    coordinator.csrf = login.json().csrfToken;
  });

  it('gives every co-op one or two active offers of every kind, with limits, a cap and one open to supporters', async () => {
    const coops = await t.deps.db.selectFrom('coops').select(['id', 'name']).where('status', '=', 'member').execute();
    expect(coops).toHaveLength(DEMO_COOPS.length);
    for (const c of coops) {
      const own = offers.filter((o) => o.coop_id === c.id);
      expect(own.length, c.name).toBeGreaterThanOrEqual(1);
      expect(own.length, c.name).toBeLessThanOrEqual(2);
    }
    expect(offers.every((o) => o.status === 'active')).toBe(true);
    expect(new Set(offers.map((o) => o.kind))).toEqual(new Set(['percent', 'amount', 'free_item']));
    expect(offers.some((o) => o.limit_period !== null)).toBe(true);
    expect(offers.some((o) => o.cap_count !== null || o.cap_cents !== null)).toBe(true);
    expect(offers.some((o) => o.for_supporters === 1)).toBe(true);
    expect(offers.some((o) => JSON.parse(o.sectors_json).length > 0)).toBe(true);
    // The bakery's cashier records this one in the browser journeys: nothing there may run out.
    const bakery = coops.find((c) => c.name === 'Forn de la Plaça')!;
    expect(offers.find((o) => o.coop_id === bakery.id && o.title === '20 % en pan y bollería')).toMatchObject({
      kind: 'percent',
      percent: 20,
      for_workers: 1,
      limit_period: null,
      limit_count: null,
      limit_cents: null,
      cap_count: null,
      cap_cents: null,
      min_sale_cents: null,
    });
  });

  it('records 150–300 redemptions between co-ops over the last three months, none for the people in the login table', async () => {
    expect(redemptions.length).toBeGreaterThanOrEqual(150);
    expect(redemptions.length).toBeLessThanOrEqual(300);
    for (const r of redemptions) {
      expect(Date.parse(r.redeemed_at)).toBeLessThan(seededAt + 60_000);
      expect(Date.parse(r.redeemed_at)).toBeGreaterThan(seededAt - 92 * DAY);
      expect(r.month).toBe(benefits.localMonth(new Date(r.redeemed_at), DEMO_NETWORK.timeZone));
      expect(r.holder_coop_id).not.toBe(r.coop_id);
      expect(Number(r.discount_cents)).toBeGreaterThan(0);
    }
    expect(new Set(redemptions.map((r) => r.coop_id)).size).toBeGreaterThanOrEqual(8);
    expect(redemptions.some((r) => r.holder_kind === 'supporter' && r.holder_coop_id === null)).toBe(true);
    expect(new Set(redemptions.map((r) => r.idempotency_key)).size).toBe(redemptions.length);

    const people = await t.deps.db.selectFrom('people').select(['id', 'email']).execute();
    const shown = new Set(seeded.logins.map((l) => people.find((p) => p.email === l.email)!.id));
    expect(redemptions.filter((r) => shown.has(r.person_id))).toEqual([]);
    // The worker in the login table sees no savings and gets a card of their own.
    const worker = seeded.logins.find((l) => l.role === 'worker')!;
    expect(worker.name).toBe('Oumar Diallo');
    const workerId = people.find((p) => p.email === worker.email)!.id;
    expect(await t.deps.db.selectFrom('cards').select('id').where('person_id', '=', workerId).execute()).toEqual([]);
  });

  it('shows a card at each redemption that was the holder’s, valid then, as the card service issues them', async () => {
    const cards = new Map((await t.deps.db.selectFrom('cards').selectAll().execute()).map((c) => [c.id, c]));
    const people = new Map((await t.deps.db.selectFrom('people').select(['id', 'coop_id', 'supporter']).execute()).map((p) => [p.id, p]));
    for (const r of redemptions) {
      const card = cards.get(r.card_id)!;
      expect(card.person_id).toBe(r.person_id);
      expect(card.kind).toBe(r.holder_kind);
      expect(card.coop_id).toBe(people.get(r.person_id)!.coop_id);
      expect(card.issued_at <= r.redeemed_at && r.redeemed_at < card.expires_at).toBe(true);
    }
    for (const card of cards.values()) {
      expect(card.short_code).toBe(credentials.shortCode(card.id));
      expect(Date.parse(card.expires_at) - Date.parse(card.issued_at)).toBe(30 * DAY);
      expect(card.issued_at).toMatch(/:\d\d\.000Z$/);
    }
    expect(new Set([...cards.values()].map((c) => c.short_code)).size).toBe(cards.size);
  });

  it('keeps to each offer’s rules, save two offline redemptions flagged for breaking a limit', async () => {
    const coops = new Map((await t.deps.db.selectFrom('coops').select(['id', 'sector']).execute()).map((c) => [c.id, c.sector]));
    const byId = new Map(offers.map((o) => [o.id, o]));
    const tz = DEMO_NETWORK.timeZone;
    const spent = new Map<string, { count: number; cents: number }>();
    const get = (k: string) => spent.get(k) ?? { count: 0, cents: 0 };
    for (const r of redemptions.filter((x) => x.flag === null)) {
      const o = byId.get(r.offer_id)!;
      expect(o.coop_id).toBe(r.coop_id);
      const rules = offerRules(o);
      const at = new Date(r.redeemed_at);
      const holder = { kind: r.holder_kind, coopId: r.holder_coop_id, sector: r.holder_coop_id ? coops.get(r.holder_coop_id)! : null };
      expect(benefits.ineligibility(rules, holder, benefits.localDate(at, tz))).toBeNull();
      expect(benefits.discountFor(rules, Number(r.sale_cents))).toEqual({ ok: true, discountCents: Number(r.discount_cents) });
      const period = o.limit_period ? benefits.periodBounds(at, o.limit_period, tz).start.toISOString() : '';
      const personKey = `${o.id}:${r.person_id}:${period}`;
      const monthKey = `${o.id}:${r.month}`;
      const used = { personCount: get(personKey).count, personCents: get(personKey).cents, monthCount: get(monthKey).count, monthCents: get(monthKey).cents };
      expect(benefits.limitBreak(rules, used, Number(r.discount_cents))).toBeNull();
      for (const k of [personKey, monthKey]) spent.set(k, { count: get(k).count + 1, cents: get(k).cents + Number(r.discount_cents) });
    }
    const flagged = redemptions.filter((r) => r.flag !== null);
    expect(flagged.map((r) => [r.flag, r.offline])).toEqual([
      ['limit_exceeded', 1],
      ['limit_exceeded', 1],
    ]);
    const bakery = (await t.deps.db.selectFrom('coops').select('id').where('name', '=', 'Forn de la Plaça').executeTakeFirstOrThrow()).id;
    expect(flagged.filter((r) => r.coop_id === bakery)).toEqual([]);
  });

  it('has reciprocity accounts that add up: each month’s matrix sums to its redemptions, each net is given − received', async () => {
    const months = (await coordinator.get('/api/v1/reciprocity/months')).json().items as { month: string; count: number; cents: number }[];
    // The two flagged sales wait for the brewery's admin: until accepted they count nowhere.
    const counted = redemptions.filter((r) => r.flag === null || r.flag_decision === 'accepted');
    expect(counted.length).toBe(redemptions.length - 2);
    const all = counted.reduce((s, r) => s + Number(r.discount_cents), 0);
    expect(months.reduce((s, m) => s + m.cents, 0)).toBe(all);
    expect(months.reduce((s, m) => s + m.count, 0)).toBe(counted.length);
    const withHistory = months.filter((m) => m.count > 0);
    expect(withHistory.length).toBeGreaterThanOrEqual(3);
    for (const { month } of withHistory) {
      const res = await coordinator.get(`/api/v1/reciprocity?month=${month}`);
      expect(res.statusCode).toBe(200);
      const m = res.json() as {
        cells: { receiverCoopId: string | null; count: number; cents: number }[];
        positions: { givenCents: number; receivedCents: number; netCents: number }[];
        totalCents: number;
        totalCount: number;
      };
      const ofMonth = counted.filter((r) => r.accounting_month === month);
      expect(m.totalCents).toBe(ofMonth.reduce((s, r) => s + Number(r.discount_cents), 0));
      expect(m.totalCount).toBe(ofMonth.length);
      expect(m.cells.reduce((s, c) => s + c.cents, 0)).toBe(m.totalCents);
      expect(m.positions).toHaveLength(DEMO_COOPS.length);
      for (const p of m.positions) expect(p.netCents).toBe(p.givenCents - p.receivedCents);
      // Σ net = what supporters received (they belong to no co-op).
      const toSupporters = ofMonth.filter((r) => r.holder_coop_id === null).reduce((s, r) => s + Number(r.discount_cents), 0);
      expect(m.positions.reduce((s, p) => s + p.netCents, 0)).toBe(toSupporters);
    }
  });

  it('sums the benefits up in the seed’s audit event', async () => {
    const event = await t.deps.db.selectFrom('audit_events').select('after_json').where('action', '=', 'demo.seeded').executeTakeFirstOrThrow();
    const cards = await t.deps.db.selectFrom('cards').select('id').execute();
    expect(JSON.parse(event.after_json!)).toMatchObject({ offers: offers.length, cards: cards.length, redemptions: redemptions.length });
  });
});
