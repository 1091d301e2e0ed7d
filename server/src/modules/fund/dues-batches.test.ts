import { beforeAll, expect, it } from 'vitest';
import { actorClient, makeCoop } from '../../../test/factories.ts';
import { ledgerInvariants } from '../../../test/fund-factories.ts';
import { type Client, describeOnDatabases } from '../../../test/harness.ts';
import { newId, nowIso } from '../../platform/clock.ts';

const COOPS = 260;

describeOnDatabases('a month’s dues generated in batches', (t) => {
  let treasurer: Client;
  let worker: Client;
  let month: string;

  const batch = (body: unknown, client = treasurer) => client.post('/api/v1/fund/obligations/batches', body);
  const owed = async () =>
    await t.deps.db
      .selectFrom('fund_obligations')
      .select(['coop_id', 'amount_cents'])
      .where('period', '=', month)
      .execute();

  beforeAll(async () => {
    // A few hundred member co-ops with 1 to 4 workers each (the workers inserted in bulk).
    const now = nowIso();
    const coops: { id: string; n: number }[] = [];
    for (let n = 0; n < COOPS; n++)
      coops.push({ id: (await makeCoop(t.deps, { name: `Co-op ${String(n).padStart(3, '0')}` })).id, n });
    for (let i = 0; i < coops.length; i += 50) {
      const chunk = coops.slice(i, i + 50);
      await t.deps.db
        .insertInto('people')
        .values(
          chunk.flatMap((c) =>
            Array.from({ length: (c.n % 4) + 1 }, (_, w) => ({
              id: newId(),
              email: `w${w}-${c.id}@example.org`,
              display_name: `Worker ${w}`,
              password_hash: null,
              coop_id: c.id,
              supporter: 0,
              status: 'active' as const,
              locale: null,
              created_at: now,
              updated_at: now,
              left_at: null,
            })),
          ),
        )
        .execute();
    }
    treasurer = (await actorClient(t.deps, t.app, { roles: [{ role: 'treasurer' }] })).client;
    worker = (await actorClient(t.deps, t.app, { coopId: coops[0]!.id })).client;
    month = await t.deps.network.month();
  });

  it('goes through every co-op 50 at a time, saying how far it is, and books each co-op’s dues once even when a batch is repeated', async () => {
    expect((await batch({ period: month }, worker)).statusCode).toBe(403);
    const progress: number[] = [];
    let after: string | undefined;
    let created = 0;
    let total = 0;
    for (let calls = 0; calls < 20; calls++) {
      const res = await batch(after ? { period: month, after } : { period: month });
      expect(res.statusCode).toBe(200);
      const r = res.json();
      total = r.total;
      progress.push(r.done);
      created += r.created;
      // The page retries a batch (say its answer was lost): it books nothing again.
      if (calls === 2) {
        const again = (await batch(after ? { period: month, after } : { period: month })).json();
        expect([again.created, again.done, again.next]).toEqual([0, r.done, r.next]);
      }
      if (r.next === null) break;
      after = r.next;
    }
    expect(total).toBe(COOPS);
    expect(progress).toEqual([50, 100, 150, 200, 250, 260]);
    expect(created).toBe(COOPS);
    const rows = await owed();
    expect(rows).toHaveLength(COOPS);
    expect(new Set(rows.map((r) => r.coop_id)).size).toBe(COOPS);
    const expected = Array.from({ length: COOPS }, (_, n) => ((n % 4) + 1) * 1_000).reduce((a, b) => a + b, 0);
    // The first co-op has the signed-in worker too.
    expect(rows.reduce((s, r) => s + Number(r.amount_cents), 0)).toBe(expected + 1_000);
    // Going through the whole month again books nothing.
    const first = (await batch({ period: month })).json();
    expect(first.created).toBe(0);
    expect(await owed()).toHaveLength(COOPS);
    expect(await ledgerInvariants(t.deps)).toEqual([]);
  });

  it('refuses a month to come and a hostile cursor, booking nothing', async () => {
    const before = (await owed()).length;
    expect((await batch({ period: '2999-01' })).json().error.code).toBe('fund.future_period');
    for (const body of [{ period: month, after: "' OR 1=1 --" }, { period: '2026-13' }, { period: month, extra: 1 }])
      expect((await batch(body)).statusCode).toBe(400);
    expect((await owed()).length).toBe(before);
  });
});
