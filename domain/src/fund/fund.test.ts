import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_FUND_RULES, committeeVerdict, mayAnswer, policyBreaches, trackFor } from './applications.ts';
import { arrearsByCoop, dueDate, referenceCode, splitCents } from './contributions.ts';
import { matchPayments, readStatement, statementAmount, statementDate } from './statement.ts';

describe('who decides an application', () => {
  it('follows the bands by amount, the assembly above them', () => {
    expect(trackFor(DEFAULT_FUND_RULES, 'emergency_grant', 300_000)).toEqual({
      by: 'committee',
      approvals: 2,
      withinHours: 48,
    });
    expect(trackFor(DEFAULT_FUND_RULES, 'emergency_grant', 300_001)).toEqual({
      by: 'committee',
      approvals: 3,
      withinHours: null,
    });
    expect(trackFor(DEFAULT_FUND_RULES, 'emergency_grant', 2_000_001)).toEqual({ by: 'assembly' });
    expect(
      policyBreaches(DEFAULT_FUND_RULES.policy, {
        kind: 'loan',
        amountCents: 300_000,
        lentToCoopCents: 0,
        fundCents: 1_000_000,
      }),
    ).toEqual([{ rule: 'max_lent_to_one_coop', limitCents: 250_000, lentCents: 0 }]);
  });

  it('approves at enough approvals, declines once they cannot come', () => {
    expect(committeeVerdict(2, 3, 2, 0)).toBe('approved');
    expect(committeeVerdict(2, 3, 1, 1)).toBe('open');
    expect(committeeVerdict(2, 3, 0, 2)).toBe('declined');
  });
});

describe('contributions', () => {
  it('splits any amount between sub-funds in whole cents that add up to it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e12 }),
        fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd'), fc.integer({ min: 0, max: 100 }), { minKeys: 1 }),
        (cents, split) => {
          fc.pre(Object.values(split).some((p) => p > 0));
          const parts = splitCents(cents, split);
          expect(parts.reduce((s, [, c]) => s + c, 0)).toBe(cents);
          for (const [, c] of parts) expect(Number.isSafeInteger(c) && c > 0).toBe(true);
        },
      ),
    );
    expect(splitCents(1001, { emergency: 40, development: 30, programmes: 20, reserve: 10 })).toEqual([
      ['emergency', 401],
      ['development', 300],
      ['programmes', 200],
      ['reserve', 100],
    ]);
  });

  it('gives each obligation a short stable reference and a due day', () => {
    expect(referenceCode('2026-11', '7f3a2c10-0000-4000-8000-000000000000')).toMatch(/^F202611-[0-9A-HJKMNP-TV-Z]{6}$/);
    expect(referenceCode('2026-11', '7f3a2c10-0000-4000-8000-000000000000')).toBe(
      referenceCode('2026-11', '7f3a2c10-0000-4000-8000-000000000000'),
    );
    expect(dueDate('2026-11', 30)).toBe('2026-12-30');
    expect(dueDate('2026-02', 0)).toBe('2026-02-28');
  });
});

describe('a bank statement', () => {
  it('reads amounts and dates as banks write them, and nothing it cannot', () => {
    expect(['1234.56', '1.234,56', '-25,00', '1 234,56 €', '12', '0,5', '(7.00)'].map(statementAmount)).toEqual([
      123456, 123456, -2500, 123456, 1200, 50, -700,
    ]);
    expect(['12,345,678', 'abc', '1.2.3,4.5', ''].map(statementAmount)).toEqual([1234567800, null, null, null]);
    expect(
      ['2026-11-05', '05/11/2026', '5.11.2026', '2026-02-30', '11/31/2026', 'yesterday'].map(statementDate),
    ).toEqual(['2026-11-05', '2026-11-05', '2026-11-05', null, null, null]);
  });

  it('lists the lines it cannot read and matches the others by reference and amount', () => {
    const csv =
      'Date;Amount;Reference;Concept\n05/11/2026;120,00;F202611-AAAAAA;dues\n06/11/2026;abc;F202611-BBBBBB;\n07/11/2026;80,00;;paid F202611 bbbbbb\n08/11/2026;-30,00;;bank fee\n09/11/2026;50,00;F202611-AAAAAA;more\n10/11/2026;10,00;NOPE;\nshort';
    const { lines, malformed } = readStatement(csv, { date: 0, amount: 1, reference: 2, description: 3, header: true });
    expect(malformed).toEqual([
      { line: 3, problem: 'bad_amount' },
      { line: 8, problem: 'missing_fields' },
    ]);
    const owed = [
      { id: 'a', reference: 'F202611-AAAAAA', outstandingCents: 150_00 },
      { id: 'b', reference: 'F202611-BBBBBB', outstandingCents: 80_00 },
    ];
    const { matched, unmatched } = matchPayments(lines, owed);
    expect(matched.map((m) => [m.line.line, m.owedId])).toEqual([
      [2, 'a'],
      [4, 'b'],
    ]);
    expect(unmatched).toEqual([
      { line: 5, reason: 'money_out' },
      { line: 6, reason: 'more_than_owed' },
      { line: 7, reason: 'unknown_reference' },
    ]);
  });
});

