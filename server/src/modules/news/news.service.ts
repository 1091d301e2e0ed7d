/**
 * News and blogs: a coordinator posts the network's news, a co-op's admin its
 * blog; visitors read public posts, members also members-only ones. Each post
 * written leaves an audit event in the same transaction.
 */
import type { Post, PostDraft, PostEdit } from '@coopnet/contract/news';
import type { AppDeps } from '../../deps.ts';
import type { MaybeActor } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit.repository.ts';
import { newId, nowIso } from '../../platform/clock.ts';
import { forbidden, notFound, unauthorized } from '../../platform/errors.ts';
import { followersService } from './followers.service.ts';
import { newsPolicy } from './news.policy.ts';
import { type PostRow, findCoopBySlug, findPost, insertPost, listPosts, updatePost } from './news.repository.ts';

const PUBLIC_COOPS = ['member', 'suspended', 'left'];

export const presentPost = (r: PostRow): Post => ({
  id: r.id,
  coopId: r.coop_id,
  coopSlug: r.coop_slug ?? null,
  coopName: r.coop_name ?? null,
  authorName: r.author_name,
  title: r.title,
  summary: r.summary,
  body: r.body,
  visibility: r.visibility,
  publishedAt: r.published_at,
  updatedAt: r.updated_at,
});

export function newsService(deps: AppDeps) {
  const { db } = deps;
  const followers = followersService(deps);
  async function publish(actor: MaybeActor, draft: PostDraft): Promise<Post> {
    if (!actor) throw unauthorized();
    if (!newsPolicy.write(actor, draft.coopId))
      throw forbidden('Only coordinators post the network’s news, and a co-op’s admins its blog.');
    const id = newId();
    const now = nowIso();
    await db.transaction().execute(async (trx) => {
      await insertPost(trx, {
        id,
        coop_id: draft.coopId,
        author_id: actor.personId,
        title: draft.title,
        summary: draft.summary,
        body: draft.body,
        visibility: draft.visibility,
        published_at: now,
        updated_at: now,
      });
      await recordAudit(trx, {
        actorId: actor.personId,
        action: 'news.published',
        subjectType: 'news_post',
        subjectId: id,
        coopId: draft.coopId,
        after: { title: draft.title, visibility: draft.visibility },
      });
      await followers.mailFollowers(trx, presentPost((await findPost(trx, id))!));
    });
    return presentPost((await findPost(db, id))!);
  }

  /** The co-op named by a slug, if anyone may see its blog. */
  async function coopOf(slug: string) {
    const coop = await findCoopBySlug(db, slug);
    if (!coop || !PUBLIC_COOPS.includes(coop.status)) throw notFound('co-op');
    return coop;
  }

  async function list(actor: MaybeActor, coopSlug?: string): Promise<Post[]> {
    const coopId = coopSlug ? (await coopOf(coopSlug)).id : null;
    return (await listPosts(db, coopId, newsPolicy.readMembersOnly(actor))).map(presentPost);
  }

  async function read(actor: MaybeActor, id: string): Promise<Post> {
    const row = await findPost(db, id);
    if (!row || (row.visibility === 'members' && !newsPolicy.readMembersOnly(actor))) throw notFound('post');
    return presentPost(row);
  }

  /** Public posts only: what the feeds carry. */
  async function feedPosts(coopSlug: string | null) {
    const coop = coopSlug ? await coopOf(coopSlug) : null;
    return { coop, posts: (await listPosts(db, coop?.id ?? null, false)).map(presentPost) };
  }

  /** Its writers edit a post; the updated time moves, the published time stays. */
  async function edit(actor: MaybeActor, id: string, changes: PostEdit): Promise<Post> {
    if (!actor) throw unauthorized();
    const before = await findPost(db, id);
    if (!before || (before.visibility === 'members' && !newsPolicy.readMembersOnly(actor))) throw notFound('post');
    if (!newsPolicy.write(actor, before.coop_id)) throw forbidden('Only the post’s writers edit it.');
    await db.transaction().execute(async (trx) => {
      await updatePost(trx, id, changes, nowIso());
      await recordAudit(trx, {
        actorId: actor.personId,
        action: 'news.edited',
        subjectType: 'news_post',
        subjectId: id,
        coopId: before.coop_id,
        before: { title: before.title, visibility: before.visibility },
        after: changes,
      });
    });
    return presentPost((await findPost(db, id))!);
  }

  return { publish, list, read, feedPosts, edit };
}
