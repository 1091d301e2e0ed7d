/**
 * The yearly share of surplus: a co-op's admin (or a treasurer) declares the
 * co-op's year — the day its accounts closed and the surplus — and the
 * bylaws' share of it becomes an obligation like a month's dues: owed by the
 * co-op (contributions receivable), income of the sub-funds by the network's
 * split, due the bylaws' days after the closing, with an S reference code for
 * the transfer. Paid by hand or from a bank statement, reminded when late.
 *
 * One declaration per co-op and year: the same one again is answered as it
 * was, other figures are refused (409). Only a treasurer corrects a year:
 * the booking of the old share is reversed and the new one booked, the
 * obligation keeping its reference code; a correction never leaves the co-op
 * owing less than it already paid.
 */
import { fund as rules } from '@coopnet/domain';
import type { Tx } from '../../db/database.ts';
import type { FundSurplusDeclarationTable } from '../../db/schema-fund.ts';
import type { AppDeps } from '../../deps.ts';
import type { MaybeActor } from '../../platform/auth/actor.ts';
import { authorize } from '../../platform/auth/authorize.ts';
import { recordAudit } from '../../platform/audit/audit.repository.ts';
import { newId, nowIso } from '../../platform/clock.ts';
import { badRequest, conflict, notFound } from '../../platform/errors.ts';
import { fundRules } from '../governance/index.ts';
import * as obligationsRepo from './contributions.repository.ts';
import { present } from './contributions.service.ts';
import { fundPolicy } from './fund.policy.ts';
import { lockBooks } from './ledger.repository.ts';
import { postIn, reverseIn, todayIn } from './ledger.service.ts';
import * as repo from './surplus.repository.ts';

export interface YearAccounts {
  closedOn: string;
  surplusCents: number;
}

