/**
 * Following news by mail: a signed-in person or a visitor (an e-mail)
 * follows the network's news or a co-op's blog; a new post is mailed to them
 * (members-only posts to members only), each mail with a link that unfollows
 * without signing in. A visitor's follow waits until the address's owner
 * opens the link mailed to it, so no one can sign up someone else's mailbox.
 * The link's token is derived from the follower's id with the server's
 * secret; only its hash is kept. The same secret confirms and unfollows: both
 * are for the address's owner alone.
 */
import type { Post } from '@coopnet/contract/news';
import type { Executor } from '../../db/database.ts';
import type { AppDeps } from '../../deps.ts';
import type { MaybeActor } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit.repository.ts';
import { newId, nowIso } from '../../platform/clock.ts';
import { badRequest, notFound } from '../../platform/errors.ts';
import { SECRET_MASK, queueMail, secretFor } from '../../platform/mail/outbox.repository.ts';
import { hashToken } from '../../platform/tokens.ts';
import { mailText } from '../../platform/mail/templates.ts';
import {
  confirmFollowerByHash,
  deleteFollowerByHash,
  findCoopBySlug,
  followersOf,
  insertFollower,
} from './news.repository.ts';

export function followersService({ db, config, mailer, network }: AppDeps) {
  const tokenOf = (followerId: string) => hashToken(config.sessionSecret, `news-unfollow:${followerId}`);
  const hashOf = (token: string) => hashToken(config.sessionSecret, token);
  const base = config.publicUrl.replace(/\/+$/, '');

  async function scopeOf(coopSlug: string | undefined): Promise<{ scope: string; name: string | null }> {
    if (!coopSlug) return { scope: 'network', name: null };
    const coop = await findCoopBySlug(db, coopSlug);
    if (!coop || coop.status !== 'member') throw notFound('co-op');
    return { scope: coop.id, name: coop.name };
  }

  async function follow(actor: MaybeActor, input: { coop?: string; email?: string }): Promise<{ ok: true }> {
    const email = actor?.email ?? input.email;
    if (!email) throw badRequest('news.email_needed', 'Give the e-mail address to send new posts to.');
    const { scope, name } = await scopeOf(input.coop);
    const id = newId();
    const at = nowIso();
    await db.transaction().execute(async (trx) => {
      const added = await insertFollower(trx, {
        id,
        scope,
        email: email.toLowerCase(),
        person_id: actor?.personId ?? null,
        token_hash: hashOf(tokenOf(id)),
        created_at: at,
        // A signed-in person's address was confirmed when their account was made.
        confirmed_at: actor ? at : null,
      });
      if (!added) return;
      if (!actor) {
        const net = await network.get(trx);
        const mail = mailText(net.locale, 'newsFollowConfirm', {
          from: name ?? net.name,
          network: net.name,
          link: `${base}/news/confirm/${SECRET_MASK}`,
        });
        await queueMail(trx, { to: email, ...mail, secret: secretFor(mailer.delivers, tokenOf(id)) });
      }
      await recordAudit(trx, {
          actorId: actor?.personId ?? null,
          action: 'news.followed',
          subjectType: 'news_follower',
          subjectId: id,
          coopId: scope === 'network' ? null : scope,
        });
    });
    // The same answer whether the address already followed: nobody learns who follows.
    return { ok: true };
  }

  /** The link in the confirmation mail: from now on new posts are mailed. */
  async function confirm(token: string): Promise<{ ok: true }> {
    await db.transaction().execute(async (trx) => {
      const found = await confirmFollowerByHash(trx, hashOf(token), nowIso());
      if (!found) throw notFound('follow');
      if (found.confirmed_at) return;
      await recordAudit(trx, {
        actorId: null,
        action: 'news.follow_confirmed',
        subjectType: 'news_follower',
        subjectId: found.id,
        coopId: found.scope === 'network' ? null : found.scope,
      });
    });
    return { ok: true };
  }

  async function unfollow(token: string): Promise<{ ok: true }> {
    await db.transaction().execute(async (trx) => {
      const gone = await deleteFollowerByHash(trx, hashOf(token));
      if (!gone) throw notFound('follow');
      await recordAudit(trx, {
        actorId: null,
        action: 'news.unfollowed',
        subjectType: 'news_follower',
        subjectId: gone.id,
        coopId: gone.scope === 'network' ? null : gone.scope,
      });
    });
    return { ok: true };
  }

  /** Inside the post's transaction: a mail to each follower who may read it. */
  async function mailFollowers(trx: Executor, post: Post): Promise<void> {
    const followers = await followersOf(trx, post.coopId ?? 'network');
    if (followers.length === 0) return;
    const net = await network.get(trx);
    const mail = mailText(net.locale, 'newsPost', {
      from: post.coopName ?? net.name,
      title: post.title,
      summary: post.summary,
      link: `${base}/news/${post.id}`,
      unfollowLink: `${base}/news/unfollow/${SECRET_MASK}`,
    });
    for (const f of followers) {
      const isMember = f.coop_id !== null || !!f.has_role;
      if (post.visibility === 'members' && !isMember) continue;
      await queueMail(trx, { to: f.email, ...mail, secret: secretFor(mailer.delivers, tokenOf(f.id)) });
    }
  }

  return { follow, confirm, unfollow, mailFollowers };
}
