/** What a member saved with their card: this month and this year in the network's time zone, and their latest redemptions. */
import type { MySavings } from '@coopnet/contract/till';
import type { AppDeps } from '../../deps.ts';
import type { MaybeActor } from '../../platform/auth/actor.ts';
import { authorize } from '../../platform/auth/authorize.ts';
import { localMonth } from '../../platform/network/calendar.ts';
import { tillPolicy } from './till.policy.ts';
import { presentRedemption } from './till.presenter.ts';
import * as repo from './till.repository.ts';

const RECENT = 50;

export function savingsService({ db, network }: AppDeps) {
  async function mine(actor: MaybeActor): Promise<MySavings> {
    authorize(actor, tillPolicy.ownSavings(actor));
    const net = await network.get();
    const month = localMonth(new Date(), net.timeZone);
    const [totals, recent] = await Promise.all([repo.savingsOf(db, actor.personId, month), repo.latestOf(db, actor.personId, RECENT)]);
    return { currency: net.currency, ...totals, recent: recent.map(presentRedemption) };
  }

  return { mine };
}