describe('loans', () => {
  const terms = { principalCents: 1_000_000, rateBasisPoints: 200, termMonths: 3, graceMonths: 1, schedule: 'fixed' as const };

  it('falls due in equal monthly instalments after the grace period, the odd cents last', async () => {
    const { instalments } = await import('./loans.ts');
    expect(instalments({ ...terms, principalCents: 1_000_001 }, '2026-01-31')).toEqual([
      { due: '2026-03-31', principalCents: 333_333 },
      { due: '2026-04-30', principalCents: 333_333 },
      { due: '2026-05-31', principalCents: 333_335 },
    ]);
    expect(instalments({ ...terms, schedule: 'when_viable' }, '2026-01-31')).toEqual([]);
  });

  it('charges simple interest on the principal, pays interest first, and never compounds', async () => {
    const { allocate, interestBetween } = await import('./loans.ts');
    expect(interestBetween(1_000_000, 200, '2026-01-01', '2027-01-01')).toBe(20_000);
    expect(interestBetween(1_000_000, 0, '2026-01-01', '2027-01-01')).toBe(0);
    // Two years unpaid is twice one year's interest (compounding would make it 40,400).
    expect(interestBetween(1_000_000, 200, '2026-01-01', '2028-01-01')).toBe(40_000);
    expect(allocate(50_000, 20_000)).toEqual({ interestCents: 20_000, principalCents: 30_000 });
    expect(allocate(5_000, 20_000)).toEqual({ interestCents: 5_000, principalCents: 0 });
  });

  it('puts a late loan in a bucket of 30 days from its first instalment not covered', async () => {
    const { arrears, instalments } = await import('./loans.ts');
    const schedule = instalments(terms, '2026-01-31');
    expect(arrears(schedule, 0, '2026-03-30')).toEqual({ bucket: 'current', daysLate: 0, lateCents: 0 });
    expect(arrears(schedule, 0, '2026-04-10')).toEqual({ bucket: 'up_to_30', daysLate: 10, lateCents: 333_333 });
    expect(arrears(schedule, 333_333, '2026-05-10')).toEqual({ bucket: 'up_to_30', daysLate: 10, lateCents: 333_333 });
    expect(arrears(schedule, 0, '2026-07-15')).toMatchObject({ bucket: 'over_90', daysLate: 106 });
  });
});

describe('who may answer an application', () => {
  it('leaves out whoever applied and everyone who works at the applicant co-op', () => {
    const members = [
      { personId: 'ana', coopId: 'forn' },
      { personId: 'bea', coopId: 'libreria' },
      { personId: 'carla', coopId: null },
      { personId: 'dani', coopId: 'forn' },
    ];
    expect(mayAnswer(members, { coopId: 'forn', appliedBy: 'carla' }).map((m) => m.personId)).toEqual(['bea']);
    expect(mayAnswer(members, { coopId: 'taller', appliedBy: 'zoe' })).toHaveLength(4);
  });
});

describe('who is behind with the fund', () => {
  it('sums per co-op what is owed past its due day, most behind first, and leaves out what is paid or not yet due', () => {
    const o = (coopId: string, outstandingCents: number, dueDate: string) => ({ coopId, coopName: coopId, outstandingCents, dueDate });
    expect(
      arrearsByCoop(
        [o('fil', 5_000, '2026-11-01'), o('fil', 5_000, '2026-10-01'), o('forn', 3_000, '2026-09-01'), o('forn', 0, '2026-08-01'), o('rosa', 9_000, '2026-12-06')],
        '2026-12-06',
      ),
    ).toEqual([
      { coopId: 'fil', coopName: 'fil', overdueCents: 10_000, obligations: 2, since: '2026-10-01' },
      { coopId: 'forn', coopName: 'forn', overdueCents: 3_000, obligations: 1, since: '2026-09-01' },
    ]);
    expect(arrearsByCoop([], '2026-12-06')).toEqual([]);
  });
});
