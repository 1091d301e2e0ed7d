import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CoopEntry, coopAccount } from './coop-account.ts';

const entry = (
  movementId: string,
  seq: number,
  date: string,
  account: string,
  cents: number,
  kind = 'contribution',
): CoopEntry => ({
  movementId,
  seq,
  date,
  kind,
  reason: `${kind} ${movementId}`,
  account,
  cents,
});

describe('a co-op’s account with the fund', () => {
  it('runs what the co-op owes through dues, a payment, a loan, a repayment, forgiveness, a grant and a reimbursement', () => {
    const rows = coopAccount([
      // given out of order: the account is in the books' order
      entry('repaid', 5, '2026-04-10', 'assets:loans-receivable', -20_000, 'repayment'),
      entry('dues', 1, '2026-01-01', 'assets:contributions-receivable', 5_000),
      entry('paid', 2, '2026-01-08', 'assets:contributions-receivable', -5_000),
      entry('loan', 3, '2026-02-01', 'assets:loans-receivable', 100_000, 'loan'),
      entry('grant', 4, '2026-03-01', 'expenses:grants', 30_000, 'grant'),
      entry('forgiven', 6, '2026-05-01', 'expenses:write-offs', 80_000, 'write-off'),
      entry('forgiven', 6, '2026-05-01', 'assets:loans-receivable', -80_000, 'write-off'),
      entry('owed', 7, '2026-06-03', 'liabilities:owed-to-coops', -2_500, 'settlement'),
    ]);
    expect(rows.map((r) => [r.movementId, r.owedCents, r.givenCents, r.balanceCents])).toEqual([
      ['dues', 5_000, 0, 5_000],
      ['paid', -5_000, 0, 0],
      ['loan', 100_000, 0, 100_000],
      ['grant', 0, 30_000, 100_000],
      ['repaid', -20_000, 0, 80_000],
      ['forgiven', -80_000, 0, 0],
      ['owed', -2_500, 0, -2_500],
    ]);
  });

  it('ends on the sum of the owed lines, whatever the order they come in', () => {
    const accounts = [
      'assets:contributions-receivable',
      'assets:loans-receivable',
      'liabilities:owed-to-coops',
      'expenses:grants',
    ];
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            m: fc.integer({ min: 0, max: 20 }),
            a: fc.constantFrom(...accounts),
            c: fc.integer({ min: -10_000, max: 10_000 }),
          }),
          { maxLength: 60 },
        ),
        (raw) => {
          const entries = raw.map((r) =>
            entry(`m${r.m}`, r.m, `2026-01-${String(r.m + 1).padStart(2, '0')}`, r.a, r.c),
          );
          const rows = coopAccount(entries);
          const owed = entries.filter((e) => e.account !== 'expenses:grants').reduce((s, e) => s + e.cents, 0);
          expect(rows.at(-1)?.balanceCents ?? 0).toBe(owed);
        },
      ),
    );
  });
});
