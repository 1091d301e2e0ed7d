/**
 * The one way to invite someone: an invitation row, the mail that carries its
 * link, and the audit event, all in the caller's transaction. Used by co-op
 * admins inviting workers and by the admission of a co-op (its contact becomes
 * its first admin). `inviteMany` does the same for an import, in batches, with
 * one audit event for the whole batch.
 */
import type { Tx } from '../../db/database.ts';
import type { Invitation } from '../../db/schema.ts';
import { addMinutes, newId, nowIso } from '../../platform/clock.ts';
import { recordAudit } from '../../platform/audit/audit.repository.ts';
import {
  type MailMessage,
  SECRET_MASK,
  queueMail,
  queueMails,
  secretFor,
} from '../../platform/mail/outbox.repository.ts';
import { hashToken, newToken } from '../../platform/tokens.ts';
import { mailText } from '../../platform/mail/templates.ts';
import type { FirstAdminInvitation } from '../coops/index.ts';
import { insertInvitation, insertInvitations } from './invitations.repository.ts';

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

interface InviteContext {
  secret: string;
  publicUrl: string;
  /** whether the mailer delivers (SMTP): only then is the link kept until the mail is sent */
  delivers: boolean;
}

/**
 * The row, the link and the mail of one invitation. Only the link's hash is
 * stored; the mail shows it masked and carries the token beside it for SMTP
 * only. The link goes to the invited address and to nobody else: it is
 * never returned to the inviter.
 */
function prepare(
  ctx: InviteContext,
  input: InviteInput,
  now: string,
): { row: Invitation; link: string; mail: MailMessage } {
  const token = newToken();
  const row: Invitation = {
    id: newId(),
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
  };
  const link = `${ctx.publicUrl}/invitations/${token}`;
  const text = mailText(input.locale, 'invitation', {
    name: input.displayName,
    network: input.networkName,
    coop: input.coopName ?? input.networkName,
    role: input.role,
    link: `${ctx.publicUrl}/invitations/${SECRET_MASK}`,
    days: INVITATION_DAYS,
  });
  return { row, link, mail: { to: input.email, ...text, secret: secretFor(ctx.delivers, token) } };
}

/** `link` is for the server's own use (tests); no answer of the API may carry it. */
export async function invite(trx: Tx, ctx: InviteContext, input: InviteInput): Promise<{ id: string; link: string }> {
  const { row, link, mail } = prepare(ctx, input, nowIso());
  await insertInvitation(trx, row);
  await queueMail(trx, mail);
  await recordAudit(trx, {
    actorId: input.invitedBy,
    action: 'invitation.created',
    subjectType: 'invitation',
    subjectId: row.id,
    coopId: input.coopId,
    after: { email: input.email, role: input.role },
  });
  return { id: row.id, link };
}

export interface BatchAudit {
  action: string;
  subjectType: string;
  subjectId: string;
  after: Record<string, unknown>;
}

/**
 * Invites many people with the same co-op, role and inviter: one invitation and
 * one queued mail each, written in batches, and ONE audit event (`audit`)
 * that lists the invited e-mails, so a 5,000-row import stays fast and the
 * log stays readable.
 */
export async function inviteMany(
  trx: Tx,
  ctx: InviteContext,
  common: Omit<InviteInput, 'email' | 'displayName'>,
  people: { email: string; displayName: string }[],
  audit: BatchAudit,
): Promise<{ id: string; email: string; link: string }[]> {
  const now = nowIso();
  const prepared = people.map((p) => prepare(ctx, { ...common, ...p }, now));
  await insertInvitations(
    trx,
    prepared.map((p) => p.row),
  );
  await queueMails(
    trx,
    prepared.map((p) => p.mail),
  );
  await recordAudit(trx, {
    actorId: common.invitedBy,
    action: audit.action,
    subjectType: audit.subjectType,
    subjectId: audit.subjectId,
    coopId: common.coopId,
    after: { ...audit.after, role: common.role, invited: prepared.map((p) => p.row.email) },
  });
  return prepared.map((p) => ({ id: p.row.id, email: p.row.email, link: p.link }));
}

/** A co-op's first admin, invited when the co-op is admitted (wired to co-ops in wiring.ts). */
export const inviteFirstAdmin: FirstAdminInvitation = (trx, deps, admin) =>
  invite(trx, { secret: deps.config.sessionSecret, publicUrl: deps.config.publicUrl, delivers: deps.mailer.delivers }, { ...admin, role: 'coop_admin' });
