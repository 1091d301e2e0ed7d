/**
 * Reading the reciprocity accounts: a month's matrix of who gave how much to
 * whose workers, each co-op's position, the last twelve months' totals and
 * the month as CSV. Months are calendar months in the network's time zone,
 * as each redemption's `month` was recorded.
 */
import type { Matrix } from '@coopnet/contract/reciprocity';
import type { Executor } from '../../db/database.ts';
import type { AppDeps } from '../../deps.ts';
import type { Actor, MaybeActor } from '../../platform/auth/actor.ts';
import { AppError, unauthorized } from '../../platform/errors.ts';
import type { NetworkSettingsReader } from '../../platform/network/settings.ts';
import { buildMatrix, monthsUpTo } from './matrix.ts';
import { matrixCsv } from './reciprocity.csv.ts';
import { reciprocityPolicy } from './reciprocity.policy.ts';
import * as repo from './reciprocity.repository.ts';

/** A supporter sees what they saved, not the co-ops' accounts. */
export function authorizeRead(actor: MaybeActor): asserts actor is Actor {
  if (!actor) throw unauthorized();
  if (!reciprocityPolicy.read(actor)) throw new AppError(403, 'reciprocity.members_only', 'The reciprocity accounts are open to the workers of the member co-ops.');
}

export async function matrixOf(ex: Executor, settings: NetworkSettingsReader, month: string): Promise<Matrix> {
  const network = await settings.get(ex);
  const cells = await repo.cellsOf(ex, month);
  const named = [...new Set(cells.flatMap((c) => [c.giverCoopId, c.receiverCoopId]).filter((id): id is string => !!id))];
  const coops = await repo.coopsFor(ex, named);
  return buildMatrix(month, network.currency, coops, cells, network.locale);
}

export function reciprocityService({ db, network }: AppDeps) {
  async function matrix(actor: MaybeActor, month?: string): Promise<Matrix> {
    authorizeRead(actor);
    return matrixOf(db, network, month ?? (await network.month()));
  }

  async function months(actor: MaybeActor) {
    authorizeRead(actor);
    const list = monthsUpTo(await network.month(), 12);
    const found = new Map((await repo.totalsByMonth(db, list)).map((r) => [r.month, r]));
    return { items: list.map((month) => ({ month, count: found.get(month)?.count ?? 0, cents: found.get(month)?.cents ?? 0 })) };
  }

  async function csv(actor: MaybeActor, month?: string): Promise<{ filename: string; text: string }> {
    const m = await matrix(actor, month);
    return { filename: `reciprocity-${m.month}.csv`, text: matrixCsv(m) };
  }

  return { matrix, months, csv };
}
