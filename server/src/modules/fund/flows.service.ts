/**
 * Where the fund's money came from and where it went over a year, and each
 * sub-fund's budget for a year against what it actually spent and took in —
 * both for anyone. Budgets are set by treasurers, a new version each time
 * (decision 0022).
 */
import type { BudgetInput, FundBudgets, FundFlows } from '@coopnet/contract/fund';
import { fund as rules } from '@coopnet/domain';
import type { z } from 'zod';
import type { AppDeps } from '../../deps.ts';
import type { MaybeActor } from '../../platform/auth/actor.ts';
import { authorize } from '../../platform/auth/authorize.ts';
import { recordAudit } from '../../platform/audit/audit.repository.ts';
import { newId, nowIso } from '../../platform/clock.ts';
import { badRequest, conflict } from '../../platform/errors.ts';
import { fundPolicy } from './fund.policy.ts';
import * as repo from './flows.repository.ts';
import { accounts, subFunds } from './ledger.repository.ts';

/** The sub-fund a loan's payout moves money into: money in co-ops' hands, not a pot to spend from. */
export const LENT_OUT = 'loans';

const kindOf = (kind: string): rules.FlowRow['kind'] =>
  kind === 'opening' ? 'opening' : kind === 'loan' || kind === 'repayment' ? 'lending' : 'other';

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

export function flowsService(deps: AppDeps) {
  const { db } = deps;

  async function yearsWithFigures(thisYear: number): Promise<number[]> {
    const first = await repo.firstMonth(db);
    const from = first ? Math.min(Number(first.slice(0, 4)), thisYear) : thisYear;
    return range(from, thisYear);
  }

  /** The year's flows, read from the kept month figures and the sub-funds' equity lines. */
  async function computed(year: number) {
    const [funds, chart, sums, equity, before] = await Promise.all([
      subFunds(db),
      accounts(db),
      repo.periodSums(db, `${year}-01`, `${year}-12`),
      repo.equitySums(db, `${year}-01-01`, `${year}-12-31`),
      repo.heldBefore(db, `${year}-01`),
    ]);
    const shown = funds.filter((f) => f.code !== LENT_OUT);
    const flows = rules.fundFlows({
      subFunds: shown.map((f) => f.code),
      lentOut: LENT_OUT,
      broughtForward: before,
      rows: [
        ...sums.map((s) => ({ ...s, kind: 'other' as const })),
        ...equity.map((e) => ({ ...e, account: 'equity:funds', kind: kindOf(e.kind) })),
      ],
    });
    return { flows, shown, chart };
  }

  async function flows(year: number | undefined): Promise<FundFlows> {
    const thisYear = Number((await deps.network.today()).slice(0, 4));
    const y = year ?? thisYear;
    const [{ flows: f, shown, chart }, years, network] = await Promise.all([
      computed(y),
      yearsWithFigures(thisYear),
      deps.network.get(),
    ]);
    const namesOf = new Map(chart.map((a) => [a.code, { en: a.name_en, es: a.name_es }]));
    const fundNames = new Map(shown.map((s) => [s.code, { en: s.name_en, es: s.name_es }]));
    return {
      year: y,
      years,
      currency: network.currency,
      subFunds: f.subFunds.map((s) => ({ ...s, names: fundNames.get(s.code)! })),
      sources: f.sources.map((s) => ({ ...s, names: namesOf.get(s.source) ?? null })),
      uses: f.uses.map((u) => ({ ...u, names: namesOf.get(u.use) ?? null })),
      lending: f.lending,
    };
  }

  async function budgets(actor: MaybeActor, year: number | undefined): Promise<FundBudgets> {
    const thisYear = Number((await deps.network.today()).slice(0, 4));
    const y = year ?? thisYear;
    const [{ flows: f, shown }, years, budgetYears, versions, network] = await Promise.all([
      computed(y),
      yearsWithFigures(thisYear),
      repo.budgetYears(db),
      repo.budgetsOf(db, y),
      deps.network.get(),
    ]);
    const named = fundPolicy.readMovements(actor);
    return {
      year: y,
      // Next year too: a budget is set before its year begins.
      years: [...new Set([...years, ...budgetYears, thisYear + 1])].sort((a, b) => a - b),
      currency: network.currency,
      subFunds: shown.map((s) => {
        const history = versions.filter((v) => v.sub_fund === s.code);
        const latest = history[0];
        const line = rules.budgetLine(
          latest
            ? {
                spendCents: Number(latest.spend_cents),
                receiveCents: latest.receive_cents === null ? null : Number(latest.receive_cents),
              }
            : null,
          rules.actualOf(f, s.code),
        );
        return {
          code: s.code,
          names: { en: s.name_en, es: s.name_es },
          ...line,
          history: history.map((v) => ({
            spendCents: Number(v.spend_cents),
            receiveCents: v.receive_cents === null ? null : Number(v.receive_cents),
            note: v.note,
            setBy: named ? v.set_by_name : null,
            setAt: v.set_at,
          })),
        };
      }),
      abilities: { setBudget: fundPolicy.setBudget(actor) },
    };
  }

  /** Sets a sub-fund's budget for a year as a new version; the same figures again change nothing (a retry). */
  async function setBudget(
    actor: MaybeActor,
    year: number,
    subFund: string,
    input: z.output<typeof BudgetInput>,
  ): Promise<FundBudgets> {
    authorize(actor, fundPolicy.setBudget(actor));
    const funds = await subFunds(db);
    if (subFund === LENT_OUT || !funds.some((f) => f.code === subFund)) {
      throw badRequest('fund.budget_sub_fund', 'There is no such sub-fund to budget for.', {
        subFunds: funds.filter((f) => f.code !== LENT_OUT).map((f) => f.code),
      });
    }
    await db.transaction().execute(async (trx) => {
      const latest = await repo.latestBudget(trx, year, subFund);
      const same =
        latest &&
        Number(latest.spend_cents) === input.spendCents &&
        (latest.receive_cents === null ? null : Number(latest.receive_cents)) === input.receiveCents &&
        latest.note === input.note;
      if (same) return;
      const row = {
        id: newId(),
        year,
        sub_fund: subFund,
        version: (latest ? Number(latest.version) : 0) + 1,
        spend_cents: input.spendCents,
        receive_cents: input.receiveCents,
        note: input.note,
        set_by: actor.personId,
        set_at: nowIso(),
      };
      if (!(await repo.insertBudget(trx, row)))
        throw conflict('fund.budget_changed', 'Someone changed this budget at the same moment; look at it again.');
      await recordAudit(trx, {
        actorId: actor.personId,
        action: 'fund.budget_set',
        subjectType: 'fund_budget',
        subjectId: `${year}:${subFund}`,
        before: latest
          ? { spendCents: Number(latest.spend_cents), receiveCents: latest.receive_cents, note: latest.note }
          : null,
        after: { spendCents: input.spendCents, receiveCents: input.receiveCents, note: input.note },
      });
    });
    return budgets(actor, year);
  }

  return { flows, budgets, setBudget };
}
