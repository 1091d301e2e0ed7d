/**
 * Handing one's vote on one proposal to another member of its electorate,
 * and taking it back. Only where the rule allows it, only while neither has
 * voted, and only one step: a delegate cannot pass votes on, so every vote
 * has one person answerable for it. When the delegate votes, their ballot
 * weighs their own weight plus the delegated ones.
 */
import type { Tx } from '../../../db/database.ts';
import type { AppDeps } from '../../../deps.ts';
import type { MaybeActor } from '../../../platform/auth/actor.ts';
import { authorize } from '../../../platform/auth/authorize.ts';
import { recordAudit } from '../../../platform/audit/audit.repository.ts';
import { newId, nowIso } from '../../../platform/clock.ts';
import { badRequest, conflict } from '../../../platform/errors.ts';
import * as box from '../ballots/ballots.repository.ts';
import { notInElectorate } from '../ballots/ballots.service.ts';
import { electorateEntry } from '../bodies/electorate.repository.ts';
import { notify } from '../notifications/notifications.ts';
import { loadVisible, showProposal } from './proposal-view.ts';
import { findProposal } from './proposals.repository.ts';
import { storedRule } from './stored.ts';

export function delegationService(deps: AppDeps) {
  const { db, dialect } = deps;

  /** Locks the vote (as casting does) and checks it is open; returns the frozen rule. */
  async function openVote(trx: Tx, id: string) {
    await box.lockBox(trx, dialect, id);
    const p = await findProposal(trx, id);
    if (!p || p.status !== 'voting' || !p.voting_closes_at || p.voting_closes_at <= nowIso()) {
      throw conflict('governance.not_open', 'This proposal is not open for voting.');
    }
    return storedRule(p.rule_json!);
  }

  async function hand(actorIn: MaybeActor, id: string, toPersonId: string) {
    authorize(actorIn, !!actorIn);
    const actor = actorIn;
    const p = await loadVisible(db, actor, id);
    const me = actor.personId;
    await db.transaction().execute(async (trx) => {
      const rule = await openVote(trx, id);
      if (!rule.delegable) throw conflict('governance.not_delegable', 'In this vote, votes cannot be handed to someone else.');
      if (!(await electorateEntry(trx, id, me))) throw notInElectorate();
      if (toPersonId === me) throw badRequest('governance.self_delegation', 'You cannot hand your vote to yourself.');
      if (!(await electorateEntry(trx, id, toPersonId))) {
        throw badRequest('governance.delegate_not_in_electorate', 'You can hand your vote only to someone in the electorate of this vote.');
      }
      if (await box.participationOf(trx, id, me)) throw conflict('governance.already_voted', 'You have already voted.');
      if (await box.participationOf(trx, id, toPersonId)) throw conflict('governance.delegate_voted', 'That person has already voted.');
      if (await box.activeDelegationFrom(trx, id, me)) throw conflict('governance.already_delegated', 'You already handed your vote; take it back first.');
      // One step only: no chains, so a delegate answers for the votes they carry.
      if ((await box.activeDelegationFrom(trx, id, toPersonId)) || (await box.activeDelegationsTo(trx, id, me)).length > 0) {
        throw conflict('governance.delegation_chain', 'A vote can be handed on only once: neither of you may be passing on votes handed to you or your own.');
      }
      const now = nowIso();
      await box.insertDelegation(trx, { id: newId(), proposal_id: id, from_person_id: me, to_person_id: toPersonId, created_at: now, revoked_at: null });
      await notify(trx, deps, { personIds: [toPersonId], kind: 'vote.delegated_to_you', subjectId: id, data: { title: p.title, from: actor.displayName } });
      await recordAudit(trx, { actorId: me, action: 'delegation.created', subjectType: 'proposal', subjectId: id, after: { toPersonId } });
    });
    return showProposal(db, actor, id);
  }

  async function takeBack(actorIn: MaybeActor, id: string) {
    authorize(actorIn, !!actorIn);
    const actor = actorIn;
    const p = await loadVisible(db, actor, id);
    const me = actor.personId;
    await db.transaction().execute(async (trx) => {
      await openVote(trx, id);
      const delegation = await box.activeDelegationFrom(trx, id, me);
      if (!delegation) throw conflict('governance.no_delegation', 'You have not handed your vote to anyone.');
      if (await box.participationOf(trx, id, delegation.to_person_id)) {
        throw conflict('governance.delegate_voted', 'Your delegate has already voted with your vote.');
      }
      await box.revokeDelegation(trx, delegation.id, nowIso());
      await notify(trx, deps, { personIds: [delegation.to_person_id], kind: 'vote.delegation_taken_back', subjectId: id, data: { title: p.title, from: actor.displayName } });
      await recordAudit(trx, { actorId: me, action: 'delegation.revoked', subjectType: 'proposal', subjectId: id, before: { toPersonId: delegation.to_person_id } });
    });
    return showProposal(db, actor, id);
  }

  return { hand, takeBack };
}
