/**
 * Accepting an invitation. For a new address (or a person an import created,
 * who never had a password) the link is the proof: the invited person chooses
 * a password and a name, becomes an active account of the inviting co-op (or a
 * coordinator), and is signed in. An address that already has an account
 * (one with a password: active, or departed and invited back) is accepted only
 * by its owner, signed in as that person or giving its current password; no
 * password is set, so holding the link is never enough to take an account.
 * Invitations are created by the people module (`people/invite.ts`).
 */
import type { AcceptInvitation } from '@coopnet/contract/auth';
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import type { AppDeps } from '../../deps.ts';
import type { Executor } from '../../db/database.ts';
import { recordAudit } from '../../platform/audit/audit.repository.ts';
import { newId, nowIso } from '../../platform/clock.ts';
import type { MaybeActor } from '../../platform/auth/actor.ts';
import { AppError, badRequest, conflict, notFound } from '../../platform/errors.ts';
import { hashPassword, verifyPassword } from '../../platform/passwords.ts';
import { hashToken } from '../../platform/tokens.ts';
import { findInvitationByHash, markInvitationAccepted, presentSelf } from '../people/index.ts';
import { activateInvited, activateOwner, findByEmail, grantRole, insertPerson } from './auth.repository.ts';
import { sessionService } from './session.service.ts';
import { emailTaken } from './signup.service.ts';

type Person = NonNullable<Awaited<ReturnType<typeof findByEmail>>>;

/** An account someone already owns: it has a password (active, or departed and invited back). */
const isExistingAccount = (p: Person | undefined): boolean => !!p && p.password_hash !== null;

const ownerOnly = () =>
  new AppError(
    403,
    'auth.invitation_owner_only',
    'This invitation is for an existing account: sign in as that account (or give its password) to accept it.',
  );

/** A new account must choose its name and password; said per field, as the form shows it. */
const required = (fields: string[]) =>
  badRequest(
    'validation_failed',
    'The request does not have the expected shape.',
    fields.map((f) => ({ path: `body/${f}`, message: 'Required', reason: 'required' })),
  );

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
    const existing = await findByEmail(db, inv.email.toLowerCase());
    return {
      email: inv.email,
      displayName: inv.display_name,
      coopName: inv.coop_name,
      role: inv.role,
      existingAccount: isExistingAccount(existing),
    };
  }

  /**
   * The owner of an existing account accepts: signed in as that very person
   * (by a session, not a token), or giving its current password. Anyone else
   * is refused and nothing changes.
   */
  async function acceptAsOwner(
    inv: LoadedInvitation,
    owner: Person,
    input: z.infer<typeof AcceptInvitation>,
    actor: MaybeActor,
    csrfToken: string | null,
    reply: FastifyReply,
  ) {
    const bySession = actor?.via === 'session' && actor.personId === owner.id;
    if (!bySession) {
      // Always hash, so a refusal takes as long as a wrong password.
      const ok = await verifyPassword(input.password ?? '', owner.password_hash);
      if (!input.password || !ok) throw ownerOnly();
    }
    const joinsCoop = inv.role === 'worker' || inv.role === 'coop_admin';
    if (joinsCoop && owner.status === 'active' && owner.coop_id !== null && owner.coop_id !== inv.coop_id) {
      throw conflict('people.already_member', 'This person is already an active worker of another co-op.');
    }
    return db.transaction().execute(async (trx) => {
      const fresh = await load(trx, input.token);
      const now = nowIso();
      const coopId = joinsCoop ? fresh.coop_id : owner.coop_id;
      // Only the status and the co-op change: the password and the name stay the owner's.
      if (!(await activateOwner(trx, owner.id, owner.status, { coop_id: coopId, updated_at: now }))) throw ownerOnly();
      const claimed = await markInvitationAccepted(trx, fresh.id, owner.id, now);
      if (Number(claimed.numUpdatedRows) !== 1) throw notFound('invitation');
      await grantInvitedRole(trx, fresh, owner.id, now);
      if (owner.status !== 'active' || owner.coop_id !== coopId) {
        await recordAudit(trx, {
          actorId: owner.id,
          action: 'person.activated',
          subjectType: 'person',
          subjectId: owner.id,
          coopId,
          before: { status: owner.status, coopId: owner.coop_id },
          after: { status: 'active', coopId },
        });
      }
      await recordAudit(trx, {
        actorId: owner.id,
        action: 'invitation.accepted',
        subjectType: 'invitation',
        subjectId: fresh.id,
        coopId: fresh.coop_id,
        after: { personId: owner.id, role: fresh.role, existingAccount: true, signedInBy: bySession ? 'session' : 'password' },
      });
      if (bySession && csrfToken) return { person: await presentSelf(trx, owner.id), csrfToken };
      return sessions.open(trx, owner.id, reply);
    });
  }

  async function grantInvitedRole(trx: Executor, inv: LoadedInvitation, personId: string, now: string) {
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
  }

  async function accept(
    input: z.infer<typeof AcceptInvitation>,
    actor: MaybeActor,
    csrfToken: string | null,
    reply: FastifyReply,
  ) {
    const found = await load(db, input.token); // a wrong link costs no scrypt
    const owner = await findByEmail(db, found.email.toLowerCase());
    if (owner && isExistingAccount(owner)) return acceptAsOwner(found, owner, input, actor, csrfToken, reply);
    const missing = [...(input.displayName ? [] : ['displayName']), ...(input.password ? [] : ['password'])];
    if (missing.length > 0) throw required(missing);
    const displayName = input.displayName!;
    const passwordHash = await hashPassword(input.password!);
    return db.transaction().execute(async (trx) => {
      const inv = await load(trx, input.token);
      const now = nowIso();
      const email = inv.email.toLowerCase();
      // Workers and co-op admins belong to the inviting co-op; a coordinator keeps whatever co-op they had.
      const joinsCoop = inv.role === 'worker' || inv.role === 'coop_admin';
      const existing = await findByEmail(trx, email);
      if (isExistingAccount(existing)) {
        // The same link, used at the same moment, may have just made this account: then the link is used (404).
        await load(trx, input.token);
        // Otherwise someone set a password on this address since the check above: only its owner may accept now.
        throw ownerOnly();
      }
      let personId: string;
      if (existing) {
        // Only a person still waiting for their first password (imported or invited) may be set up by the link.
        if (existing.status !== 'invited') throw emailTaken();
        const ok = await activateInvited(trx, existing.id, {
          password_hash: passwordHash,
          display_name: displayName,
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
          display_name: displayName,
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

      await grantInvitedRole(trx, inv, personId, now);
      await recordAudit(trx, {
        actorId: personId,
        action: existing ? 'person.activated' : 'person.created',
        subjectType: 'person',
        subjectId: personId,
        coopId: joinsCoop ? inv.coop_id : null,
        before: existing ? { status: existing.status } : undefined,
        after: { email, displayName, status: 'active' },
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
