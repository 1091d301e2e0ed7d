/**
 * Accepting an invitation: the invited person chooses a password and a name,
 * becomes an active account of the inviting co-op (or a coordinator), and is
 * signed in. Invitations are created by the people module (`people/invite.ts`).
 */
import type { AcceptInvitation } from '@coopnet/contract/auth';
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import type { AppDeps } from '../../deps.ts';
import type { Executor } from '../../db/database.ts';
import { recordAudit } from '../../platform/audit/audit.repository.ts';
import { newId, nowIso } from '../../platform/clock.ts';
import { notFound } from '../../platform/errors.ts';
import { hashPassword } from '../../platform/passwords.ts';
import { hashToken } from '../../platform/tokens.ts';
import { findInvitationByHash, markInvitationAccepted } from '../people/invitations.repository.ts';
import { activateInvited, findByEmail, grantRole, insertPerson } from './auth.repository.ts';
import { sessionService } from './session.service.ts';
import { emailTaken } from './signup.service.ts';

type LoadedInvitation = NonNullable<Awaited<ReturnType<typeof findInvitationByHash>>>;

/** Unused, unexpired, and its co-op (if any) still a member of the network. */
function usable(inv: LoadedInvitation | undefined, now: string): inv is LoadedInvitation {
  return (
    !!inv && inv.accepted_at === null && inv.expires_at > now && (inv.coop_id === null || inv.coop_status === 'member')
  );
}

export function invitationsService(deps: AppDeps) {
  const { db, config } = deps;
  const sessions = sessionService(deps);

  async function load(ex: Executor, token: string) {
    const inv = await findInvitationByHash(ex, hashToken(config.sessionSecret, token));
    // Expired, used, unknown or of a co-op that left: all look like no invitation.
    if (!usable(inv, nowIso())) throw notFound('invitation');
    return inv;
  }

  async function view(token: string) {
    const inv = await load(db, token);
    return { email: inv.email, displayName: inv.display_name, coopName: inv.coop_name, role: inv.role };
  }

  async function accept(input: z.infer<typeof AcceptInvitation>, reply: FastifyReply) {
    await load(db, input.token); // a wrong link costs no scrypt
    const passwordHash = await hashPassword(input.password);
    return db.transaction().execute(async (trx) => {
      const inv = await load(trx, input.token);
      const now = nowIso();
      const email = inv.email.toLowerCase();
      // Workers and co-op admins belong to the inviting co-op; a coordinator keeps whatever co-op they had.
      const joinsCoop = inv.role === 'worker' || inv.role === 'coop_admin';
      const existing = await findByEmail(trx, email);
      let personId: string;
      if (existing) {
        // Only a person still waiting for an invitation (imported, invited, or re-invited after leaving) may be taken over by the link.
        if (existing.status !== 'invited') throw emailTaken();
        const ok = await activateInvited(trx, existing.id, {
          password_hash: passwordHash,
          display_name: input.displayName,
          coop_id: joinsCoop ? inv.coop_id : existing.coop_id,
          updated_at: now,
        });
        if (!ok) throw emailTaken();
        personId = existing.id;
      } else {
        personId = newId();
        const ok = await insertPerson(trx, {
          id: personId,
          email,
          display_name: input.displayName,
          password_hash: passwordHash,
          coop_id: joinsCoop ? inv.coop_id : null,
          supporter: 0,
          status: 'active',
          locale: null,
          created_at: now,
          updated_at: now,
          left_at: null,
        });
        if (!ok) throw emailTaken();
      }
      // The conditional update makes a link work once, even when two requests race.
      const claimed = await markInvitationAccepted(trx, inv.id, personId, now);
      if (Number(claimed.numUpdatedRows) !== 1) throw notFound('invitation');

      const role = inv.role === 'coop_admin' ? 'coop_admin' : inv.role === 'coordinator' ? 'coordinator' : null;
      const roleScope = role === 'coop_admin' ? inv.coop_id : null;
      if (role && (await grantRole(trx, personId, role, roleScope, now))) {
        await recordAudit(trx, {
          actorId: personId,
          action: 'role.granted',
          subjectType: 'person',
          subjectId: personId,
          coopId: roleScope,
          after: { role, coopId: roleScope, invitationId: inv.id },
        });
      }
      await recordAudit(trx, {
        actorId: personId,
        action: existing ? 'person.activated' : 'person.created',
        subjectType: 'person',
        subjectId: personId,
        coopId: joinsCoop ? inv.coop_id : null,
        before: existing ? { status: existing.status } : undefined,
        after: { email, displayName: input.displayName, status: 'active' },
      });
      await recordAudit(trx, {
        actorId: personId,
        action: 'invitation.accepted',
        subjectType: 'invitation',
        subjectId: inv.id,
        coopId: inv.coop_id,
        after: { personId, role: inv.role },
      });
      return sessions.open(trx, personId, reply);
    });
  }

  return { view, accept };
}
