/**
 * Forgotten passwords: a single-use link by e-mail, valid for an hour. The
 * request always answers the same, so it cannot tell anyone which e-mails
 * have accounts.
 */
import type { AppDeps } from '../../deps.ts';
import { recordAudit } from '../../platform/audit/audit.repository.ts';
import { deleteSessionsOf } from '../../platform/auth/sessions.repository.ts';
import { addMinutes, newId, nowIso } from '../../platform/clock.ts';
import { badRequest } from '../../platform/errors.ts';
import { queueMail } from '../../platform/mail/outbox.repository.ts';
import { mailText } from '../../platform/mail/templates.ts';
import { hashPassword } from '../../platform/passwords.ts';
import { hashToken, newToken } from '../../platform/tokens.ts';
import { getNetwork } from '../network/network.repository.ts';
import { findActiveByEmail, setPassword } from './auth.repository.ts';
import { findUsableReset, insertReset, useAllResetsOf, useReset } from './password-resets.repository.ts';

export const RESET_MINUTES = 60;

const invalidToken = () =>
  badRequest('auth.invalid_token', 'This reset link is not valid any more; ask for a new one.');

export function passwordResetService({ db, config, mailer }: AppDeps) {
  async function request(email: string) {
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
      const network = await getNetwork(trx);
      const mail = mailText(person.locale ?? network.locale, 'passwordReset', {
        name: person.display_name,
        network: network.name,
        link: `${config.publicUrl}/reset-password/${token}`,
        minutes: RESET_MINUTES,
      });
      await queueMail(trx, { to: person.email, ...mail });
      await recordAudit(trx, {
        actorId: null,
        action: 'password_reset.requested',
        subjectType: 'person',
        subjectId: person.id,
        coopId: person.coop_id,
      });
      return true;
    });
    // Not awaited: waiting for SMTP would make the answer slower for real accounts only.
    if (sent) void mailer.flush().catch(() => {});
    return { ok: true as const };
  }

  async function confirm(token: string, password: string) {
    const tokenHash = hashToken(config.sessionSecret, token);
    // Cheap check first, so a wrong link costs no scrypt.
    if (!(await findUsableReset(db, tokenHash, nowIso()))) throw invalidToken();
    const passwordHash = await hashPassword(password);
    await db.transaction().execute(async (trx) => {
      const now = nowIso();
      const reset = await findUsableReset(trx, tokenHash, now);
      if (!reset || !(await useReset(trx, reset.id, now))) throw invalidToken();
      await useAllResetsOf(trx, reset.person_id, now);
      await setPassword(trx, reset.person_id, passwordHash, now);
      // Whoever knew the old password is signed out everywhere.
      await deleteSessionsOf(trx, reset.person_id);
      await recordAudit(trx, {
        actorId: reset.person_id,
        action: 'person.password_reset',
        subjectType: 'person',
        subjectId: reset.person_id,
      });
    });
    return { ok: true as const };
  }

  return { request, confirm };
}
