/** Signing in and out, and what the session tells the web app. */
import type { FastifyReply } from 'fastify';
import type { AppDeps } from '../../deps.ts';
import type { MaybeActor } from '../../platform/auth/actor.ts';
import { SESSION_COOKIE, SESSION_MINUTES } from '../../platform/auth/authenticate.ts';
import { deleteSession, insertSession } from '../../platform/auth/sessions.repository.ts';
import { addMinutes, newId, nowIso } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import { verifyPassword } from '../../platform/passwords.ts';
import { hashToken, newToken } from '../../platform/tokens.ts';
import { abilitiesOf } from './auth.policy.ts';
import { findActiveByEmail } from './auth.repository.ts';
import { presentSelf } from '../people/index.ts';
import type { Executor } from '../../db/database.ts';

export function sessionService({ db, config }: AppDeps) {
  /** Opens a session for a person and sets its cookie; used by login, signup and invitations. */
  async function open(ex: Executor, personId: string, reply: FastifyReply) {
    const token = newToken();
    const csrfToken = newToken();
    const now = nowIso();
    await insertSession(ex, {
      id: newId(),
      token_hash: hashToken(config.sessionSecret, token),
      person_id: personId,
      csrf_token: csrfToken,
      created_at: now,
      expires_at: addMinutes(now, SESSION_MINUTES),
    });
    reply.setCookie(SESSION_COOKIE, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: config.publicUrl.startsWith('https:'),
      maxAge: SESSION_MINUTES * 60,
    });
    return { person: await presentSelf(ex, personId), csrfToken };
  }

  async function login(email: string, password: string, reply: FastifyReply) {
    const person = await findActiveByEmail(db, email);
    const ok = await verifyPassword(password, person?.password_hash ?? null);
    if (!person || !ok) throw new AppError(401, 'auth.bad_credentials', 'Wrong e-mail or password.');
    return open(db, person.id, reply);
  }

  async function logout(sessionId: string | null, reply: FastifyReply) {
    if (sessionId) await deleteSession(db, sessionId);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true as const };
  }

  async function current(actor: MaybeActor, csrfToken: string | null) {
    return {
      person: actor ? await presentSelf(db, actor.personId, actor.roles) : null,
      csrfToken: actor ? csrfToken : null,
      abilities: abilitiesOf(actor),
    };
  }

  return { open, login, logout, current };
}
