/**
 * Following news by mail: a signed-in person or a visitor (an e-mail)
 * follows the network's news or a co-op's blog; a new post is mailed to them
 * (members-only posts to members only), each mail with a link that unfollows
 * without signing in. The link's token is derived from the follower's id with
 * the server's secret; only its hash is kept.
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
import { deleteFollowerByHash, findCoopBySlug, followersOf, insertFollower } from './news.repository.ts';

export function followersService({ db, config, mailer }: AppDeps) {
  const tokenOf = (followerId: string) => hashToken(config.sessionSecret, `news-unfollow:${followerId}`);
  const hashOf = (token: string) => hashToken(config.sessionSecret, token);
  const base = config.publicUrl.replace(/\/+$/, '');

  async function scopeOf(coopSlug: string | undefined): Promise<string> {
    if (!coopSlug) return 'network';
    const coop = await findCoopBySlug(db, coopSlug);
    if (!coop || coop.status !== 'member') throw notFound('co-op');
    return coop.id;
  }

  async function follow(actor: MaybeActor, input: { coop?: string; email?: string }): Promise<{ ok: true }> {
    const email = actor?.email ?? input.email;
    if (!email) throw badRequest('news.email_needed', 'Give the e-mail address to send new posts to.');
    const scope = await scopeOf(input.coop);
    const id = newId();
    await db.transaction().execute(async (trx) => {
      const added = await insertFollower(trx, {
        id,
        scope,
        email: email.toLowerCase(),
        person_id: actor?.personId ?? null,
        token_hash: hashOf(tokenOf(id)),
        created_at: nowIso(),
      });
      if (added)
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
    const from = post.coopName ?? 'the network';
    for (const f of followers) {
      const isMember = f.coop_id !== null || !!f.has_role;
      if (post.visibility === 'members' && !isMember) continue;
      await queueMail(trx, {
        to: f.email,
        subject: `News from ${from}: ${post.title}`,
        text: `${post.title}\n\n${post.summary}\n\nRead it: ${base}/news/${post.id}\n\nTo stop these mails: ${base}/news/unfollow/${SECRET_MASK}\n\nLas noticias de ${from}. Para dejar de recibirlas, abre el enlace de arriba.`,
        secret: secretFor(mailer.delivers, tokenOf(f.id)),
      });
    }
  }

  return { follow, unfollow, mailFollowers };
}
