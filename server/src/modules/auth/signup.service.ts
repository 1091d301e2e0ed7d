/**
 * Sign-up: anyone may open a community supporter account (no co-op, no
 * roles). Workers do not sign up; they accept an invitation from their co-op.
 *
 * The answer never tells whether the address has an account, and takes as
 * long either way: the work is done after the answer. A new address gets a
 * link to confirm it (the account is made, and its owner signed in, when the
 * link is used); an address that already has an account, or an invitation,
 * gets a mail telling its owner that someone tried.
 */
import type { SignupInput } from '@coopnet/contract/auth';
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import type { AppDeps } from '../../deps.ts';
import { afterResponse } from '../../platform/after-response.ts';
import { recordAudit } from '../../platform/audit/audit.repository.ts';
import { addMinutes, newId, nowIso } from '../../platform/clock.ts';
import { badRequest, conflict } from '../../platform/errors.ts';
import { SECRET_MASK, queueMail, secretFor } from '../../platform/mail/outbox.repository.ts';
import { mailText } from '../../platform/mail/templates.ts';
import { hashPassword } from '../../platform/passwords.ts';
import { hashToken, newToken } from '../../platform/tokens.ts';
import { findByEmail, insertPerson } from './auth.repository.ts';
import { findUsableSignup, insertPendingSignup, useSignup } from './pending-signups.repository.ts';
import { sessionService } from './session.service.ts';

export const SIGNUP_HOURS = 24;

// The same answer whether the e-mail is an active account or a pending invitation.
export const emailTaken = () =>
  conflict('auth.email_taken', 'An account with this e-mail already exists; sign in or reset your password.');

const invalidLink = () =>
  badRequest('auth.invalid_token', 'This confirmation link is not valid any more; sign up again.');

export function signupService(deps: AppDeps) {
  const { db, config, mailer } = deps;
  const sessions = sessionService(deps);

  async function start(input: z.infer<typeof SignupInput>) {
    // Hash whether or not the address is known: the same work either way.
    const passwordHash = await hashPassword(input.password);
    await db.transaction().execute(async (trx) => {
      const network = await deps.network.get(trx);
      const known = await findByEmail(trx, input.email);
      if (known) {
        const mail = mailText(known.locale ?? network.locale, 'signupExisting', {
          name: known.display_name,
          network: network.name,
          link: `${config.publicUrl}/sign-in`,
        });
        await queueMail(trx, { to: known.email, ...mail });
        return;
      }
      const token = newToken();
      const now = nowIso();
      await insertPendingSignup(trx, {
        id: newId(),
        token_hash: hashToken(config.sessionSecret, token),
        email: input.email,
        display_name: input.displayName,
        password_hash: passwordHash,
        created_at: now,
        expires_at: addMinutes(now, SIGNUP_HOURS * 60),
      });
      const mail = mailText(network.locale, 'signupConfirm', {
        name: input.displayName,
        network: network.name,
        link: `${config.publicUrl}/sign-up/${SECRET_MASK}`,
        hours: SIGNUP_HOURS,
      });
      await queueMail(trx, { to: input.email, ...mail, secret: secretFor(mailer.delivers, token) });
    });
    await mailer.flush();
  }

  /** Always the same answer: "we sent a mail to this address". */
  function signup(input: z.infer<typeof SignupInput>) {
    afterResponse(
      () => start(input),
      (err) => console.error('sign-up failed', err),
    );
    return { ok: true as const };
  }

  /** The link from the mail: the account is made and its owner signed in. */
  async function confirm(token: string, reply: FastifyReply) {
    const tokenHash = hashToken(config.sessionSecret, token);
    return db.transaction().execute(async (trx) => {
      const now = nowIso();
      const pending = await findUsableSignup(trx, tokenHash, now);
      if (!pending || !(await useSignup(trx, pending.id, now))) throw invalidLink();
      // The address was taken (invited, or signed up by an earlier link) since the mail was sent.
      if (await findByEmail(trx, pending.email)) throw emailTaken();
      const id = newId();
      const inserted = await insertPerson(trx, {
        id,
        email: pending.email,
        display_name: pending.display_name,
        password_hash: pending.password_hash,
        coop_id: null,
        supporter: 1,
        status: 'active',
        locale: null,
        created_at: now,
        updated_at: now,
        left_at: null,
      });
      if (!inserted) throw emailTaken();
      await recordAudit(trx, {
        actorId: id,
        action: 'person.signed_up',
        subjectType: 'person',
        subjectId: id,
        after: { email: pending.email, displayName: pending.display_name, supporter: true },
      });
      return sessions.open(trx, id, reply);
    });
  }

  return { signup, confirm };
}
