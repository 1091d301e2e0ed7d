import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type FlowRow, actualOf, budgetLine, fundFlows } from './flows.ts';

const SHOWN = ['emergency', 'development', 'programmes'];

interface Line {
  account: string;
  subFund: string;
  cents: number;
}
interface Move {
  kind: 'opening' | 'lending' | 'other';
  lines: Line[];
}

/** Sums lines per account, sub-fund and (on equity) kind, as the repository does. */
function rowsOf(moves: Move[]): FlowRow[] {
  const rows = new Map<string, FlowRow>();
  for (const m of moves)
    for (const l of m.lines) {
      const kind = l.account.startsWith('equity:') ? m.kind : 'other';
      const k = `${l.account}|${l.subFund}|${kind}`;
      const r = rows.get(k) ?? { account: l.account, subFund: l.subFund, kind, debitCents: 0, creditCents: 0 };
      if (l.cents > 0) r.debitCents += l.cents;
      else r.creditCents -= l.cents;
      rows.set(k, r);
    }
  return [...rows.values()];
}

/** What a sub-fund holds after these moves: the credit side of its lines. */
const held = (moves: Move[], subFund: string) =>
  moves.flatMap((m) => m.lines).reduce((s, l) => s + (l.subFund === subFund ? -l.cents : 0), 0);

const bank = (cents: number): Line => ({ account: 'assets:bank', subFund: '', cents });

