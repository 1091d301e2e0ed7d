/** The discussion of a proposal: comments, threaded by the comment they answer. */
import type { AppDeps } from '../../../deps.ts';
import type { MaybeActor } from '../../../platform/auth/actor.ts';
import { authorize, requireActor } from '../../../platform/auth/authorize.ts';
import { recordAudit } from '../../../platform/audit/audit.repository.ts';
import { newId, nowIso } from '../../../platform/clock.ts';
import { badRequest, conflict } from '../../../platform/errors.ts';
import { loadVisible, standingOf } from './proposal-view.ts';
import { proposalPolicy } from './proposals.policy.ts';
import { findComment, insertComment, listComments } from './proposals.repository.ts';

const presentComment = (c: { id: string; parent_id: string | null; author_name: string; body_text: string; created_at: string }) => ({
  id: c.id,
  parentId: c.parent_id,
  authorName: c.author_name,
  text: c.body_text,
  createdAt: c.created_at,
});

export function commentsService({ db }: AppDeps) {
  async function list(actor: MaybeActor, id: string, page: { limit: number; offset: number }) {
    const p = await loadVisible(db, actor, id);
    const { rows, total } = await listComments(db, p.id, page);
    return { items: rows.map(presentComment), total, limit: page.limit, offset: page.offset };
  }

  async function add(actorIn: MaybeActor, id: string, input: { text: string; parentId?: string }) {
    requireActor(actorIn);
    const p = await loadVisible(db, actorIn, id);
    const standing = await standingOf(db, actorIn, p, nowIso());
    authorize(actorIn, proposalPolicy.talk(actorIn, standing));
    const actor = actorIn;
    if (!proposalPolicy.comment(actor, p, standing)) throw conflict('governance.closed_for_comments', 'The discussion of this proposal is over.');
    if (input.parentId) {
      const parent = await findComment(db, input.parentId);
      if (!parent || parent.proposal_id !== p.id) throw badRequest('governance.bad_parent', 'The comment answered is not a comment on this proposal.');
    }
    const comment = { id: newId(), proposal_id: p.id, parent_id: input.parentId ?? null, author_id: actor.personId, body_text: input.text, created_at: nowIso() };
    await db.transaction().execute(async (trx) => {
      await insertComment(trx, comment);
      await recordAudit(trx, { actorId: actor.personId, action: 'proposal.commented', subjectType: 'proposal', subjectId: p.id, after: { commentId: comment.id, parentId: comment.parent_id } });
    });
    return presentComment({ ...comment, author_name: actor.displayName });
  }

  return { list, add };
}
