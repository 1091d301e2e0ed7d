/**
 * Contributions: what co-ops owe the fund and what they paid.
 *
 * A treasurer generates a month's dues: for each member co-op, its active
 * workers times the monthly due (the bylaws' fund rules, or the defaults),
 * booked as owed (contributions receivable from the co-op, income of the
 * sub-funds by the network's split) with a reference code for the transfer.
 * A month is generated once per co-op: generating again adds only co-ops
 * that had none.
 *
 * Payments are booked by hand (an amount and its day) or imported from a
 * bank statement: each line read, matched by its reference code to what is
 * still owed, and posted — every matched line of a file in one transaction.
 * Lines that cannot be read or matched are listed for the treasurer; a line
 * imported before (the same date, amount, reference and text, the same
 * number of times) is never posted again.
 */
import { createHash } from 'node:crypto';
import type { ImportResult, Obligation } from '@coopnet/contract/fund';
import { fund as rules } from '@coopnet/domain';
import type { ColumnMapping } from '@coopnet/domain/fund/statement';
import { CsvError } from '@coopnet/domain/people/csv';
import type { Tx } from '../../db/database.ts';
import type { AppDeps } from '../../deps.ts';
import type { MaybeActor } from '../../platform/auth/actor.ts';
import { authorize } from '../../platform/auth/authorize.ts';
import { recordAudit } from '../../platform/audit/audit.repository.ts';
import { badRequest } from '../../platform/errors.ts';
import * as repo from './contributions.repository.ts';
import { fundPolicy } from './fund.policy.ts';
import { lockBooks } from './ledger.repository.ts';
import { todayIn } from './ledger.service.ts';
import { loansService } from './loans.service.ts';
import { type OwedElsewhere, paymentMatchers } from './payment-matchers.ts';
import { bookPaymentIn, duesIn, monthDuesIn, payObligationIn } from './contribution-books.ts';

/** An obligation as the API shows it: what is owed, paid, still owed, and whether it is overdue on `today`. */
export const present = (o: repo.ObligationRow, today: string): Obligation => {
  const paid = Number(o.paid_cents);
  const amount = Number(o.amount_cents);
  return {
    id: o.id,
    coopId: o.coop_id,
    coopName: o.coop_name,
    period: o.period,
    kind: o.kind,
    amountCents: amount,
    paidCents: paid,
    outstandingCents: amount - paid,
    reference: o.reference,
    dueDate: o.due_date,
    overdue: amount > paid && o.due_date < today,
  };
};

/** A bank line's fingerprint: what it says, and which of its identical lines it is. */
function fingerprints(lines: readonly rules.StatementLine[]): Map<number, string> {
  const seen = new Map<string, number>();
  const out = new Map<number, string>();
  for (const l of lines) {
    const what = JSON.stringify([l.date, l.cents, rules.normalReference(l.reference), l.description]);
    const nth = (seen.get(what) ?? 0) + 1;
    seen.set(what, nth);
    out.set(l.line, createHash('sha256').update(`${what}#${nth}`).digest('base64url'));
  }
  return out;
}

/** Co-ops a batch of dues generation goes through, in one transaction. */
export const DUES_BATCH = 50;

