/**
 * Amendments: during the discussion any member of the deciding body may
 * propose a new text; the author accepts it (the proposal's text becomes the
 * amendment's) or declines it. Both are kept, with their outcome.
 */
import type { AppDeps } from '../../../deps.ts';
import type { MaybeActor } from '../../../platform/auth/actor.ts';
import { authorize, requireActor } from '../../../platform/auth/authorize.ts';
import { recordAudit } from '../../../platform/audit/audit.repository.ts';
import { newId, nowIso } from '../../../platform/clock.ts';
import { conflict, notFound } from '../../../platform/errors.ts';
import { loadVisible, showProposal, standingOf } from './proposal-view.ts';
import { proposalPolicy } from './proposals.policy.ts';
import { decideAmendment, findAmendment, insertAmendment, updateProposalFrom } from './proposals.repository.ts';

export function amendmentsService({ db }: AppDeps) {
  async function propose(actorIn: MaybeActor, id: string, text: string) {
    requireActor(actorIn);
    const p = await loadVisible(db, actorIn, id);
    const standing = await standingOf(db, actorIn, p, nowIso());
    authorize(actorIn, !!actorIn && standing.bodyMember);
    const actor = actorIn;
    if (!proposalPolicy.amend(actor, p, standing)) throw conflict('governance.not_in_discussion', 'Amendments are made while the proposal is discussed.', { status: p.status });
    const amendmentId = newId();
    await db.transaction().execute(async (trx) => {
      await insertAmendment(trx, { id: amendmentId, proposal_id: p.id, author_id: actor.personId, body_text: text, status: 'open', created_at: nowIso(), decided_at: null });
      await recordAudit(trx, { actorId: actor.personId, action: 'amendment.proposed', subjectType: 'proposal', subjectId: p.id, after: { amendmentId, text } });
    });
    return showProposal(db, actor, id);
  }

  async function decide(actorIn: MaybeActor, id: string, amendmentId: string, decision: 'accepted' | 'declined') {
    requireActor(actorIn);
    const p = await loadVisible(db, actorIn, id);
    authorize(actorIn, !!actorIn && actorIn.personId === p.author_id);
    const actor = actorIn;
    const amendment = await findAmendment(db, amendmentId);
    if (!amendment || amendment.proposal_id !== p.id) throw notFound('amendment');
    if (!proposalPolicy.decideAmendment(actor, p)) throw conflict('governance.not_in_discussion', 'Amendments are decided while the proposal is discussed.', { status: p.status });
    const now = nowIso();
    await db.transaction().execute(async (trx) => {
      if (!(await decideAmendment(trx, amendmentId, decision, now))) throw conflict('governance.amendment_decided', 'This amendment was already decided.');
      if (decision === 'accepted' && !(await updateProposalFrom(trx, p.id, ['discussion'], { body_text: amendment.body_text, updated_at: now }))) {
        throw conflict('governance.not_in_discussion', 'The proposal is no longer in discussion.');
      }
      await recordAudit(trx, {
        actorId: actor.personId,
        action: `amendment.${decision}`,
        subjectType: 'proposal',
        subjectId: p.id,
        before: decision === 'accepted' ? { text: p.body_text } : undefined,
        after: { amendmentId, ...(decision === 'accepted' && { text: amendment.body_text }) },
      });
    });
    return showProposal(db, actor, id);
  }

  return { propose, decide };
}
