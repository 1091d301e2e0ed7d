import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Account, type SubFund, accountTypeOf } from './accounts.ts';
import { decimalAmount, journal } from './journal.ts';
import { type Books, type Line, type MovementDraft, checkMovement, reversingLines } from './movement.ts';
import { ruleBreaches, subFundDeltas } from './rules.ts';

const ACCOUNTS: Account[] = [
  'assets:bank',
  'assets:loans-receivable',
  'liabilities:owed-to-coops',
  'equity:funds',
  'income:gifts',
  'income:contributions',
  'expenses:grants',
].map((code) => ({ code, type: accountTypeOf(code)!, noOverdraft: code === 'assets:bank' }));
const SUB_FUNDS: SubFund[] = [
  { code: 'emergency', minimumCents: 0 },
  { code: 'reserve', minimumCents: 50_000 },
];

const books = (over: Partial<Books> = {}): Books => ({
  accounts: new Map(ACCOUNTS.map((a) => [a.code, a])),
  subFunds: new Map(SUB_FUNDS.map((f) => [f.code, f])),
  closedThrough: '2026-03-31',
  today: '2026-06-30',
  ...over,
});

const line = (account: string, cents: number, subFund: string | null = null): Line => ({
  account,
  subFund,
  coopId: null,
  cents,
});
const gift = (over: Partial<MovementDraft> = {}): MovementDraft => ({
  kind: 'gift',
  date: '2026-06-01',
  reason: 'A neighbour’s gift',
  decision: null,
  lines: [line('assets:bank', 10_000), line('income:gifts', -10_000, 'emergency')],
  ...over,
});

describe('a movement', () => {
  it('balanced, on open days, with known accounts and sub-funds on net-assets lines only, is accepted', () => {
    expect(checkMovement(gift(), books())).toBeNull();
  });

  it.each([
    [
      'an unbalanced one',
      gift({ lines: [line('assets:bank', 10_000), line('income:gifts', -9_999, 'emergency')] }),
      'unbalanced',
    ],
    [
      'fractional cents',
      gift({ lines: [line('assets:bank', 100.5), line('income:gifts', -100.5, 'emergency')] }),
      'not_cents',
    ],
    ['a zero line', gift({ lines: [line('assets:bank', 0), line('income:gifts', 0, 'emergency')] }), 'zero_line'],
    ['one line', gift({ lines: [line('assets:bank', 0)] }), 'too_few_lines'],
    ['a day in the closed books', gift({ date: '2026-03-31' }), 'books_closed'],
    ['a day to come', gift({ date: '2026-07-01' }), 'future_date'],
    ['a day that does not exist', gift({ date: '2026-02-30' }), 'bad_date'],
    [
      'an unknown account',
      gift({ lines: [line('assets:cash-box', 1), line('income:gifts', -1, 'emergency')] }),
      'unknown_account',
    ],
    [
      'income without its sub-fund',
      gift({ lines: [line('assets:bank', 1), line('income:gifts', -1)] }),
      'sub_fund_required',
    ],
    [
      'the bank with a sub-fund',
      gift({ lines: [line('assets:bank', 1, 'emergency'), line('income:gifts', -1, 'emergency')] }),
      'sub_fund_not_allowed',
    ],
    [
      'an unknown sub-fund',
      gift({ lines: [line('assets:bank', 1), line('income:gifts', -1, 'strike')] }),
      'unknown_sub_fund',
    ],
    ['a grant without its decision', gift({ kind: 'grant' }), 'decision_required'],
    ['no reason', gift({ reason: '  ' }), 'reason_required'],
    [
      'a line past 10^13 cents',
      gift({ lines: [line('assets:bank', 1e13 + 1), line('income:gifts', -(1e13 + 1), 'emergency')] }),
      'too_large',
    ],
  ])('%s is refused', (_, draft, code) => {
    expect(checkMovement(draft, books())?.code).toBe(code);
  });

  it('any balanced set of lines is accepted, and its reversal balances and undoes it', () => {
    const accounts = [...books().accounts.values()];
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.constantFrom(...accounts),
            fc.integer({ min: 1, max: 1e9 }),
            fc.boolean(),
            fc.constantFrom('emergency', 'reserve'),
          ),
          { minLength: 1, maxLength: 20 },
        ),
        (parts) => {
          const lines: Line[] = parts.map(([a, cents, debit, fund]) =>
            line(
              a.code,
              debit ? cents : -cents,
              accountTypeOf(a.code) === 'assets' || accountTypeOf(a.code) === 'liabilities' ? null : fund,
            ),
          );
          const rest = -lines.reduce((s, l) => s + l.cents, 0);
          lines.push(line('assets:bank', rest === 0 ? 1 : rest));
          if (rest === 0) lines.push(line('assets:loans-receivable', -1));
          expect(checkMovement(gift({ kind: 'adjustment', lines }), books())).toBeNull();
          const back = reversingLines(lines);
          expect(back.reduce((s, l) => s + l.cents, 0)).toBe(0);
          for (const [i, l] of back.entries()) expect(l.cents + lines[i]!.cents).toBe(0);
        },
      ),
    );
  });
});

