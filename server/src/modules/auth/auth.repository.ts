/** People as accounts: look-ups by e-mail, new accounts, passwords and role grants. */
import type { Executor } from '../../db/database.ts';
import type { Person, Role } from '../../db/schema.ts';
import { newId } from '../../platform/clock.ts';

export async function findActiveByEmail(ex: Executor, email: string) {
  return ex
    .selectFrom('people')
    .selectAll()
    .where('email', '=', email)
    .where('status', '=', 'active')
    .executeTakeFirst();
}

/** Whatever the status: an e-mail belongs to at most one person. */
export async function findByEmail(ex: Executor, email: string) {
  return ex.selectFrom('people').selectAll().where('email', '=', email).executeTakeFirst();
}

export async function findPersonById(ex: Executor, id: string) {
  return ex.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function setPassword(ex: Executor, personId: string, hash: string, at: string) {
  await ex.updateTable('people').set({ password_hash: hash, updated_at: at }).where('id', '=', personId).execute();
}

/**
 * Sets a new password if the stored one is still `oldHash` (the one the person
 * just proved they know); false if it changed meanwhile.
 */
export async function replacePassword(ex: Executor, personId: string, oldHash: string, newHash: string, at: string) {
  const r = await ex
    .updateTable('people')
    .set({ password_hash: newHash, updated_at: at })
    .where('id', '=', personId)
    .where('password_hash', '=', oldHash)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** A unique-index violation, as each driver reports it. */
function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/**
 * Inserts a person; false when the e-mail is taken (a race the caller's
 * earlier look-up could not see). On PostgreSQL the transaction is then
 * aborted, so the caller must give up rather than carry on.
 */
export async function insertPerson(ex: Executor, person: Person): Promise<boolean> {
  try {
    await ex.insertInto('people').values(person).execute();
    return true;
  } catch (err) {
    if (isUniqueViolation(err)) return false;
    throw err;
  }
}

/** Turns a person created by an import ('invited', no password) into an active account; false if no longer invited. */
export async function activateInvited(
  ex: Executor,
  personId: string,
  changes: { password_hash: string; display_name: string; coop_id: string | null; updated_at: string },
): Promise<boolean> {
  const r = await ex
    .updateTable('people')
    .set({ ...changes, status: 'active' })
    .where('id', '=', personId)
    .where('status', '=', 'invited')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * The owner of an existing account accepted an invitation: active again (if
 * they had left) and in the inviting co-op; password and name untouched.
 * False if the person's status changed meanwhile.
 */
export async function activateOwner(
  ex: Executor,
  personId: string,
  status: Person['status'],
  changes: { coop_id: string | null; updated_at: string },
): Promise<boolean> {
  const r = await ex
    .updateTable('people')
    .set({ ...changes, status: 'active', left_at: null })
    .where('id', '=', personId)
    .where('status', '=', status)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Grants a role unless the person already holds it; true when it was new. */
export async function grantRole(
  ex: Executor,
  personId: string,
  role: Role,
  coopId: string | null,
  at: string,
): Promise<boolean> {
  const scope = coopId ?? '';
  const held = await ex
    .selectFrom('role_grants')
    .select('id')
    .where('person_id', '=', personId)
    .where('role', '=', role)
    .where('coop_id', '=', scope)
    .executeTakeFirst();
  if (held) return false;
  await ex
    .insertInto('role_grants')
    .values({ id: newId(), person_id: personId, role, coop_id: scope, created_at: at })
    .execute();
  return true;
}
