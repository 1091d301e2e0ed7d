/**
 * Posting to the fund's ledger. A movement is posted in ONE transaction that
 *   1. takes the books' lock (PostgreSQL; SQLite runs one transaction at a
 *      time), so movements are numbered and applied one after the other and
 *      a limit holds however many requests arrive together;
 *   2. looks the idempotency key up: a retry of the same movement gets it
 *      back, the key reused for another movement is a conflict;
 *   3. checks the movement against the books (balanced, whole cents, known
 *      accounts and sub-funds, an open day, a reason, its decision) and the
 *      decision against governance (a proposal that passed);
 *   4. checks the rules balances keep (no sub-fund below its minimum, no
 *      money spent that the bank does not hold);
 *   5. inserts the movement and its entries and adds them to the kept
 *      balances.
 * Nothing is ever updated or deleted: a correction is a reversing movement.
 * On SQLite, movements arriving together share one commit (db/group-commit.ts),
 * each in its own savepoint. The movement is its own record of who, when and
 * why: no audit event is written for it.
 */
import { createHash } from 'node:crypto';
import { fund as rules, ledger } from '@coopnet/domain';
import type { Executor, Tx } from '../../db/database.ts';
import { groupCommit } from '../../db/group-commit.ts';
import type { AppDeps } from '../../deps.ts';
import { newId, nowIso } from '../../platform/clock.ts';
import { localDate } from '../../platform/network/calendar.ts';
import { type AppError, badRequest, conflict } from '../../platform/errors.ts';
import { fundRules, isPassedProposal } from '../governance/index.ts';
import { isApproved } from './applications.repository.ts';
import { decisionCheck } from './decision-checks.ts';
import * as repo from './ledger.repository.ts';

export interface PostMeta {
  actorId: string | null;
  /** the Idempotency-Key: the same movement retried is posted once */
  key: string;
  /** the movement this one reverses */
  reverses?: string;
  /** what a retry must repeat to be the same request (the draft itself unless given) */
  request?: unknown;
  /** the community programme a `programme` movement is for: its budget is read from the ledger */
  programmeId?: string | null;
}

export type Posted = { status: 'posted' | 'duplicate'; movementId: string };

const MESSAGES: Record<ledger.MovementRefusal['code'], string> = {
  too_few_lines: 'A movement has at least two lines.',
  too_many_lines: 'A movement has at most 50 lines.',
  unbalanced: 'The lines do not balance: debits and credits must add up to zero.',
  decision_required: 'Money given, lent, written off or moved between sub-funds needs the decision that allowed it.',
  reason_required: 'Say why.',
  bad_date: 'The date is not a day of the calendar (YYYY-MM-DD).',
  books_closed: 'The books are closed up to that day: post it on a later day.',
  future_date: 'A movement cannot be dated after today.',
  not_cents: 'Amounts are whole cents.',
  zero_line: 'A line moves some money: zero is not an amount.',
  too_large: 'A line may move at most 100,000,000,000.',
  unknown_account: 'There is no such account in the fund’s chart.',
  sub_fund_required: 'A line on a fund, an income or an expense says which sub-fund it counts for.',
  sub_fund_not_allowed: 'A line on an asset or a liability belongs to the whole fund: it names no sub-fund.',
  unknown_sub_fund: 'There is no such sub-fund.',
};

/** A refusal as the API answers it: the books' closed date is a conflict with their state, the rest is bad input. */
export function refusalError(r: ledger.MovementRefusal): AppError {
  const { code, ...details } = r;
  return code === 'books_closed'
    ? conflict(`fund.${code}`, MESSAGES[code], details)
    : badRequest(`fund.${code}`, MESSAGES[code], details);
}

/**
 * Today in the network's time zone, read through the transaction (on SQLite a
 * read outside it would wait for it) — or `asOf`, the day a replayed event
 * happened: the demo seed books a year of history with these same functions.
 */
export const todayIn = async (trx: Tx, deps: Pick<AppDeps, 'network'> & { asOf?: string }) =>
  deps.asOf ?? localDate(new Date(), (await deps.network.get(trx)).timeZone);

const hashOf = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('base64url');

/**
 * Posts `draft` inside the caller's transaction (the contribution, grant and
 * loan services post their movements in the transaction of their own change).
 * Throws an AppError, and changes nothing, when the movement is refused.
 */
/** What posting needs: the engine and the network's settings; `asOf` the day a replayed event happened (todayIn). */
export type LedgerDeps = Pick<AppDeps, 'dialect' | 'network'> & { asOf?: string };

