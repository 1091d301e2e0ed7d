import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import { actorClient } from '../../../test/factories.ts';
import { giftInto, grantFrom, ledgerInvariants, line, movement } from '../../../test/fund-factories.ts';
import { makeProposal } from '../../../test/governance-factories.ts';
import { type Client, describeOnDatabases } from '../../../test/harness.ts';

const SUB_FUNDS = ['emergency', 'development', 'programmes', 'reserve'] as const;
const subFund = fc.constantFrom(...SUB_FUNDS);
const cents = fc.integer({ min: 1, max: 200_000 });

/** What a treasurer (or a flaky network) may send: most of it allowed, some refused by the books or the rules. */
const operation = fc.oneof(
  fc.record({ op: fc.constant('gift' as const), subFund, cents }),
  fc.record({ op: fc.constant('grant' as const), subFund, cents }),
  fc.record({ op: fc.constant('transfer' as const), from: subFund, to: subFund, cents }),
  fc.record({ op: fc.constant('unbalanced' as const), subFund, cents }),
  fc.record({ op: fc.constant('reverse' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('retry' as const), pick: fc.nat() }),
);
type Operation = typeof operation extends fc.Arbitrary<infer O> ? O : never;

describeOnDatabases('the ledger under random sequences of movements, reversals, refusals and retries', (t) => {
  let treasurer: Client;
  let decision: string;
  let today: string;

  beforeAll(async () => {
    const tr = await actorClient(t.deps, t.app, { roles: [{ role: 'treasurer' }] });
    treasurer = tr.client;
    decision = (await makeProposal(t.deps, { authorId: tr.id, status: 'passed' })).id;
    today = await t.deps.network.today();
  });

  it('keeps every movement balanced, every kept balance the sum of its entries, every rule, and posts a key at most once', async () => {
    const sent: { key: string; body: unknown; path: string }[] = [];
    const postedKeys = new Set<string>();

    function request(o: Operation): { key: string; body: unknown; path: string } {
      const key = randomUUID();
      switch (o.op) {
        case 'gift':
          return { key, path: '/api/v1/fund/movements', body: giftInto(o.subFund, o.cents, today) };
        case 'grant':
          return { key, path: '/api/v1/fund/movements', body: grantFrom(o.subFund, o.cents, decision) };
        case 'transfer':
          return {
            key,
            path: '/api/v1/fund/movements',
            body: movement({
              kind: 'transfer',
              date: today,
              reason: 'Moved by the assembly',
              decision: { kind: 'proposal', id: decision },
              lines: [line('equity:funds', o.cents, o.from), line('equity:funds', -o.cents, o.to)],
            }),
          };
        case 'unbalanced':
          return {
            key,
            path: '/api/v1/fund/movements',
            body: movement({
              date: today,
              lines: [line('assets:bank', o.cents), line('income:gifts', -o.cents - 1, o.subFund)],
            }),
          };
        case 'reverse': {
          const posted = [...postedKeys];
          const target = sent.find((s) => s.key === posted[o.pick % Math.max(1, posted.length)]);
          const id = target ? ids.get(target.key) : undefined;
          return id
            ? { key, path: `/api/v1/fund/movements/${id}/reversal`, body: { reason: 'Corrected' } }
            : { key, path: '/api/v1/fund/movements', body: giftInto('reserve', 1, today) };
        }
        case 'retry': {
          const earlier = sent[o.pick % Math.max(1, sent.length)];
          return earlier ?? { key, path: '/api/v1/fund/movements', body: giftInto('emergency', 1, today) };
        }
      }
    }
    const ids = new Map<string, string>();
    const send = async (r: { key: string; body: unknown; path: string }) => {
      const res = await treasurer.request('POST', r.path, r.body, { 'idempotency-key': r.key });
      expect(res.statusCode, res.body).toBeLessThan(500);
      if (res.statusCode === 201) {
        expect(postedKeys.has(r.key), `key ${r.key} posted twice`).toBe(false);
        postedKeys.add(r.key);
        ids.set(r.key, res.json().id);
      }
      if (res.statusCode === 200) expect(res.json().id).toBe(ids.get(r.key));
      sent.push(r);
    };

    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(operation, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 8 }),
        async (batches) => {
          // Each batch is sent at once, as concurrent requests.
          for (const batch of batches) await Promise.all(batch.map((o) => send(request(o))));
          expect(await ledgerInvariants(t.deps)).toEqual([]);
          const count = await t.deps.db
            .selectFrom('ledger_movements')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow();
          expect(Number(count.n)).toBe(postedKeys.size);
        },
      ),
      { numRuns: 12 },
    );
  });
});
