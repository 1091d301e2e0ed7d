import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { actorClient, makeCoop, makePerson } from '../../../test/factories.ts';
import { ledgerInvariants, ledgerState } from '../../../test/fund-factories.ts';
import { Client, describeOnDatabases } from '../../../test/harness.ts';

/** The `n` months before `month` (YYYY-MM), oldest first. */
const monthsBefore = (month: string, n: number) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return Array.from({ length: n }, (_, i) => new Date(Date.UTC(y, m - 1 - (n - i), 1)).toISOString().slice(0, 7));
};

describeOnDatabases('contributions: dues, payments and bank statements', (t) => {
  let treasurer: Client;
  let coordinator: Client;
  let worker: Client;
  let visitor: Client;
  let coops: { id: string; workers: number }[];
  let month: string;
  let today: string;

  const obligations = async (client: Client, query = '') =>
    (await client.get(`/api/v1/fund/obligations${query}`)).json().items as {
      id: string;
      coopId: string;
      period: string;
      amountCents: number;
      paidCents: number;
      outstandingCents: number;
      reference: string;
    }[];
  const pay = (id: string, body: unknown, key: string = randomUUID(), client = treasurer) =>
    client.request('POST', `/api/v1/fund/obligations/${id}/payments`, body, { 'idempotency-key': key });
  const movements = async () =>
    Number(
      (
        await t.deps.db
          .selectFrom('ledger_movements')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    coops = [];
    for (const [name, workers] of [
      ['Forn', 3],
      ['Bicis', 5],
      ['Neteges', 8],
    ] as const) {
      const coop = await makeCoop(t.deps, { name });
      for (let i = 0; i < workers; i++) await makePerson(t.deps, { coopId: coop.id });
      coops.push({ id: coop.id, workers });
    }
    treasurer = (await actorClient(t.deps, t.app, { roles: [{ role: 'treasurer' }] })).client;
    coordinator = (await actorClient(t.deps, t.app, { roles: [{ role: 'coordinator' }] })).client;
    const w = await actorClient(t.deps, t.app, { coopId: coops[0]!.id });
    coops[0]!.workers += 1;
    worker = w.client;
    visitor = new Client(t.app);
    month = await t.deps.network.month();
    today = await t.deps.network.today();
  });

  it('generates a month’s dues once per co-op: its workers times the due, owed under a reference, income split between sub-funds', async () => {
    expect((await coordinator.post('/api/v1/fund/obligations', { period: month })).statusCode).toBe(403);
    expect((await treasurer.post('/api/v1/fund/obligations', { period: '2999-01' })).json().error.code).toBe(
      'fund.future_period',
    );
    const res = await treasurer.post('/api/v1/fund/obligations', { period: month });
    expect(res.json()).toEqual({ period: month, created: 3, skipped: 0, totalCents: (4 + 5 + 8) * 1_000 });
    expect((await treasurer.post('/api/v1/fund/obligations', { period: month })).json()).toMatchObject({
      created: 0,
      skipped: 3,
    });
    const owed = await obligations(treasurer, `?period=${month}`);
    expect(owed.map((o) => [o.coopId, o.amountCents]).sort()).toEqual(
      coops.map((c) => [c.id, c.workers * 1_000]).sort(),
    );
    for (const o of owed) expect(o.reference).toMatch(/^F\d{6}-[0-9A-Z]{6}$/);
    const fund = (await visitor.get('/api/v1/fund')).json();
    const income = (code: string) =>
      fund.accounts.find(
        (a: { code: string; subFund: string }) => a.code === 'income:contributions' && a.subFund === code,
      )?.balanceCents;
    expect([income('emergency'), income('development'), income('programmes'), income('reserve')]).toEqual([
      6_800, 5_100, 3_400, 1_700,
    ]);
    expect(fund.accounts.find((a: { code: string }) => a.code === 'assets:contributions-receivable').balanceCents).toBe(
      17_000,
    );
    // A co-op's worker sees their co-op's dues only; a visitor none.
    expect((await obligations(worker)).map((o) => o.coopId)).toEqual([coops[0]!.id]);
    expect((await worker.get(`/api/v1/fund/obligations?coopId=${coops[1]!.id}`)).statusCode).toBe(403);
    expect((await visitor.get('/api/v1/fund/obligations')).statusCode).toBe(401);
    expect(await ledgerInvariants(t.deps)).toEqual([]);
  });

  it('books a payment by hand once; refuses a negative one, fractional cents or more than owed, changing nothing', async () => {
    const o = (await obligations(treasurer, `?period=${month}`)).find((x) => x.coopId === coops[1]!.id)!;
    for (const [body, status, code] of [
      [{ cents: -100, date: today }, 400, 'validation_failed'],
      [{ cents: 10.5, date: today }, 400, 'validation_failed'],
      [{ cents: o.amountCents + 1, date: today }, 409, 'fund.more_than_owed'],
    ] as const) {
      const before = await ledgerState(t.deps);
      const res = await pay(o.id, body);
      expect([res.statusCode, res.json().error.code]).toEqual([status, code]);
      expect(await ledgerState(t.deps)).toEqual(before);
    }
    expect((await pay(o.id, { cents: 1_000, date: today }, randomUUID(), worker)).statusCode).toBe(403);
    const key = randomUUID();
    const paid = await pay(o.id, { cents: 2_000, date: today }, key);
    expect(paid.statusCode).toBe(201);
    expect(paid.json()).toMatchObject({ paidCents: 2_000, outstandingCents: o.amountCents - 2_000 });
    expect((await pay(o.id, { cents: 2_000, date: today }, key)).statusCode).toBe(200);
    expect((await obligations(treasurer, `?period=${month}`)).find((x) => x.id === o.id)!.paidCents).toBe(2_000);
    // Anyone reads what each co-op paid in.
    expect((await visitor.get('/api/v1/fund/transparency')).json().contributions).toEqual([
      { coopName: 'Bicis', paidCents: 2_000 },
    ]);
    expect(await ledgerInvariants(t.deps)).toEqual([]);
  });

  it('imports a 2,000-line statement: books every matched line in one go, lists the 5 malformed and 20 unmatched, and books nothing twice', async () => {
    for (const period of monthsBefore(month, 12))
      expect((await treasurer.post('/api/v1/fund/obligations', { period })).statusCode).toBe(200);
    const owed = (await obligations(treasurer)).filter((o) => o.outstandingCents > 0);
    const day = today.split('-').reverse().join('/');
    const rows = ['Fecha;Importe;Referencia;Concepto'];
    const bad = new Map<number, string>([
      [100, `31/02/2026;1,00;${owed[0]!.reference};`],
      [400, `${day};uno;${owed[0]!.reference};`],
      [700, `yesterday;1,00;${owed[0]!.reference};`],
      [1000, `${day};1,0,0;${owed[0]!.reference};`],
      [1300, `${day};1,00`],
    ]);
    let expectedCents = 0;
    for (let i = 0; i < 2000; i++) {
      if (bad.has(i)) rows.push(bad.get(i)!);
      else if (i % 100 === 50) rows.push(`${day};${(i % 7) + 1},00;TRANSFER ${i};no reference we know`);
      else {
        const cents = (i % 5) + 1;
        expectedCents += cents;
        // Most write the code in the reference; some only in the text, with spaces.
        const o = owed[i % owed.length]!;
        rows.push(
          i % 3
            ? `${day};0,0${cents};${o.reference};Cuotas`
            : `${day};0,0${cents};;Pago cuotas ${o.reference.replace('-', ' ')}`,
        );
      }
    }
    const input = {
      csv: rows.join('\r\n'),
      mapping: { date: 0, amount: 1, reference: 2, description: 3, header: true },
    };

    const before = await movements();
    // A file that is not a readable CSV (a quote never closed) is refused whole.
    const broken = await treasurer.post('/api/v1/fund/statements', { ...input, csv: `${rows[0]}\n${day};"1,00;F;x\n` });
    expect([broken.statusCode, broken.json().error.code]).toEqual([400, 'fund.bad_csv']);
    expect(await movements()).toBe(before);
    const preview = (await treasurer.post('/api/v1/fund/statements/preview', input)).json();
    expect([preview.matched.length, preview.unmatched.length, preview.malformed.length]).toEqual([1975, 20, 5]);
    expect(await movements()).toBe(before);

    expect((await coordinator.post('/api/v1/fund/statements', input)).statusCode).toBe(403);
    const imported = await treasurer.post('/api/v1/fund/statements', input);
    expect(imported.statusCode).toBe(200);
    const result = imported.json();
    expect(result.matched).toHaveLength(1975);
    expect(result.matched.reduce((s: number, m: { cents: number }) => s + m.cents, 0)).toBe(expectedCents);
    expect(result.unmatched).toHaveLength(20);
    expect(result.unmatched.every((u: { reason: string }) => u.reason === 'unknown_reference')).toBe(true);
    expect(result.malformed.map((m: { line: number }) => m.line)).toEqual([102, 402, 702, 1002, 1302]);
    expect(await movements()).toBe(before + 1975);

    const again = (await treasurer.post('/api/v1/fund/statements', input)).json();
    expect([
      again.matched.length,
      again.alreadyImported.length,
      again.unmatched.length,
      again.malformed.length,
    ]).toEqual([0, 1975, 20, 5]);
    expect(await movements()).toBe(before + 1975);
    expect(await ledgerInvariants(t.deps)).toEqual([]);
  }, 120_000);
});
