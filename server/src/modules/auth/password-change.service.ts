/**
 * A signed-in person changes their own password, proving it is them with the
 * current one. The session that asks stays signed in; the account's other
 * sessions end, unused reset links die, and a mail tells the account's owner
 * (no secret in it). API tokens are left as they are: the route takes no
 * token, and the person revokes any they no longer trust on the same page.
 */
import type { AppDeps } from '../../deps.ts';
import type { MaybeActor } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit.repository.ts';
import { deleteOtherSessionsOf } from '../../platform/auth/sessions.repository.ts';
import { nowIso } from '../../platform/clock.ts';
import { badRequest, unauthorized } from '../../platform/errors.ts';
import { queueMail } from '../../platform/mail/outbox.repository.ts';
import { mailText } from '../../platform/mail/templates.ts';
import { hashPassword, verifyPassword } from '../../platform/passwords.ts';
import { addressFingerprint } from '../../platform/tokens.ts';
import { findPersonById, replacePassword } from './auth.repository.ts';
import { useAllResetsOf } from './password-resets.repository.ts';

export interface PasswordChangeInput {
  currentPassword: string;
  newPassword: string;
}

/** The session asking, and where from. */
export interface Asker {
  actor: MaybeActor;
  sessionId: string | null;
  ip: string;
}

const wrongPassword = () => badRequest('auth.wrong_password', 'The current password is not right.');

export function passwordChangeService({ db, config, mailer, network: settings }: AppDeps) {
  async function change({ actor, sessionId, ip }: Asker, input: PasswordChangeInput) {
    // The route takes no API token; a session is what proves the person is here.
    if (!actor || actor.via !== 'session' || !sessionId) throw unauthorized();
    const person = await findPersonById(db, actor.personId);
    const stored = person?.password_hash ?? null;
    // Checked even without a stored password, so the answer takes as long either way.
    const proven = await verifyPassword(input.currentPassword, stored);
    if (!person || !stored || !proven) throw wrongPassword();
    if (input.newPassword === input.currentPassword)
      throw badRequest('auth.same_password', 'The new password must differ from the current one.');
    const newHash = await hashPassword(input.newPassword);
    const sessionsEnded = await db.transaction().execute(async (trx) => {
      const now = nowIso();
      // Changed meanwhile (another session, a reset link): the password checked is no longer the current one.
      if (!(await replacePassword(trx, actor.personId, stored, newHash, now))) throw wrongPassword();
      await useAllResetsOf(trx, actor.personId, now);
      const ended = await deleteOtherSessionsOf(trx, actor.personId, sessionId);
      await recordAudit(trx, {
        actorId: actor.personId,
        action: 'person.password_changed',
        subjectType: 'person',
        subjectId: actor.personId,
        coopId: person.coop_id,
        after: { by: 'signed in', sessionsEnded: ended, ipHash: addressFingerprint(config.sessionSecret, ip) },
      });
      const network = await settings.get(trx);
      const mail = mailText(person.locale ?? network.locale, 'passwordChanged', {
        name: person.display_name,
        network: network.name,
        at: now,
        link: `${config.publicUrl}/reset-password`,
      }, network.timeZone);
      await queueMail(trx, { to: person.email, ...mail });
      return ended;
    });
    void mailer.flush().catch(() => {});
    return { ok: true as const, sessionsEnded };
  }

  return { change };
}
