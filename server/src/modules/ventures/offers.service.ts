/**
 * Members' offers of help to a venture: a skill, or asking to join its
 * founding team. The team (or a coordinator) accepts or declines an open
 * offer — by one conditional update, so two accepting at once accept once
 * and the other is told it was already decided; accepting a request to join
 * puts the person in the team. Who offered may withdraw (leaving the team if
 * they had joined, unless they are its last member).
 */
import type { OfferDecision, OfferInput, Venture } from '@coopnet/contract/ventures';
import { ventures as rules } from '@coopnet/domain';
import type { AppDeps } from '../../deps.ts';
import type { MaybeActor } from '../../platform/auth/actor.ts';
import { authorize } from '../../platform/auth/authorize.ts';
import { recordAudit } from '../../platform/audit/audit.repository.ts';
import { newId, nowIso } from '../../platform/clock.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import { inTeam, isMemberWorker, ventureOrNotFound, viewVenture } from './venture-view.ts';
import { venturesPolicy } from './ventures.policy.ts';
import { managed } from './ventures.service.ts';
import * as repo from './ventures.repository.ts';

const alreadyDecided = () => conflict('ventures.offer_decided', 'This offer was already answered or withdrawn.');

export function offersService({ db }: AppDeps) {
  async function offer(actor: MaybeActor, id: string, input: OfferInput): Promise<Venture> {
    authorize(actor, !!actor);
    await db.transaction().execute(async (trx) => {
      const v = await ventureOrNotFound(trx, id);
      authorize(actor, venturesPolicy.offer(actor, await isMemberWorker(trx, actor), await inTeam(trx, id, actor)));
      if (v.stage === 'member') throw conflict('ventures.member', 'This venture is a member co-op now.');
      if (await repo.openOfferOf(trx, id, actor.personId, input.kind))
        throw conflict('ventures.offer_open', 'You already have an open offer of this kind here.');
      const row = {
        id: newId(),
        venture_id: id,
        person_id: actor.personId,
        kind: input.kind,
        text: input.text,
        status: 'open' as const,
        created_at: nowIso(),
        decided_by: null,
        decided_at: null,
      };
      await repo.insertOffer(trx, row);
      await recordAudit(trx, {
        actorId: actor.personId,
        action: input.kind === 'join' ? 'venture.asked_to_join' : 'venture.skill_offered',
        subjectType: 'venture',
        subjectId: id,
        after: { offerId: row.id, kind: row.kind, text: row.text },
      });
    });
    return viewVenture(db, actor, id);
  }

  async function decide(actor: MaybeActor, id: string, offerId: string, input: OfferDecision): Promise<Venture> {
    authorize(actor, !!actor);
    await db.transaction().execute(async (trx) => {
      const v = await managed(trx, actor, id);
      const o = await repo.offer(trx, id, offerId);
      if (!o) throw notFound('offer');
      const to = rules.offerAfter(o.status, input.decision);
      if (!to) throw alreadyDecided();
      const now = nowIso();
      if (!(await repo.decideOffer(trx, offerId, rules.FROM[input.decision], to, actor.personId, now)))
        throw alreadyDecided();
      if (to === 'accepted' && o.kind === 'join') {
        if ((await repo.countTeam(trx, id)) >= rules.MAX_TEAM)
          throw conflict('ventures.team_full', `A founding team has ${rules.MAX_TEAM} people at most.`);
        if (!(await repo.isInTeam(trx, id, o.person_id)))
          await repo.addToTeam(trx, { venture_id: v.id, person_id: o.person_id, role: o.text, joined_at: now });
      }
      await recordAudit(trx, {
        actorId: actor.personId,
        action: to === 'accepted' ? 'venture.offer_accepted' : 'venture.offer_declined',
        subjectType: 'venture',
        subjectId: id,
        before: { offerId, status: o.status },
        after: { offerId, status: to, kind: o.kind, personId: o.person_id },
      });
    });
    return viewVenture(db, actor, id);
  }

  async function withdraw(actor: MaybeActor, id: string, offerId: string): Promise<Venture> {
    authorize(actor, !!actor);
    await db.transaction().execute(async (trx) => {
      await ventureOrNotFound(trx, id);
      const o = await repo.offer(trx, id, offerId);
      // Someone else's offer is not theirs to see withdrawn.
      if (!o || o.person_id !== actor.personId) throw notFound('offer');
      const to = rules.offerAfter(o.status, 'withdraw');
      if (!to) throw alreadyDecided();
      if (o.kind === 'join' && o.status === 'accepted') {
        if ((await repo.countTeam(trx, id)) <= 1)
          throw conflict('ventures.last_member', 'The last member of a founding team cannot leave it.');
        await repo.leaveTeam(trx, id, actor.personId);
      }
      if (!(await repo.decideOffer(trx, offerId, rules.FROM.withdraw, to, actor.personId, nowIso())))
        throw alreadyDecided();
      await recordAudit(trx, {
        actorId: actor.personId,
        action: 'venture.offer_withdrawn',
        subjectType: 'venture',
        subjectId: id,
        before: { offerId, status: o.status },
        after: { offerId, status: to },
      });
    });
    return viewVenture(db, actor, id);
  }

  return { offer, decide, withdraw };
}
