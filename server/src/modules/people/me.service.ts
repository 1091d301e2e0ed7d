/**
 * Oneself: the profile shown by GET /me, the few things a person changes
 * about themselves, and leaving the network. Leaving keeps the person's
 * history (their row, the audit log, their co-op's records); it ends their
 * sessions, tokens and roles, and, for a worker, their card.
 */
import type { MePatch } from '@coopnet/contract/people';
import type { AppDeps } from '../../deps.ts';
import type { MaybeActor } from '../../platform/auth/actor.ts';
import { authorize } from '../../platform/auth/authorize.ts';
import { rolesOf } from '../../platform/auth/sessions.repository.ts';
import { recordAudit } from '../../platform/audit/audit.repository.ts';
import { nowIso } from '../../platform/clock.ts';
import { findCoop, presentCoops } from '../coops/index.ts';
import { peoplePolicy } from './people.policy.ts';
import { presentSelf } from './self.ts';
import { recordLeaving } from './people.service.ts';
import * as repo from './people.repository.ts';

const isLocale = (l: string | null): l is 'en' | 'es' => l === 'en' || l === 'es';

export function meService(deps: AppDeps) {
  const { db } = deps;

  async function me(actor: MaybeActor) {
    authorize(actor, peoplePolicy.manageSelf(actor));
    const person = (await repo.findPerson(db, actor.personId))!;
    const coop = person.coop_id ? await findCoop(db, person.coop_id) : undefined;
    return {
      // The same person the session shows, with the roles this request may use.
      person: await presentSelf(db, actor.personId, actor.roles),
      locale: isLocale(person.locale) ? person.locale : null,
      coop: coop ? (await presentCoops(db, [coop]))[0]! : null,
    };
  }

  async function update(actor: MaybeActor, patch: MePatch) {
    authorize(actor, peoplePolicy.manageSelf(actor));
    await db.transaction().execute(async (trx) => {
      const before = (await repo.findPerson(trx, actor.personId))!;
      const changes = {
        ...(patch.displayName !== undefined &&
          patch.displayName !== before.display_name && { display_name: patch.displayName }),
        ...(patch.locale !== undefined && patch.locale !== before.locale && { locale: patch.locale }),
      };
      if (Object.keys(changes).length === 0) return;
      await repo.updatePerson(trx, actor.personId, { ...changes, updated_at: nowIso() });
      await recordAudit(trx, {
        actorId: actor.personId,
        action: 'person.updated',
        subjectType: 'person',
        subjectId: actor.personId,
        coopId: before.coop_id,
        before: { displayName: before.display_name, locale: before.locale },
        after: changes,
      });
    });
    return me(actor);
  }

  async function leave(actor: MaybeActor) {
    authorize(actor, peoplePolicy.leave(actor));
    await db.transaction().execute(async (trx) => {
      const person = (await repo.findPerson(trx, actor.personId))!;
      const roles = await rolesOf(trx, person.id);
      const at = nowIso();
      await repo.updatePerson(trx, person.id, { status: 'left', left_at: at, updated_at: at });
      await repo.deleteAllRoles(trx, person.id);
      await recordLeaving(trx, { person, coopId: person.coop_id, actorId: person.id, reason: 'left', roles, at });
    });
    return { ok: true as const };
  }

  return { me, update, leave };
}
