/**
 * The one way to invite someone: an invitation row, the mail that carries its
 * link, and the audit event, all in the caller's transaction. Used by co-op
 * admins inviting workers and by the admission of a co-op (its contact becomes
 * its first admin).
 */
import type { Tx } from '../../db/database.ts';
import { addMinutes, newId, nowIso } from '../../platform/clock.ts';
import { recordAudit } from '../../platform/audit/audit.repository.ts';
import { queueMail } from '../../platform/mail/outbox.repository.ts';
import { hashToken, newToken } from '../../platform/tokens.ts';
import { mailText } from '../../platform/mail/templates.ts';
import { insertInvitation } from './invitations.repository.ts';

export const INVITATION_DAYS = 14;

export interface InviteInput {
  email: string;
  displayName: string;
  coopId: string | null;
  coopName: string | null;
  role: 'worker' | 'coop_admin' | 'coordinator';
  invitedBy: string | null;
  networkName: string;
  locale: string;
}

export async function invite(
  trx: Tx,
  ctx: { secret: string; publicUrl: string },
  input: InviteInput,
): Promise<{ id: string; link: string }> {
  const token = newToken();
  const now = nowIso();
  const id = newId();
  await insertInvitation(trx, {
    id,
    token_hash: hashToken(ctx.secret, token),
    email: input.email,
    display_name: input.displayName,
    coop_id: input.coopId,
    role: input.role,
    created_by: input.invitedBy,
    created_at: now,
    expires_at: addMinutes(now, INVITATION_DAYS * 24 * 60),
    accepted_at: null,
    person_id: null,
  });
  const link = `${ctx.publicUrl}/invitations/${token}`;
  const mail = mailText(input.locale, 'invitation', {
    name: input.displayName,
    network: input.networkName,
    coop: input.coopName ?? input.networkName,
    role: input.role,
    link,
    days: INVITATION_DAYS,
  });
  await queueMail(trx, { to: input.email, ...mail });
  await recordAudit(trx, {
    actorId: input.invitedBy,
    action: 'invitation.created',
    subjectType: 'invitation',
    subjectId: id,
    coopId: input.coopId,
    after: { email: input.email, role: input.role },
  });
  return { id, link };
}
