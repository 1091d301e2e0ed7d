/**
 * The fund as people read it — sub-funds and accounts with their balances,
 * the movements, the journal — and the treasurer's acts on the books:
 * posting, reversing, closing a period.
 */
import { lastMonths } from '@coopnet/domain/dates';
import type {
  BooksInput,
  FundView,
  Movement,
  MovementInput,
  ReversalInput,
  Transparency,
} from '@coopnet/contract/fund';
import { fund, ledger } from '@coopnet/domain';
import type { z } from 'zod';
import type { AppDeps } from '../../deps.ts';
import type { MaybeActor } from '../../platform/auth/actor.ts';
import { authorize } from '../../platform/auth/authorize.ts';
import { recordAudit } from '../../platform/audit/audit.repository.ts';
import { nowIso } from '../../platform/clock.ts';
import { asText, csvLine } from '../../platform/csv.ts';
import { badRequest, conflict, notFound } from '../../platform/errors.ts';
import { fundRules } from '../governance/index.ts';
import { fundAbilities, fundPolicy } from './fund.policy.ts';
import { given } from './applications.repository.ts';
import { contributionsSince } from './contributions.repository.ts';
import * as repo from './ledger.repository.ts';
import { type Posted, ledgerWriter, lineOf } from './ledger.service.ts';

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = keyOf(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** The `count` months up to `month` (YYYY-MM), oldest first. */
function presentMovement(row: repo.MovementRow, lines: repo.LineRow[]): Movement {
  return {
    id: row.id,
    seq: Number(row.seq),
    kind: row.kind,
    date: row.date,
    reason: row.reason,
    decision: row.decision_kind && row.decision_id ? { kind: row.decision_kind, id: row.decision_id } : null,
    reverses: row.reverses_id,
    reversedBy: row.reversed_by,
    postedBy: row.posted_by,
    postedAt: row.posted_at,
    lines: lines.map((l) => ({ ...lineOf(l), coopName: l.coop_name })),
  };
}

export function fundService(deps: AppDeps) {
  const { db } = deps;
  const writer = ledgerWriter(deps);

  async function view(actor: MaybeActor): Promise<FundView> {
    const months = lastMonths(await deps.network.month(), 12);
    const [network, books, subFunds, accounts, balances, flows, fundRulesNow] = await Promise.all([
      deps.network.get(),
      repo.books(db),
      repo.subFunds(db),
      repo.accounts(db),
      repo.balances(db),
      repo.monthsSince(db, months[0]!),
      fundRules(db),
    ]);
    // Per account and sub-fund: the co-ops' part of a receivable or a debt is each co-op's business.
    const summed = new Map<string, { code: string; subFund: string; cents: number }>();
    for (const b of balances) {
      const k = `${b.account_code}\u0000${b.sub_fund}`;
      const s = summed.get(k) ?? { code: b.account_code, subFund: b.sub_fund, cents: 0 };
      s.cents += Number(b.cents);
      summed.set(k, s);
    }
    const byCode = new Map(accounts.map((a) => [a.code, a]));
    return {
      currency: network.currency,
      closedThrough: books.closed_through,
      subFunds: subFunds.map((f) => ({
        code: f.code,
        names: { en: f.name_en, es: f.name_es },
        balanceCents: Number(f.balance_cents),
        minimumCents: fund.minimumOf(f.code, Number(f.minimum_cents), fundRulesNow.policy),
      })),
      totalCents: subFunds.reduce((sum, f) => sum + Number(f.balance_cents), 0),
      accounts: [...summed.values()].flatMap((s) => {
        const a = byCode.get(s.code);
        if (!a) return [];
        return [
          {
            code: a.code,
            type: a.type,
            names: { en: a.name_en, es: a.name_es },
            subFund: s.subFund || null,
            balanceCents: s.cents * ledger.naturalSign(a.type),
          },
        ];
      }),
      months: months.map((month) => {
        const held = flows.filter((f) => f.month === month && byCode.get(f.account_code)?.no_overdraft === 1);
        return {
          month,
          inCents: held.reduce((s, f) => s + Number(f.debit_cents), 0),
          outCents: held.reduce((s, f) => s + Number(f.credit_cents), 0),
        };
      }),
      abilities: fundAbilities(actor),
    };
  }

  async function movement(actor: MaybeActor, id: string): Promise<Movement> {
    authorize(actor, fundPolicy.readMovements(actor));
    const row = await repo.movementView(db, id);
    if (!row) throw notFound('movement');
    return presentMovement(row, await repo.linesOf(db, [id]));
  }

  async function list(actor: MaybeActor, limit: number, offset: number) {
    authorize(actor, fundPolicy.readMovements(actor));
    const [rows, total] = await Promise.all([repo.movements(db, limit, offset), repo.movementCount(db)]);
    const lines = await repo.linesOf(
      db,
      rows.map((r) => r.id),
    );
    const byMovement = groupBy(lines, (l) => l.movement_id);
    return { items: rows.map((r) => presentMovement(r, byMovement.get(r.id) ?? [])), total, limit, offset };
  }

  async function post(
    actor: MaybeActor,
    input: z.output<typeof MovementInput>,
    key: string,
  ): Promise<{ created: boolean; movement: Movement }> {
    authorize(actor, fundPolicy.post(actor));
    const posted = await writer.post(input, { actorId: actor.personId, key });
    return answer(actor, posted);
  }

  async function reverse(actor: MaybeActor, movementId: string, input: z.output<typeof ReversalInput>, key: string) {
    authorize(actor, fundPolicy.post(actor));
    const posted = await writer.reverse(
      { movementId, reason: input.reason, decision: input.decision },
      { actorId: actor.personId, key },
    );
    return answer(actor, posted);
  }

  async function answer(actor: MaybeActor, posted: Posted) {
    return { created: posted.status === 'posted', movement: await movement(actor, posted.movementId) };
  }

  /** Closes the books through a day: nothing may be posted on or before it. A closed period is never reopened. */
  async function closeBooks(actor: MaybeActor, input: z.output<typeof BooksInput>): Promise<FundView> {
    authorize(actor, fundPolicy.closeBooks(actor));
    const today = await deps.network.today();
    if (input.closedThrough >= today)
      throw badRequest('fund.close_future', 'Only days that have ended can be closed.', { today });
    await db.transaction().execute(async (trx) => {
      const books = await repo.lockBooks(trx, deps.dialect);
      if (books.closed_through && input.closedThrough < books.closed_through) {
        throw conflict(
          'fund.books_reopen',
          'The books are closed through a later day; a closed period is never reopened.',
          { closedThrough: books.closed_through },
        );
      }
      await repo.setClosedThrough(trx, input.closedThrough, actor.personId, nowIso());
      await recordAudit(trx, {
        actorId: actor.personId,
        action: 'fund.books_closed',
        subjectType: 'fund',
        subjectId: 'books',
        before: { closedThrough: books.closed_through },
        after: { closedThrough: input.closedThrough },
      });
    });
    return view(actor);
  }

  /** The whole ledger as an hledger journal; each co-op's lines under its own sub-account (its address name). */
  async function* journal(actor: MaybeActor): AsyncGenerator<string> {
    authorize(actor, fundPolicy.export(actor));
    const { currency } = await deps.network.get();
    const nameOf = (l: ledger.Line & { coopSlug?: string | null }) =>
      [l.account, l.subFund, l.coopId ? (l.coopSlug ?? l.coopId) : null].filter(Boolean).join(':');
    yield ledger.journalHeader(currency);
    for await (const { movements, lines } of repo.journalRows(db)) {
      const byMovement = groupBy(lines, (l) => l.movement_id);
      yield ledger.journalTransactions(
        movements.map((m) => ({
          id: m.id,
          date: m.date,
          kind: m.kind,
          reason: m.reason,
          reverses: m.reverses_id,
          lines: (byMovement.get(m.id) ?? []).map((l) => ({ ...lineOf(l), coopSlug: l.coop_slug })),
        })),
        currency,
        nameOf,
      );
    }
  }

  /** What the fund gave (grants, loans, programme funding) and what each co-op paid in over twelve months: for anyone. */
  async function transparency(): Promise<Transparency> {
    const today = await deps.network.today();
    const since = `${lastMonths(today.slice(0, 7), 12)[0]}-01`;
    const [givenRows, paidRows] = await Promise.all([given(db, 100), contributionsSince(db, since)]);
    return {
      given: givenRows.map((g) => ({
        kind: g.kind,
        amountCents: Number(g.amount_cents),
        paidAt: g.paid_at!,
        coopName: g.recipient_hidden === 1 ? null : g.coop_name,
      })),
      contributions: paidRows.map((c) => ({ coopName: c.coop_name, paidCents: Number(c.paid) })),
    };
  }

  /**
   * Every line of every movement as CSV, for a spreadsheet (members): the
   * amount signed as accountants sign it (debit positive), as a decimal and in
   * cents. Text a spreadsheet would run as a formula is kept as text.
   */
  async function* csv(actor: MaybeActor): AsyncGenerator<string> {
    authorize(actor, fundPolicy.readMovements(actor));
    yield `\uFEFF${csvLine(['date', 'movement_id', 'kind', 'reason', 'account', 'sub_fund', 'coop', 'amount', 'amount_cents'])}\r\n`;
    for await (const { movements, lines } of repo.journalRows(db)) {
      const byMovement = groupBy(lines, (l) => l.movement_id);
      const out: string[] = [];
      for (const m of movements) {
        for (const l of byMovement.get(m.id) ?? []) {
          const cents = Number(l.cents);
          out.push(
            csvLine([
              m.date,
              m.id,
              m.kind,
              asText(m.reason),
              l.account_code,
              l.sub_fund,
              asText(l.coop_name ?? ''),
              ledger.decimalAmount(cents),
              cents,
            ]),
          );
        }
      }
      if (out.length > 0) yield `${out.join('\r\n')}\r\n`;
    }
  }

  return { view, list, movement, post, reverse, closeBooks, journal, transparency, csv };
}
