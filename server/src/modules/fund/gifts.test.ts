import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { actorClient, makeCoop } from '../../../test/factories.ts';
import { ledgerInvariants, ledgerState } from '../../../test/fund-factories.ts';
import { Client, describeOnDatabases } from '../../../test/harness.ts';

describeOnDatabases('voluntary gifts to the fund', (t) => {
  let treasurer: Client;
  let coordinator: Client;
  let visitor: Client;
  let bakery: string;
  let today: string;

  const give = (body: unknown, key: string = randomUUID(), client = treasurer) =>
    client.request('POST', '/api/v1/fund/gifts', body, { 'idempotency-key': key });
  const subFund = async (code: string) =>
    (await visitor.get('/api/v1/fund')).json().subFunds.find((f: { code: string }) => f.code === code).balanceCents;
  const account = async (code: string, sub?: string) =>
    (await visitor.get('/api/v1/fund'))
      .json()
      .accounts.find(
        (a: { code: string; subFund: string | null }) => a.code === code && (sub === undefined || a.subFund === sub),
      )?.balanceCents ?? 0;

  beforeAll(async () => {
    bakery = (await makeCoop(t.deps, { name: 'Forn de la Plaça' })).id;
    treasurer = (await actorClient(t.deps, t.app, { roles: [{ role: 'treasurer' }] })).client;
    coordinator = (await actorClient(t.deps, t.app, { roles: [{ role: 'coordinator' }] })).client;
    visitor = new Client(t.app);
    today = await t.deps.network.today();
  });

  it('a gift is booked as one balanced movement: the bank and the sub-fund up by the same amount, once per key', async () => {
    const [bank, programmes, gifts] = [
      await account('assets:bank'),
      await subFund('programmes'),
      await account('income:gifts', 'programmes'),
    ];
    const key = randomUUID();
    const body = {
      giverKind: 'coop',
      coopId: bakery,
      cents: 25_000,
      date: today,
      subFund: 'programmes',
      note: 'For the food bank',
    };
    const res = await give(body, key);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      giverKind: 'coop',
      giver: 'Forn de la Plaça',
      cents: 25_000,
      note: 'For the food bank',
    });
    expect((await give(body, key)).statusCode).toBe(200);
    expect(await account('assets:bank')).toBe(bank + 25_000);
    expect(await subFund('programmes')).toBe(programmes + 25_000);
    // Income is a credit: the sub-fund's gifts account is 25,000 more on the credit side.
    expect(Math.abs(await account('income:gifts', 'programmes'))).toBe(Math.abs(gifts) + 25_000);
    const m = (await treasurer.get('/api/v1/fund/movements'))
      .json()
      .items.find((x: { id: string }) => x.id === res.json().movementId);
    expect(m.kind).toBe('gift');
    expect(m.lines.reduce((s: number, l: { cents: number }) => s + l.cents, 0)).toBe(0);
    // The same key for another gift is a conflict.
    const other = await give({ ...body, cents: 1 }, key);
    expect([other.statusCode, other.json().error.code]).toEqual([409, 'fund.idempotency_conflict']);
    expect(await ledgerInvariants(t.deps)).toEqual([]);
  });

  it('lists gifts for anyone: co-ops by name, people only when they agreed, the note for treasurers', async () => {
    expect(
      (
        await give({
          giverKind: 'named',
          giverName: 'Amparo Ferrer',
          namePublic: true,
          cents: 5_000,
          date: today,
          subFund: 'emergency',
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (
        await give({
          giverKind: 'named',
          giverName: 'Joan Climent',
          cents: 7_000,
          date: today,
          subFund: 'emergency',
          note: 'Call him to thank',
        })
      ).statusCode,
    ).toBe(201);
    expect((await give({ giverKind: 'anonymous', cents: 3_000, date: today, subFund: 'reserve' })).statusCode).toBe(
      201,
    );
    const seen = (await visitor.get('/api/v1/fund/gifts')).json();
    expect(seen.totalCents).toBe(25_000 + 5_000 + 7_000 + 3_000);
    expect(seen.items.map((g: { giver: string | null }) => g.giver).sort()).toEqual(
      ['Amparo Ferrer', 'Forn de la Plaça', null, null].sort(),
    );
    expect(seen.items.every((g: { note: string | null }) => g.note === null)).toBe(true);
    expect(JSON.stringify(seen)).not.toContain('Joan Climent');
    const treasurers = (await treasurer.get('/api/v1/fund/gifts')).json().items;
    expect(treasurers.map((g: { giver: string | null }) => g.giver)).toContain('Joan Climent');
    expect(treasurers.map((g: { note: string | null }) => g.note)).toContain('Call him to thank');
  });

  it('refuses who is not a treasurer, and negative, fractional, huge or hostile gifts, changing nothing', async () => {
    const ok = { giverKind: 'anonymous', cents: 1_000, date: today, subFund: 'emergency' };
    const before = await ledgerState(t.deps);
    expect((await give(ok, randomUUID(), coordinator)).statusCode).toBe(403);
    expect((await give(ok, randomUUID(), visitor)).statusCode).toBe(401);
    const cases: [unknown, number, string][] = [
      [{ ...ok, cents: -1_000 }, 400, 'validation_failed'],
      [{ ...ok, cents: 10.5 }, 400, 'validation_failed'],
      [{ ...ok, cents: 1e16 }, 400, 'validation_failed'],
      [{ ...ok, giverKind: 'coop' }, 400, 'validation_failed'],
      [{ ...ok, giverKind: 'named' }, 400, 'validation_failed'],
      [{ ...ok, giverKind: 'named', giverName: 'Eve\u202Eevil' }, 400, 'validation_failed'],
      [{ ...ok, subFund: 'Emergency; DROP TABLE ledger_entries' }, 400, 'validation_failed'],
      [{ ...ok, giverKind: 'coop', coopId: randomUUID() }, 400, 'fund.unknown_coop'],
      [{ ...ok, date: '2999-01-01' }, 400, 'fund.future_date'],
    ];
    for (const [body, status, code] of cases) {
      const res = await give(body);
      expect([res.statusCode, res.json().error.code], JSON.stringify(body)).toEqual([status, code]);
    }
    const noKey = await treasurer.post('/api/v1/fund/gifts', ok);
    expect([noKey.statusCode, noKey.json().error.code]).toEqual([400, 'fund.idempotency_key_required']);
    expect(await ledgerState(t.deps)).toEqual(before);
  });
});
