/**
 * Sign-up: anyone may open a community supporter account (no co-op, no
 * roles). Workers do not sign up; they accept an invitation from their co-op.
 */
import type { SignupInput } from '@coopnet/contract/auth';
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import type { AppDeps } from '../../deps.ts';
import { recordAudit } from '../../platform/audit/audit.repository.ts';
import { newId, nowIso } from '../../platform/clock.ts';
import { conflict } from '../../platform/errors.ts';
import { hashPassword } from '../../platform/passwords.ts';
import { findByEmail, insertPerson } from './auth.repository.ts';
import { sessionService } from './session.service.ts';

// The same answer whether the e-mail is an active account or a pending invitation:
// it says only that this address cannot sign up, which the form needs to tell.
export const emailTaken = () =>
  conflict('auth.email_taken', 'An account with this e-mail already exists; sign in or reset your password.');

export function signupService(deps: AppDeps) {
  const { db } = deps;
  const sessions = sessionService(deps);

  async function signup(input: z.infer<typeof SignupInput>, reply: FastifyReply) {
    // Hash before the transaction: scrypt is slow and holds no lock.
    const passwordHash = await hashPassword(input.password);
    return db.transaction().execute(async (trx) => {
      if (await findByEmail(trx, input.email)) throw emailTaken();
      const id = newId();
      const now = nowIso();
      const inserted = await insertPerson(trx, {
        id,
        email: input.email,
        display_name: input.displayName,
        password_hash: passwordHash,
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
        after: { email: input.email, displayName: input.displayName, supporter: true },
      });
      return sessions.open(trx, id, reply);
    });
  }

  return { signup };
}