export function contributionsService(deps: AppDeps) {
  const { db } = deps;
  const loans = loansService(deps);

  async function checkPeriod(actor: MaybeActor, period: string) {
    authorize(actor, fundPolicy.post(actor));
    if (period > (await deps.network.month()))
      throw badRequest('fund.future_period', 'Dues are generated for a month that has begun.', { period });
  }

  async function generate(actor: MaybeActor, period: string) {
    await checkPeriod(actor, period);
    return db.transaction().execute(async (trx) => {
      const { obligations: _made, ...done } = await monthDuesIn(trx, deps, period, actor!.personId);
      await recordAudit(trx, {
        actorId: actor!.personId,
        action: 'fund.dues_generated',
        subjectType: 'fund',
        subjectId: period,
        after: done,
      });
      return { period, ...done };
    });
  }

  /**
   * A month's dues for the next batch of co-ops (by id, after `after`), in
   * one transaction: the page calls again with `next` until it is null,
   * showing how far it is. A batch repeated books nothing twice.
   */
  async function generateBatch(actor: MaybeActor, period: string, after: string | undefined) {
    await checkPeriod(actor, period);
    return db.transaction().execute(async (trx) => {
      // One batch at a time: two at once would both find a co-op without its dues.
      await lockBooks(trx, deps.dialect);
      const coops = await repo.memberCoopsAfter(trx, after, DUES_BATCH);
      const { created, totalCents } = await duesIn(trx, deps, coops, period, actor!.personId);
      const last = coops.at(-1)?.id;
      const total = await repo.memberCoopCount(trx);
      const done = last === undefined ? total : await repo.memberCoopCount(trx, last);
      if (created > 0)
        await recordAudit(trx, {
          actorId: actor!.personId,
          action: 'fund.dues_generated',
          subjectType: 'fund',
          subjectId: period,
          after: { created, totalCents, after: after ?? null, last: last ?? null },
        });
      return { period, total, done, next: coops.length < DUES_BATCH ? null : last!, created, totalCents };
    });
  }

  async function list(
    actor: MaybeActor,
    q: { period?: string | undefined; coopId?: string | undefined; kind?: 'monthly_due' | 'surplus_share' | undefined },
  ) {
    authorize(actor, !!actor);
    const all = fundPolicy.readAllApplications(actor, false);
    // A co-op's people see their co-op's obligations; treasurers and coordinators everyone's.
    if (!all) authorize(actor, actor.coopId !== null && (!q.coopId || q.coopId === actor.coopId));
    const today = await deps.network.today();
    const rows = await repo.obligations(db, { period: q.period, kind: q.kind, coopId: all ? q.coopId : actor.coopId! });
    return { items: rows.map((o) => present(o, today)) };
  }

  /** Who is behind with the fund today, per co-op: for treasurers and coordinators. */
  async function arrears(actor: MaybeActor) {
    authorize(actor, !!actor);
    authorize(actor, fundPolicy.readAllApplications(actor, false));
    const today = await deps.network.today();
    const owed = await repo.obligations(db, { outstandingOnly: true, dueBefore: today });
    return { items: rules.arrearsByCoop(owed.map((o) => present(o, today)), today) };
  }

  async function pay(
    actor: MaybeActor,
    id: string,
    input: { cents: number; date: string },
    key: string,
  ): Promise<{ created: boolean; obligation: Obligation }> {
    authorize(actor, fundPolicy.post(actor));
    const created = await db.transaction().execute((trx) => payObligationIn(trx, deps, id, input, actor.personId, key));
    const today = await deps.network.today();
    return { created, obligation: present((await repo.obligationById(db, id))!, today) };
  }

  /** Reads a statement and matches it; with `commit`, posts every matched line not imported before, all in one transaction. */
  async function importStatement(
    actor: MaybeActor,
    csv: string,
    mapping: ColumnMapping,
    commit: boolean,
  ): Promise<ImportResult> {
    authorize(actor, fundPolicy.post(actor));
    let statement: rules.Statement;
    try {
      statement = rules.readStatement(csv, mapping);
    } catch (error) {
      // A quote never closed would make the rest of the file one field: the file is refused, not guessed at.
      if (error instanceof CsvError)
        throw badRequest('fund.bad_csv', 'The file is not a CSV file the fund can read.', {
          line: error.line,
          reason: error.message,
        });
      throw error;
    }
    const prints = fingerprints(statement.lines);
    const work = async (trx: Tx): Promise<ImportResult> => {
      const before = await repo.importedLines(trx, [...prints.values()]);
      for (const matcher of paymentMatchers())
        for (const print of await matcher.imported(trx, [...prints.values()])) before.add(print);
      const fresh = statement.lines.filter((l) => !before.has(prints.get(l.line)!));
      const owed = await repo.obligations(trx, { outstandingOnly: true });
      const byId = new Map(owed.map((o) => [o.id, o]));
      // Loans are matched by their own reference; their ids are marked so a match books a repayment.
      const loansOwed = await loans.owedOn(trx, await todayIn(trx, deps));
      const loanById = new Map(loansOwed.map((l) => [`loan:${l.id}`, l]));
      // What modules above the fund have owed under their own references (campaign pledges), ids prefixed by matcher.
      const elsewhere = new Map<string, { matcher: (typeof matchers)[number]; owed: OwedElsewhere }>();
      const matchers = paymentMatchers();
      for (const matcher of matchers)
        for (const o of await matcher.owed(trx, deps)) elsewhere.set(`${matcher.name}:${o.id}`, { matcher, owed: o });
      const { matched, unmatched } = rules.matchPayments(fresh, [
        ...[...elsewhere].map(([id, e]) => ({ id, reference: e.owed.reference, outstandingCents: e.owed.outstandingCents })),
        ...owed.map((o) => ({
          id: o.id,
          reference: o.reference,
          outstandingCents: Number(o.amount_cents) - Number(o.paid_cents),
        })),
        ...loansOwed.map((l) => ({ id: `loan:${l.id}`, reference: l.reference, outstandingCents: l.owedCents })),
      ]);
      const coopNameOf = (id: string) => byId.get(id)?.coop_name ?? loanById.get(id)?.coopName ?? elsewhere.get(id)!.owed.name;
      if (commit) {
        for (const m of matched) {
          const print = prints.get(m.line.line)!;
          const other = elsewhere.get(m.owedId);
          if (other)
            await other.matcher.book(trx, deps, {
              id: other.owed.id,
              cents: m.line.cents,
              date: m.line.date,
              actorId: actor.personId,
              key: `bank-${print}`,
              print,
            });
          else if (loanById.has(m.owedId))
            await loans.repayIn(
              trx,
              m.owedId.slice('loan:'.length),
              m.line.cents,
              m.line.date,
              actor.personId,
              `bank-${print}`,
              print,
            );
          else
            await bookPaymentIn(
              trx,
              deps,
              byId.get(m.owedId)!,
              m.line.cents,
              m.line.date,
              actor.personId,
              `bank-${print}`,
              print,
            );
        }
        if (matched.length > 0)
          await recordAudit(trx, {
            actorId: actor.personId,
            action: 'fund.statement_imported',
            subjectType: 'fund',
            subjectId: 'statement',
            after: { payments: matched.length, cents: matched.reduce((s, m) => s + m.line.cents, 0) },
          });
      }
      return {
        matched: matched.map((m) => ({
          line: m.line.line,
          date: m.line.date,
          cents: m.line.cents,
          reference: m.line.reference,
          coopName: coopNameOf(m.owedId),
          obligationId: m.owedId,
        })),
        alreadyImported: statement.lines.filter((l) => before.has(prints.get(l.line)!)).map((l) => ({ line: l.line })),
        unmatched,
        malformed: statement.malformed,
      };
    };
    return db.transaction().execute(work);
  }

  return { generate, generateBatch, list, arrears, pay, importStatement };
}