export function surplusService(deps: AppDeps) {
  const { db } = deps;

  /** The closing day must be a real day, in the year or the next, and not after today. */
  function checkClosingDay(year: number, closedOn: string, today: string) {
    const real = new Date(`${closedOn}T00:00:00Z`).toISOString().slice(0, 10) === closedOn;
    const y = Number(closedOn.slice(0, 4));
    if (!real || y < year || y > year + 1)
      throw badRequest('fund.bad_closing_day', `The accounts of ${year} close in ${year} or ${year + 1}.`, {
        closedOn,
      });
    if (closedOn > today)
      throw badRequest('fund.future_closing_day', 'The accounts are declared once they have closed.', { closedOn });
  }

  async function view(ex: Tx | typeof db, d: FundSurplusDeclarationTable) {
    const today = await deps.network.today();
    const o = d.obligation_id ? await obligationsRepo.obligationById(ex, d.obligation_id) : undefined;
    return {
      coopId: d.coop_id,
      year: d.year,
      closedOn: d.closed_on,
      surplusCents: Number(d.surplus_cents),
      shareBasisPoints: d.share_basis_points,
      obligation: o ? present(o, today) : null,
      declaredAt: d.declared_at,
      correctedAt: d.corrected_at,
    };
  }

  async function surplusRule(trx: Tx) {
    const rule = ((await fundRules(trx)).contributions ?? rules.DEFAULT_CONTRIBUTION_RULES).surplus;
    if (!rule) throw conflict('fund.no_surplus_share', 'The bylaws ask co-ops for no share of their surplus.');
    return rule;
  }

  /** Books `share` as owed by the co-op, income of the sub-funds by the network's split. */
  async function bookShare(
    trx: Tx,
    coop: { id: string; name: string },
    year: number,
    share: number,
    reference: string,
    actorId: string | null,
    key: string,
    request: unknown,
  ) {
    const r = (await fundRules(trx)).contributions ?? rules.DEFAULT_CONTRIBUTION_RULES;
    return postIn(
      trx,
      deps,
      {
        kind: 'contribution',
        date: await todayIn(trx, deps),
        reason: `Share of the surplus of ${year} owed by ${coop.name} (${reference})`,
        decision: null,
        lines: [
          { account: 'assets:contributions-receivable', subFund: null, coopId: coop.id, cents: share },
          ...rules
            .splitCents(share, r.split)
            .map(([subFund, part]) => ({ account: 'income:contributions', subFund, coopId: null, cents: -part })),
        ],
      },
      { actorId, key, request },
    );
  }

  async function declare(actor: MaybeActor, coopId: string, input: YearAccounts & { year: number }, key: string) {
    authorize(actor, fundPolicy.declareSurplus(actor, coopId));
    checkClosingDay(input.year, input.closedOn, await deps.network.today());
    const result = await db.transaction().execute(async (trx) => {
      // One declaration at a time: the year is declared once even when two arrive together.
      await lockBooks(trx, deps.dialect);
      const coop = await repo.memberCoop(trx, coopId);
      if (!coop) throw notFound('coop');
      const earlier = await repo.declaration(trx, coopId, input.year);
      if (earlier) {
        if (earlier.closed_on === input.closedOn && Number(earlier.surplus_cents) === input.surplusCents)
          return { created: false, row: earlier };
        throw conflict(
          'fund.surplus_declared',
          `The accounts of ${input.year} were declared; a treasurer corrects them.`,
          {
            closedOn: earlier.closed_on,
            surplusCents: Number(earlier.surplus_cents),
          },
        );
      }
      const rule = await surplusRule(trx);
      const share = rules.surplusShare(input.surplusCents, rule.shareBasisPoints);
      let obligationId: string | null = null;
      if (share > 0) {
        obligationId = newId();
        const reference = rules.referenceCode(String(input.year), obligationId, 'S');
        const posted = await bookShare(trx, coop, input.year, share, reference, actor.personId, key, {
          coopId,
          ...input,
        });
        await obligationsRepo.insertObligation(trx, {
          id: obligationId,
          coop_id: coopId,
          period: String(input.year),
          kind: 'surplus_share',
          amount_cents: share,
          reference,
          due_date: rules.surplusDueDate(input.closedOn, rule.dueDays),
          movement_id: posted.movementId,
          created_by: actor.personId,
          created_at: nowIso(),
        });
      }
      const row: FundSurplusDeclarationTable = {
        id: newId(),
        coop_id: coopId,
        year: input.year,
        closed_on: input.closedOn,
        surplus_cents: input.surplusCents,
        share_basis_points: rule.shareBasisPoints,
        obligation_id: obligationId,
        declared_by: actor.personId,
        declared_at: nowIso(),
        corrected_by: null,
        corrected_at: null,
      };
      await repo.insertDeclaration(trx, row);
      await recordAudit(trx, {
        actorId: actor.personId,
        action: 'fund.surplus_declared',
        subjectType: 'coop',
        subjectId: coopId,
        after: { year: input.year, closedOn: input.closedOn, surplusCents: input.surplusCents, shareCents: share },
      });
      return { created: true, row };
    });
    return { created: result.created, declaration: await view(db, result.row) };
  }

  async function correct(
    actor: MaybeActor,
    coopId: string,
    year: number,
    input: YearAccounts & { reason: string },
    key: string,
  ) {
    authorize(actor, fundPolicy.correctSurplus(actor));
    checkClosingDay(year, input.closedOn, await deps.network.today());
    const row = await db.transaction().execute(async (trx) => {
      await lockBooks(trx, deps.dialect);
      const coop = await repo.memberCoop(trx, coopId);
      const d = await repo.declaration(trx, coopId, year);
      if (!coop || !d) throw notFound('declaration');
      // The same figures again (or a retry): nothing to correct.
      if (d.closed_on === input.closedOn && Number(d.surplus_cents) === input.surplusCents) return d;
      const share = rules.surplusShare(input.surplusCents, d.share_basis_points);
      const o = d.obligation_id ? await obligationsRepo.obligationById(trx, d.obligation_id) : undefined;
      const paid = o ? Number(o.paid_cents) : 0;
      if (share < paid)
        throw conflict('fund.less_than_paid', 'The co-op has already paid more than this share.', {
          paidCents: paid,
          shareCents: share,
        });
      // The share stays the one of the year's declaration; the due day follows the bylaws in force.
      const rule = ((await fundRules(trx)).contributions ?? rules.DEFAULT_CONTRIBUTION_RULES).surplus;
      const dueDate = rules.surplusDueDate(input.closedOn, (rule ?? rules.DEFAULT_CONTRIBUTION_RULES.surplus!).dueDays);
      let obligationId = d.obligation_id;
      if (o) {
        // The old share's booking is undone (unless an earlier correction left nothing owed), the new one booked.
        let movementId = o.movement_id;
        if (Number(o.amount_cents) > 0)
          movementId = (
            await reverseIn(
              trx,
              deps,
              {
                movementId: o.movement_id,
                reason: `Correction of the surplus of ${year}: ${input.reason}`,
                decision: null,
              },
              { actorId: actor.personId, key: `${key}:undo` },
            )
          ).movementId;
        if (share > 0)
          movementId = (
            await bookShare(trx, coop, year, share, o.reference, actor.personId, key, { coopId, year, ...input })
          ).movementId;
        await repo.updateObligation(trx, o.id, { amount_cents: share, due_date: dueDate, movement_id: movementId });
      } else if (share > 0) {
        obligationId = newId();
        const reference = rules.referenceCode(String(year), obligationId, 'S');
        const posted = await bookShare(trx, coop, year, share, reference, actor.personId, key, {
          coopId,
          year,
          ...input,
        });
        await obligationsRepo.insertObligation(trx, {
          id: obligationId,
          coop_id: coopId,
          period: String(year),
          kind: 'surplus_share',
          amount_cents: share,
          reference,
          due_date: dueDate,
          movement_id: posted.movementId,
          created_by: actor.personId,
          created_at: nowIso(),
        });
      }
      const set = {
        closed_on: input.closedOn,
        surplus_cents: input.surplusCents,
        share_basis_points: d.share_basis_points,
        obligation_id: obligationId,
        corrected_by: actor.personId,
        corrected_at: nowIso(),
      };
      await repo.updateDeclaration(trx, d.id, set);
      await recordAudit(trx, {
        actorId: actor.personId,
        action: 'fund.surplus_corrected',
        subjectType: 'coop',
        subjectId: coopId,
        before: {
          year,
          closedOn: d.closed_on,
          surplusCents: Number(d.surplus_cents),
          shareCents: o ? Number(o.amount_cents) : 0,
        },
        after: {
          year,
          closedOn: input.closedOn,
          surplusCents: input.surplusCents,
          shareCents: share,
          reason: input.reason,
        },
      });
      return { ...d, ...set };
    });
    return view(db, row);
  }

  async function list(actor: MaybeActor, coopId: string) {
    authorize(actor, fundPolicy.readSurplus(actor, coopId));
    const rows = await repo.declarations(db, coopId);
    return { items: await Promise.all(rows.map((d) => view(db, d))) };
  }

  return { declare, correct, list };
}
