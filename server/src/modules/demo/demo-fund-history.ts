/**
 * A year of the demo fund's life, replayed through the fund's and the
 * reciprocity accounts' own functions, each on the day it happened (the
 * ledger's `asOf`): so the books hold what the services would have left,
 * with their checks, and the hledger journal of the demo balances to the
 * figures the app shows.
 *
 * The story: during a three-month trial the coordinators had the fund
 * reimburse co-ops that gave more than a threshold; the month the trial
 * covered was settled and the fund paid the giver ten days later. (The
 * council then paused reimbursements: see demo-governance.ts.)
 */
import { benefits } from '@coopnet/domain';
import { lastMonths } from '@coopnet/domain/dates';
import type { Tx } from '../../db/database.ts';
import type { AppDeps } from '../../deps.ts';
import { payObligationIn, setPolicyIn, settleMonthIn } from '../reciprocity/index.ts';

export interface HistorySeed {
  dialect: AppDeps['dialect'];
  network: AppDeps['network'];
  now: string;
  treasurerId: string;
  coordinatorId: string;
}

/** The trial's threshold: the fund reimbursed what a co-op gave above this, net, in a month. */
const TRIAL_THRESHOLD_CENTS = 5_000;

const dayOf = (month: string, day: number) => `${month}-${String(day).padStart(2, '0')}`;

export async function seedFundHistory(trx: Tx, seed: HistorySeed): Promise<{ settlements: number }> {
  const tz = (await seed.network.get(trx)).timeZone;
  const thisMonth = benefits.localMonth(new Date(seed.now), tz);
  const [settled, settledIn] = lastMonths(thisMonth, 3) as [string, string, string];
  const at = (day: string) => ({ dialect: seed.dialect, network: seed.network, asOf: day });

  // The trial: the coordinators' setting on the first of the month it covered.
  await setPolicyIn(
    trx,
    { policy: 'fund_reimburses_givers', thresholdCents: TRIAL_THRESHOLD_CENTS },
    seed.coordinatorId,
    `${dayOf(settled, 1)}T08:00:00.000Z`,
  );
  // Settled on the 3rd of the next month; each giver paid on the 13th.
  const owed = await settleMonthIn(
    trx,
    at(dayOf(settledIn, 3)),
    settled,
    { policy: 'fund_reimburses_givers', thresholdCents: TRIAL_THRESHOLD_CENTS, source: 'coordinator', setAt: null },
    seed.coordinatorId,
  );
  for (const o of owed) {
    await payObligationIn(trx, at(dayOf(settledIn, 13)), o, dayOf(settledIn, 13), seed.treasurerId, `demo-settlement-${o}`);
  }
  return { settlements: owed.length };
}
