/**
 * A signed-in person's pledges: those made with their account's e-mail
 * address (verified when the account was made, by the link mailed to it),
 * which they may pause, resume or cancel as the mail's private link does.
 * Anyone else's pledge does not exist for them.
 */
import type { MyPledges, Pledge } from '@coopnet/contract/campaigns';
import type { AppDeps } from '../../deps.ts';
import type { MaybeActor } from '../../platform/auth/actor.ts';
import { authorize } from '../../platform/auth/authorize.ts';
import { notFound } from '../../platform/errors.ts';
import { campaignsPolicy } from './campaigns.policy.ts';
import * as repo from './campaigns.repository.ts';
import { type PledgeAction, changePledgeIn, pledgeView } from './pledge-changes.ts';
import { pledgesByEmail } from './supporters.repository.ts';

const sameAddress = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

export function myPledgesService(deps: AppDeps) {
  async function list(actor: MaybeActor): Promise<MyPledges> {
    authorize(actor, campaignsPolicy.ownPledges(actor));
    const rows = await pledgesByEmail(deps.db, actor.email);
    return { items: await Promise.all(rows.map((p) => pledgeView(deps.db, p))) };
  }

  async function change(actor: MaybeActor, id: string, action: PledgeAction): Promise<Pledge> {
    authorize(actor, campaignsPolicy.ownPledges(actor));
    return deps.db.transaction().execute(async (trx) => {
      const p = await repo.pledgeById(trx, id);
      if (!p || !sameAddress(p.email, actor.email)) throw notFound('pledge');
      return changePledgeIn(trx, p, action, actor.personId);
    });
  }

  return { list, change };
}
