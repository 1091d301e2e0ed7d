/**
 * Contributions in the books, each act inside the caller's transaction: a
 * month's dues booked as owed, and what a payment paid of an obligation. The
 * contributions service calls them for a treasurer, the bank statement import
 * for a matched line, the demo to replay its history on the days it happened
 * (`asOf`).
 */
import { fund as rules } from '@coopnet/domain';
import type { Tx } from '../../db/database.ts';
import { newId, nowIso } from '../../platform/clock.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import { fundRules } from '../governance/index.ts';
import * as repo from './contributions.repository.ts';
import { lockBooks } from './ledger.repository.ts';
import { type LedgerDeps, postIn, todayIn } from './ledger.service.ts';

async function contributionRules(trx: Tx) {
  return (await fundRules(trx)).contributions ?? rules.DEFAULT_CONTRIBUTION_RULES;
}

/** Books what a payment paid of an obligation: money into the bank, less owed by the co-op. */
export async function bookPaymentIn(
  trx: Tx,
  deps: LedgerDeps,
  o: repo.ObligationRow,
  cents: number,
  date: string,
  actorId: string | null,
  key: string,
  bankLine: string | null,
) {
  const posted = await postIn(
    trx,
    deps,
    {
      kind: 'contribution',
      date,
      reason: `Contribution paid by ${o.coop_name} (${o.reference})`,
      decision: null,
      lines: [
        { account: 'assets:bank', subFund: null, coopId: null, cents },
        { account: 'assets:contributions-receivable', subFund: null, coopId: o.coop_id, cents: -cents },
      ],
    },
    { actorId, key },
  );
  await repo.insertPayment(trx, {
    id: newId(),
    obligation_id: o.id,
    movement_id: posted.movementId,
    cents,
    paid_on: date,
    bank_line: bankLine,
    recorded_by: actorId,
    recorded_at: nowIso(),
  });
  return posted;
}

/** Books a month's dues of these co-ops, skipping those that have them (or owe nothing). */
export async function duesIn(
  trx: Tx,
  deps: LedgerDeps,
  coops: { id: string; name: string; workers: number }[],
  period: string,
  actorId: string | null,
) {
  const r = await contributionRules(trx);
  const today = await todayIn(trx, deps);
  const date = `${period}-01` > today ? today : `${period}-01`;
  let created = 0;
  let skipped = 0;
  let totalCents = 0;
  const made: { id: string; coopId: string; cents: number }[] = [];
  for (const coop of coops) {
    const cents = coop.workers * r.perWorkerMonthlyCents;
    if (cents === 0 || (await repo.obligationFor(trx, coop.id, period))) {
      skipped++;
      continue;
    }
    const id = newId();
    const reference = rules.referenceCode(period, id);
    const posted = await postIn(
      trx,
      deps,
      {
        kind: 'contribution',
        date,
        reason: `Dues of ${period} owed by ${coop.name}: ${coop.workers} workers (${reference})`,
        decision: null,
        lines: [
          { account: 'assets:contributions-receivable', subFund: null, coopId: coop.id, cents },
          ...rules
            .splitCents(cents, r.split)
            .map(([subFund, part]) => ({ account: 'income:contributions', subFund, coopId: null, cents: -part })),
        ],
      },
      { actorId, key: `dues-${id}` },
    );
    await repo.insertObligation(trx, {
      id,
      coop_id: coop.id,
      period,
      kind: 'monthly_due',
      amount_cents: cents,
      reference,
      due_date: rules.dueDate(period, r.dueDays),
      movement_id: posted.movementId,
      created_by: actorId,
      created_at: nowIso(),
    });
    created++;
    totalCents += cents;
    made.push({ id, coopId: coop.id, cents });
  }
  return { created, skipped, totalCents, obligations: made };
}


/** A payment of an obligation by hand, inside the caller's transaction; false for a retry with the same key. */
export async function payObligationIn(
  trx: Tx,
  deps: LedgerDeps,
  id: string,
  input: { cents: number; date: string },
  actorId: string | null,
  key: string,
): Promise<boolean> {
  const o = await repo.obligationById(trx, id);
  if (!o) throw notFound('obligation');
  // A retry of a payment booked before: its movement is there under the same key.
  const earlier = await repo.paymentByKey(trx, key);
  if (earlier) {
    if (earlier.obligation_id !== id)
      throw conflict('fund.idempotency_conflict', 'This Idempotency-Key was used for another payment.');
    return false;
  }
  const outstanding = Number(o.amount_cents) - Number(o.paid_cents);
  if (input.cents > outstanding)
    throw conflict('fund.more_than_owed', 'This is more than the co-op still owes on it.', {
      outstandingCents: outstanding,
    });
  await bookPaymentIn(trx, deps, o, input.cents, input.date, actorId, key, null);
  return true;
}

/** A month's dues of every member co-op (its active workers times the due), skipping those that have them. */
export async function monthDuesIn(trx: Tx, deps: LedgerDeps, period: string, actorId: string | null) {
  // One month's dues at a time: two at once would both find a co-op without its dues.
  await lockBooks(trx, deps.dialect);
  return duesIn(trx, deps, await repo.memberCoopsWithWorkers(trx), period, actorId);
}
