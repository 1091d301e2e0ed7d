/**
 * Reading the reciprocity accounts: a month's matrix of who gave how much to
 * whose workers, each co-op's position, the last twelve months' totals and
 * the month as CSV. Months are calendar months in the network's time zone,
 * as each redemption's `month` was recorded.
 */
import type { Matrix } from '@coopnet/contract/reciprocity';
import { benefits } from '@coopnet/domain';
import type { Executor } from '../../db/database.ts';
import type { AppDeps } from '../../deps.ts';
import type { Actor, MaybeActor } from '../../platform/auth/actor.ts';
import { AppError, unauthorized } from '../../platform/errors.ts';
import { getNetwork } from '../network/network.repository.ts';
import { buildMatrix, monthsUpTo } from './matrix.ts';
import { matrixCsv } from './reciprocity.csv.ts';
import { reciprocityPolicy } from './reciprocity.policy.ts';
import * as repo from './reciprocity.repository.ts';

/** A supporter sees what they saved, not the co-ops' accounts. */
export function authorizeRead(actor: MaybeActor): asserts actor is Actor {
  if (!actor) throw unauthorized();
  if (!reciprocityPolicy.read(actor)) throw new AppError(403, 'reciprocity.members_only', 'The reciprocity accounts are open to the workers of the member co-ops.');
}

/** The month in the network's time zone now. */
export async function currentMonth(ex: Executor, now = new Date()): Promise<string> {
  const network = await getNetwork(ex);
  return benefits.localMonth(now, network.time_zone);
}

export async function matrixOf(ex: Executor, month: string): Promise<Matrix> {
  const network = await getNetwork(ex);
  const cells = await repo.cellsOf(ex, month);
  const named = [...new Set(cells.flatMap((c) => [c.giverCoopId, c.receiverCoopId]).filter((id): id is string => !!id))];
  const coops = await repo.coopsFor(ex, named);
  return buildMatrix(month, network.currency, coops, cells, network.locale);
}

export function reciprocityService({ db }: AppDeps) {
  async function matrix(actor: MaybeActor, month?: string): Promise<Matrix> {
    authorizeRead(actor);
    return matrixOf(db, month ?? (await currentMonth(db)));
  }

  async function months(actor: MaybeActor) {
    authorizeRead(actor);
    const list = monthsUpTo(await currentMonth(db), 12);
    const found = new Map((await repo.totalsByMonth(db, list)).map((r) => [r.month, r]));
    return { items: list.map((month) => ({ month, count: found.get(month)?.count ?? 0, cents: found.get(month)?.cents ?? 0 })) };
  }

  async function csv(actor: MaybeActor, month?: string): Promise<{ filename: string; text: string }> {
    const m = await matrix(actor, month);
    return { filename: `reciprocity-${m.month}.csv`, text: matrixCsv(m) };
  }

  return { matrix, months, csv };
}
