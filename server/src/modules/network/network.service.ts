/** Reading and changing the network's settings. */
import type { NetworkPatch } from '@coopnet/contract/network';
import type { AppDeps } from '../../deps.ts';
import type { MaybeActor } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit.repository.ts';
import { nowIso } from '../../platform/clock.ts';
import { authorize } from '../../platform/auth/authorize.ts';
import { networkPolicy } from './network.policy.ts';
import { figures, getNetwork, updateNetwork } from './network.repository.ts';

export function networkService({ db, config, network }: AppDeps) {
  async function view() {
    const [n, f] = await Promise.all([getNetwork(db), figures(db)]);
    return {
      name: n.name,
      currency: n.currency,
      locale: n.locale,
      timeZone: n.time_zone,
      logoUrl: n.logo_url,
      description: n.description,
      mapTileUrl: config.mapTileUrl,
      figures: f,
    };
  }

  async function update(actor: MaybeActor, patch: NetworkPatch) {
    authorize(actor, networkPolicy.update(actor));
    await db.transaction().execute(async (trx) => {
      const before = await getNetwork(trx);
      const changes = {
        ...(patch.name !== undefined && { name: patch.name }),
        ...(patch.currency !== undefined && { currency: patch.currency }),
        ...(patch.locale !== undefined && { locale: patch.locale }),
        ...(patch.timeZone !== undefined && { time_zone: patch.timeZone }),
        ...(patch.logoUrl !== undefined && { logo_url: patch.logoUrl }),
        ...(patch.description !== undefined && { description: patch.description }),
      };
      await updateNetwork(trx, before.id, { ...changes, updated_at: nowIso() });
      await recordAudit(trx, { actorId: actor.personId, action: 'network.updated', subjectType: 'network', subjectId: before.id, before, after: changes });
    });
    // Once committed: a read between the change and its commit would keep the old settings.
    network.invalidate();
    return view();
  }

  return { view, update };
}
