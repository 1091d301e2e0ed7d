/**
 * A co-op's account with the fund, read from the ledger: every movement
 * naming the co-op, what it changed of what the co-op owes the fund, and
 * what the fund gave it (domain/src/fund/coop-account.ts). The co-op's
 * business: its workers, treasurers and coordinators read it.
 */
import type { CoopAccount } from '@coopnet/contract/fund';
import { fund as rules } from '@coopnet/domain';
import type { AppDeps } from '../../deps.ts';
import type { MaybeActor } from '../../platform/auth/actor.ts';
import { authorize } from '../../platform/auth/authorize.ts';
import { notFound } from '../../platform/errors.ts';
import { coopStatus } from './applications.repository.ts';
import { fundPolicy } from './fund.policy.ts';
import { coopEntries } from './ledger.repository.ts';

/** The most movements' lines read for one co-op: years of a busy co-op's dues, payments and loans. */
const MAX_LINES = 5_000;

export function coopAccountService({ db, network }: AppDeps) {
  async function account(actor: MaybeActor, coopId: string): Promise<CoopAccount> {
    authorize(actor, !!actor);
    // Another co-op's account is not there, as far as the reader can tell.
    if (!fundPolicy.readCoopAccount(actor, coopId)) throw notFound('coop');
    const [coop, entries, settings] = await Promise.all([
      coopStatus(db, coopId),
      coopEntries(db, coopId, MAX_LINES + 1),
      network.get(),
    ]);
    if (!coop) throw notFound('coop');
    const truncated = entries.length > MAX_LINES;
    const rows = rules.coopAccount(
      entries.slice(0, MAX_LINES).map((e) => ({
        movementId: e.movement_id,
        seq: Number(e.seq),
        date: e.date,
        kind: e.kind,
        reason: e.reason,
        account: e.account_code,
        cents: Number(e.cents),
      })),
    );
    return {
      coopId,
      coopName: coop.name,
      currency: settings.currency,
      balanceCents: rows.at(-1)?.balanceCents ?? 0,
      givenCents: rows.reduce((sum, r) => sum + r.givenCents, 0),
      rows: rows.map((r) => ({ ...r, kind: r.kind as CoopAccount['rows'][number]['kind'] })),
      truncated,
    };
  }
  return { account };
}