describe('where the money came from and went', () => {
  it('follows a small year: gifts and contributions in, a grant out, a loan lent and partly repaid', () => {
    const before: Move[] = [
      { kind: 'opening', lines: [bank(100_000), { account: 'equity:funds', subFund: 'development', cents: -100_000 }] },
    ];
    const year: Move[] = [
      { kind: 'other', lines: [bank(5_000), { account: 'income:gifts', subFund: 'emergency', cents: -5_000 }] },
      {
        kind: 'other',
        lines: [
          { account: 'assets:contributions-receivable', subFund: '', cents: 9_000 },
          { account: 'income:contributions', subFund: 'emergency', cents: -3_000 },
          { account: 'income:contributions', subFund: 'development', cents: -6_000 },
        ],
      },
      { kind: 'other', lines: [{ account: 'expenses:grants', subFund: 'emergency', cents: 4_000 }, bank(-4_000)] },
      {
        kind: 'lending',
        lines: [
          { account: 'assets:loans-receivable', subFund: '', cents: 50_000 },
          bank(-50_000),
          { account: 'equity:funds', subFund: 'development', cents: 50_000 },
          { account: 'equity:funds', subFund: 'loans', cents: -50_000 },
        ],
      },
      {
        kind: 'lending',
        lines: [
          bank(10_500),
          { account: 'income:interest', subFund: 'development', cents: -500 },
          { account: 'assets:loans-receivable', subFund: '', cents: -10_000 },
          { account: 'equity:funds', subFund: 'loans', cents: 10_000 },
          { account: 'equity:funds', subFund: 'development', cents: -10_000 },
        ],
      },
      {
        kind: 'other',
        lines: [
          { account: 'expenses:write-offs', subFund: 'loans', cents: 7_000 },
          { account: 'assets:loans-receivable', subFund: '', cents: -7_000 },
        ],
      },
    ];
    const flows = fundFlows({
      subFunds: SHOWN,
      lentOut: 'loans',
      broughtForward: new Map(SHOWN.map((f) => [f, held(before, f)])),
      rows: rowsOf(year),
    });
    expect(flows.sources).toEqual(
      expect.arrayContaining([
        { source: 'brought-forward', subFund: 'development', cents: 100_000 },
        { source: 'income:gifts', subFund: 'emergency', cents: 5_000 },
        { source: 'income:contributions', subFund: 'emergency', cents: 3_000 },
        { source: 'income:contributions', subFund: 'development', cents: 6_000 },
        { source: 'income:interest', subFund: 'development', cents: 500 },
        { source: 'repaid', subFund: 'development', cents: 10_000 },
      ]),
    );
    expect(flows.sources).toHaveLength(6);
    expect(flows.uses).toEqual(
      expect.arrayContaining([
        { subFund: 'emergency', use: 'expenses:grants', cents: 4_000 },
        { subFund: 'development', use: 'lent', cents: 50_000 },
        { subFund: 'emergency', use: 'carried-forward', cents: 4_000 },
        { subFund: 'development', use: 'carried-forward', cents: 66_500 },
      ]),
    );
    expect(flows.uses).toHaveLength(4);
    expect(flows.lending).toEqual({ lentCents: 50_000, repaidCents: 10_000, writtenOffCents: 7_000 });
    expect(flows.subFunds.find((f) => f.code === 'programmes')).toEqual({
      code: 'programmes',
      broughtForwardCents: 0,
      inCents: 0,
      outCents: 0,
      carriedForwardCents: 0,
    });
    // Lending is neither spending nor income: only the grant was spent, only income was received.
    expect(actualOf(flows, 'development')).toEqual({ spentCents: 0, receivedCents: 6_500 });
    expect(actualOf(flows, 'emergency')).toEqual({ spentCents: 4_000, receivedCents: 8_000 });
  });

  it('shows opening balances booked in the period as a source, and a year without movements as nothing but what was held', () => {
    const opening: Move[] = [
      { kind: 'opening', lines: [bank(2_000), { account: 'equity:funds', subFund: 'emergency', cents: -2_000 }] },
    ];
    const flows = fundFlows({ subFunds: SHOWN, lentOut: 'loans', broughtForward: new Map(), rows: rowsOf(opening) });
    expect(flows.sources).toEqual([{ source: 'opening', subFund: 'emergency', cents: 2_000 }]);
    const quiet = fundFlows({
      subFunds: SHOWN,
      lentOut: 'loans',
      broughtForward: new Map([['emergency', 2_000]]),
      rows: [],
    });
    expect(quiet.sources).toEqual([{ source: 'brought-forward', subFund: 'emergency', cents: 2_000 }]);
    expect(quiet.uses).toEqual([{ subFund: 'emergency', use: 'carried-forward', cents: 2_000 }]);
  });

  it('nets a reversed gift against the gifts, and keeps moves between sub-funds gross', () => {
    const moves: Move[] = [
      { kind: 'other', lines: [bank(5_000), { account: 'income:gifts', subFund: 'emergency', cents: -5_000 }] },
      { kind: 'other', lines: [bank(-1_000), { account: 'income:gifts', subFund: 'emergency', cents: 1_000 }] },
      {
        kind: 'other',
        lines: [
          { account: 'equity:funds', subFund: 'emergency', cents: 3_000 },
          { account: 'equity:funds', subFund: 'programmes', cents: -3_000 },
        ],
      },
    ];
    const flows = fundFlows({ subFunds: SHOWN, lentOut: 'loans', broughtForward: new Map(), rows: rowsOf(moves) });
    expect(flows.sources).toEqual(
      expect.arrayContaining([
        { source: 'income:gifts', subFund: 'emergency', cents: 4_000 },
        { source: 'moved-in', subFund: 'programmes', cents: 3_000 },
      ]),
    );
    expect(flows.uses).toEqual(expect.arrayContaining([{ subFund: 'emergency', use: 'moved-out', cents: 3_000 }]));
  });

  it('every cent in equals the flows out plus what stayed, which is what each sub-fund holds at the end', () => {
    const account = fc.constantFrom('income:gifts', 'income:contributions', 'expenses:grants', 'expenses:write-offs');
    const subFund = fc.constantFrom(...SHOWN, 'loans');
    const cents = fc.integer({ min: 1, max: 1_000_000 });
    const simple = fc
      .record({ account, subFund, cents, out: fc.boolean() })
      .map(({ account: a, subFund: f, cents: c, out }): Move => {
        const signed = out ? c : -c;
        return { kind: 'other', lines: [bank(-signed), { account: a, subFund: f, cents: signed }] };
      });
    const between = fc
      .record({ from: subFund, to: subFund, cents, kind: fc.constantFrom('opening', 'lending', 'other') })
      .map(({ from, to, cents: c, kind }): Move => ({
        kind: kind as Move['kind'],
        lines: [
          { account: 'equity:funds', subFund: from, cents: c },
          { account: 'equity:funds', subFund: to, cents: -c },
        ],
      }));
    const move = fc.oneof(simple, between);
    fc.assert(
      fc.property(fc.array(move, { maxLength: 15 }), fc.array(move, { maxLength: 30 }), (before, during) => {
        const flows = fundFlows({
          subFunds: SHOWN,
          lentOut: 'loans',
          broughtForward: new Map(SHOWN.map((f) => [f, held(before, f)])),
          rows: rowsOf(during),
        });
        for (const f of SHOWN) {
          const came = flows.sources.filter((s) => s.subFund === f).reduce((s, x) => s + x.cents, 0);
          const went = flows.uses.filter((u) => u.subFund === f).reduce((s, x) => s + x.cents, 0);
          expect(came).toBe(went);
          const row = flows.subFunds.find((s) => s.code === f)!;
          expect(row.carriedForwardCents).toBe(held([...before, ...during], f));
          expect(row.broughtForwardCents + row.inCents).toBe(row.outCents + row.carriedForwardCents);
        }
        for (const x of [...flows.sources, ...flows.uses]) {
          const k = 'source' in x ? x.source : x.use;
          if (k === 'brought-forward' || k === 'carried-forward') continue;
          expect(x.cents).toBeGreaterThan(0);
        }
      }),
    );
  });
});

describe('a budget against what was spent', () => {
  it('says what is left and how much of it was spent; without a budget, only the actual', () => {
    expect(budgetLine({ spendCents: 10_000, receiveCents: null }, { spentCents: 2_500, receivedCents: 100 })).toEqual({
      spendCents: 10_000,
      receiveCents: null,
      spentCents: 2_500,
      receivedCents: 100,
      leftCents: 7_500,
      spentPercent: 25,
    });
    expect(
      budgetLine({ spendCents: 1_000, receiveCents: 5_000 }, { spentCents: 1_500, receivedCents: 0 }),
    ).toMatchObject({ leftCents: -500, spentPercent: 150, receiveCents: 5_000 });
    expect(budgetLine(null, { spentCents: 700, receivedCents: 0 })).toMatchObject({
      spendCents: null,
      leftCents: null,
      spentPercent: null,
      spentCents: 700,
    });
    expect(budgetLine({ spendCents: 0, receiveCents: null }, { spentCents: 0, receivedCents: 0 }).spentPercent).toBe(
      null,
    );
  });
});
