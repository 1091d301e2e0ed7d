/**
 * `coopnet create-admin`: the first coordinator of a network that starts
 * without the demo, or a coordinator who lost access. An existing account
 * (found by e-mail) is given the role and keeps its password.
 */
import { randomBytes } from 'node:crypto';
import { Email, Password, text } from '@coopnet/contract';
import type { Db } from '../db/database.ts';
import { recordAudit } from '../platform/audit/audit.repository.ts';
import { newId, nowIso } from '../platform/clock.ts';
import { hashPassword } from '../platform/passwords.ts';
import * as repo from './admin.repository.ts';

export class AdminInputError extends Error {}

export interface CreatedAdmin {
  personId: string;
  email: string;
  /** false when the account existed and was only given the role */
  created: boolean;
  /** the password to print, when it was generated here */
  generatedPassword: string | null;
}

function check<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: { message: string }[] } } }, value: unknown, what: string): T {
  const r = schema.safeParse(value);
  if (!r.success) throw new AdminInputError(`${what}: ${r.error.issues.map((i) => i.message).join('; ')}`);
  return r.data;
}

export async function createCoordinator(db: Db, input: { email: string; name: string; password?: string }): Promise<CreatedAdmin> {
  const email = check(Email, input.email, '--email');
  const name = check(text(120), input.name, '--name');
  const generatedPassword = input.password === undefined ? randomBytes(12).toString('base64url') : null;
  const password = check(Password, input.password ?? generatedPassword, 'COOPNET_ADMIN_PASSWORD');
  const hash = await hashPassword(password);
  const now = nowIso();
  return db.transaction().execute(async (trx) => {
    const existing = await repo.findPersonByEmail(trx, email);
    if (existing && existing.status !== 'active') throw new AdminInputError(`The account ${email} is ${existing.status}; it cannot become a coordinator.`);
    const personId = existing?.id ?? newId();
    if (!existing) {
      await repo.insertPerson(trx, {
        id: personId,
        email,
        display_name: name,
        password_hash: hash,
        coop_id: null,
        supporter: 0,
        status: 'active',
        locale: null,
        created_at: now,
        updated_at: now,
        left_at: null,
      });
      await recordAudit(trx, { actorId: null, action: 'person.created', subjectType: 'person', subjectId: personId, after: { email, displayName: name, by: 'coopnet create-admin' } });
    }
    if (!(await repo.hasNetworkRole(trx, personId, 'coordinator'))) {
      await repo.insertRoleGrant(trx, { id: newId(), person_id: personId, role: 'coordinator', coop_id: '', created_at: now });
      await recordAudit(trx, { actorId: null, action: 'role.granted', subjectType: 'person', subjectId: personId, after: { role: 'coordinator', by: 'coopnet create-admin' } });
    }
    return { personId, email, created: !existing, generatedPassword: existing ? null : generatedPassword };
  });
}