export async function postIn(
  trx: Tx,
  deps: LedgerDeps,
  draft: ledger.MovementDraft,
  meta: PostMeta,
): Promise<Posted> {
  const state = await repo.lockBooks(trx, deps.dialect);
  const requestHash = hashOf(meta.request ?? draft);
  const existing = await repo.movementByKey(trx, meta.key);
  if (existing) {
    if (existing.request_hash !== requestHash) {
      throw conflict('fund.idempotency_conflict', 'This Idempotency-Key was used for another movement.', {
        movementId: existing.id,
      });
    }
    return { status: 'duplicate', movementId: existing.id };
  }

  const [accounts, subFunds] = await Promise.all([repo.accounts(trx), repo.subFunds(trx)]);
  const books: ledger.Books = {
    accounts: new Map(accounts.map((a) => [a.code, { code: a.code, type: a.type, noOverdraft: a.no_overdraft === 1 }])),
    subFunds: new Map(subFunds.map((f) => [f.code, { code: f.code, minimumCents: Number(f.minimum_cents) }])),
    closedThrough: state.closed_through,
    today: await todayIn(trx, deps),
  };
  // The bylaws' minimum reserve, read only when the movement takes money out of the reserve.
  const reserve = books.subFunds.get(rules.RESERVE);
  if (reserve && draft.lines.filter((l) => l.subFund === rules.RESERVE).reduce((sum, l) => sum + l.cents, 0) > 0) {
    reserve.minimumCents = rules.minimumOf(rules.RESERVE, reserve.minimumCents, (await fundRules(trx)).policy);
  }
  const refusal = ledger.checkMovement(draft, books);
  if (refusal) throw refusalError(refusal);
  if (draft.decision) await checkDecision(trx, draft, draft.decision, meta.programmeId ?? null);

  const held = [...new Set(draft.lines.map((l) => l.account))].filter((code) => books.accounts.get(code)?.noOverdraft);
  const breaches = ledger.ruleBreaches(
    draft.lines,
    books.subFunds,
    books.accounts,
    new Map(subFunds.map((f) => [f.code, Number(f.balance_cents)])),
    await repo.heldBalances(trx, held),
  );
  if (breaches.length > 0) {
    throw conflict(
      'fund.rule_broken',
      'The fund’s rules do not allow this movement: it would take a balance below its limit.',
      { breaches },
    );
  }

  const id = newId();
  await repo.insertMovement(
    trx,
    {
      id,
      seq: Number(state.last_seq) + 1,
      kind: draft.kind,
      date: draft.date,
      reason: draft.reason.trim(),
      decision_kind: draft.decision?.kind ?? null,
      decision_id: draft.decision?.id ?? null,
      reverses_id: meta.reverses ?? null,
      actor_id: meta.actorId,
      posted_at: nowIso(),
      idempotency_key: meta.key,
      request_hash: requestHash,
      programme_id: meta.programmeId ?? null,
    },
    draft.lines,
  );
  return { status: 'posted', movementId: id };
}

/**
 * A movement rests on a proposal that passed, on an application the fund
 * committee approved (and not yet paid), or on a decision of a kind a module
 * above vouches for (a budgeting round's close, decision-checks.ts).
 */
async function checkDecision(
  ex: Executor,
  draft: ledger.MovementDraft,
  decision: ledger.Decision,
  programmeId: string | null,
): Promise<void> {
  const other = decisionCheck(decision.kind);
  const known =
    decision.kind === 'proposal'
      ? await isPassedProposal(ex, decision.id)
      : decision.kind === 'approval'
        ? await isApproved(ex, decision.id)
        : !!other && (await other(ex, decision, draft, { programmeId }));
  if (!known)
    throw badRequest(
      'fund.unknown_decision',
      'The decision named is not a proposal that passed, an approved application, nor a closed round that funds it.',
      { decision },
    );
}

export interface ReversalRequest {
  movementId: string;
  reason: string;
  decision: ledger.Decision | null;
}

/** The reversing movement of `request.movementId`, posted today; a movement is reversed at most once. */
export async function reverseIn(
  trx: Tx,
  deps: Pick<AppDeps, 'dialect' | 'network'>,
  request: ReversalRequest,
  meta: Omit<PostMeta, 'reverses'>,
): Promise<Posted> {
  await repo.lockBooks(trx, deps.dialect);
  const original = await repo.movementById(trx, request.movementId);
  if (!original) throw badRequest('fund.unknown_movement', 'There is no such movement.');
  const lines = (await repo.linesOf(trx, [original.id])).map(lineOf);
  const draft: ledger.MovementDraft = {
    kind: 'reversal',
    date: await todayIn(trx, deps),
    reason: request.reason,
    decision: request.decision,
    lines: ledger.reversingLines(lines),
  };
  const before = await repo.movementByKey(trx, meta.key);
  if (!before) {
    const reversed = await repo.reversalOf(trx, original.id);
    if (reversed)
      throw conflict('fund.already_reversed', 'This movement has been reversed already.', { reversedBy: reversed.id });
  }
  return postIn(trx, deps, draft, {
    ...meta,
    programmeId: original.programme_id ?? null,
    reverses: original.id,
    request: { reverses: original.id, reason: request.reason, decision: request.decision },
  });
}

export const lineOf = (r: Pick<repo.LineRow, 'account_code' | 'sub_fund' | 'coop_id' | 'cents'>): ledger.Line => ({
  account: r.account_code,
  subFund: r.sub_fund === '' ? null : r.sub_fund,
  coopId: r.coop_id === '' ? null : r.coop_id,
  cents: Number(r.cents),
});

/** Posting and reversing in transactions of their own (on SQLite sharing commits with others arriving together). */
export function ledgerWriter(deps: AppDeps) {
  const inTransaction = groupCommit(deps.db, deps.dialect);
  return {
    post: (draft: ledger.MovementDraft, meta: PostMeta) => inTransaction((trx) => postIn(trx, deps, draft, meta)),
    reverse: (request: ReversalRequest, meta: Omit<PostMeta, 'reverses'>) =>
      inTransaction((trx) => reverseIn(trx, deps, request, meta)),
  };
}