describe('the rules balances keep', () => {
  const b = books();
  const grant = (cents: number) => [line('expenses:grants', cents, 'emergency'), line('assets:bank', -cents)];

  it('a sub-fund may pay out what it holds, not a cent more', () => {
    const balances = new Map([['emergency', 30_000]]);
    const bank = new Map([['assets:bank', 1_000_000]]);
    expect(ruleBreaches(grant(30_000), b.subFunds, b.accounts, balances, bank)).toEqual([]);
    expect(ruleBreaches(grant(30_001), b.subFunds, b.accounts, balances, bank)).toEqual([
      { rule: 'sub_fund_minimum', subFund: 'emergency', minimumCents: 0, balanceCents: -1 },
    ]);
  });

  it('the reserve keeps its minimum; the bank never goes below zero', () => {
    const toReserve = [line('expenses:grants', 20_000, 'reserve'), line('assets:bank', -20_000)];
    const breaches = ruleBreaches(
      toReserve,
      b.subFunds,
      b.accounts,
      new Map([['reserve', 60_000]]),
      new Map([['assets:bank', 10_000]]),
    );
    expect(breaches).toEqual([
      { rule: 'sub_fund_minimum', subFund: 'reserve', minimumCents: 50_000, balanceCents: 40_000 },
      { rule: 'no_overdraft', account: 'assets:bank', balanceCents: -10_000 },
    ]);
  });

  it('money coming in is never refused, even into a sub-fund still below its floor', () => {
    const lines = [line('assets:bank', 5_000), line('income:contributions', -5_000, 'reserve')];
    expect(ruleBreaches(lines, b.subFunds, b.accounts, new Map([['reserve', 0]]), new Map())).toEqual([]);
    expect(subFundDeltas(lines)).toEqual(new Map([['reserve', 5_000]]));
  });
});

describe('the journal', () => {
  it('writes amounts with two decimals and each line under its account, sub-fund and co-op', () => {
    expect([123456, -5, 100, 0].map(decimalAmount)).toEqual(['1234.56', '-0.05', '1.00', '0.00']);
    const text = journal(
      [
        {
          id: 'm1',
          date: '2026-06-01',
          kind: 'gift',
          reason: 'Gift\n    assets:bank  1000000.00 EUR',
          reverses: null,
          lines: gift().lines,
        },
      ],
      'EUR',
      (l) => [l.account, l.subFund].filter(Boolean).join(':'),
    );
    expect(text).toContain('2026-06-01 * Gift assets:bank 1000000.00 EUR  ; movement:m1, kind:gift\n');
    expect(text).toContain('    assets:bank  100.00 EUR\n    income:gifts:emergency  -100.00 EUR\n');
  });
});
