/**
 * Forgotten passwords: a single-use link by e-mail, valid for an hour. The
 * request always answers the same, and as fast, whether or not the e-mail has
 * an account: the account's work (the link, the mail, the audit event) is
 * done after the answer. Using the link ends every session and revokes every
 * API token of the account.
 */
import type { AppDeps } from '../../deps.ts';
import { recordAudit } from '../../platform/audit/audit.repository.ts';
import { afterResponse } from '../../platform/after-response.ts';
import { deleteSessionsOf } from '../../platform/auth/sessions.repository.ts';
import { addMinutes, newId, nowIso } from '../../platform/clock.ts';
import { badRequest } from '../../platform/errors.ts';
import { SECRET_MASK, queueMail, secretFor } from '../../platform/mail/outbox.repository.ts';
import { mailText } from '../../platform/mail/templates.ts';
import { hashPassword } from '../../platform/passwords.ts';
import { addressFingerprint, hashToken, newToken } from '../../platform/tokens.ts';
import { revokeAllTokensOf } from './api-tokens.repository.ts';
import { findActiveByEmail, setPassword } from './auth.repository.ts';
import { findUsableReset, insertReset, useAllResetsOf, useReset } from './password-resets.repository.ts';

export const RESET_MINUTES = 60;

const invalidToken = () =>
  badRequest('auth.invalid_token', 'This reset link is not valid any more; ask for a new one.');

/** Who asked: the signed-in person, or nobody known, and a keyed hash of the network address either way. */
export interface Requester {
  personId: string | null;
  ip: string;
}

export function passwordResetService({ db, config, mailer, network: settings }: AppDeps) {
  const ipHash = (ip: string) => addressFingerprint(config.sessionSecret, ip);

  async function send(email: string, by: Requester) {
    const sent = await db.transaction().execute(async (trx) => {
      const person = await findActiveByEmail(trx, email);
      if (!person) return false;
      const token = newToken();
      const now = nowIso();
      const id = newId();
      await insertReset(trx, {
        id,
        token_hash: hashToken(config.sessionSecret, token),
        person_id: person.id,
        created_at: now,
        expires_at: addMinutes(now, RESET_MINUTES),
      });
      const network = await settings.get(trx);
      const mail = mailText(person.locale ?? network.locale, 'passwordReset', {
        name: person.display_name,
        network: network.name,
        link: `${config.publicUrl}/reset-password/${SECRET_MASK}`,
        minutes: RESET_MINUTES,
      });
      await queueMail(trx, { to: person.email, ...mail, secret: secretFor(mailer.delivers, token) });
      // The person the reset is for is the subject, never the actor: whoever asked is named as such.
      await recordAudit(trx, {
        actorId: by.personId,
        action: 'password_reset.requested',
        subjectType: 'person',
        subjectId: person.id,
        coopId: person.coop_id,
        after: { resetId: id, requestedBy: by.personId ?? 'anonymous', ipHash: ipHash(by.ip) },
      });
      return true;
    });
    if (sent) await mailer.flush();
  }

  function request(email: string, by: Requester) {
    afterResponse(
      () => send(email, by),
      (err) => console.error('password reset request failed', err),
    );
    return { ok: true as const };
  }

  async function confirm(token: string, password: string, ip: string) {
    const tokenHash = hashToken(config.sessionSecret, token);
    // Cheap check first, so a wrong link costs no scrypt.
    if (!(await findUsableReset(db, tokenHash, nowIso()))) throw invalidToken();
    const passwordHash = await hashPassword(password);
    return db.transaction().execute(async (trx) => {
      const now = nowIso();
      const reset = await findUsableReset(trx, tokenHash, now);
      if (!reset || !(await useReset(trx, reset.id, now))) throw invalidToken();
      await useAllResetsOf(trx, reset.person_id, now);
      await setPassword(trx, reset.person_id, passwordHash, now);
      // Whoever knew the old password, or holds a token made with it, is shut out.
      const sessionsEnded = await deleteSessionsOf(trx, reset.person_id);
      const tokensRevoked = await revokeAllTokensOf(trx, reset.person_id, now);
      // Whoever held the link did this; the log does not claim it was the account's owner.
      await recordAudit(trx, {
        actorId: null,
        action: 'person.password_reset',
        subjectType: 'person',
        subjectId: reset.person_id,
        after: { resetId: reset.id, by: 'reset link', ipHash: ipHash(ip), sessionsEnded, tokensRevoked },
      });
      return { ok: true as const, sessionsEnded, tokensRevoked };
    });
  }

  return { request, confirm };
}
