/**
 * The SQL of seeding: multi-row inserts (the caller sends batches of a few
 * hundred rows, each one statement) and the look-ups that tell whether a
 * database already holds a network.
 */
import type { Insertable } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { JoinApplicationTable, NewCoop, PersonTable, RoleGrantTable } from '../../db/schema.ts';
import type { BodyMemberTable } from '../../db/schema-governance.ts';

export async function countCoops(ex: Executor): Promise<number> {
  const row = await ex.selectFrom('coops').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertCoops(ex: Executor, rows: NewCoop[]): Promise<void> {
  if (rows.length > 0) await ex.insertInto('coops').values(rows).execute();
}

export async function insertPeople(ex: Executor, rows: Insertable<PersonTable>[]): Promise<void> {
  if (rows.length > 0) await ex.insertInto('people').values(rows).execute();
}

export async function insertRoleGrants(ex: Executor, rows: Insertable<RoleGrantTable>[]): Promise<void> {
  if (rows.length > 0) await ex.insertInto('role_grants').values(rows).execute();
}

export async function insertApplications(ex: Executor, rows: Insertable<JoinApplicationTable>[]): Promise<void> {
  if (rows.length > 0) await ex.insertInto('join_applications').values(rows).execute();
}

export async function passwordHashOf(ex: Executor, email: string): Promise<string | null | undefined> {
  const row = await ex.selectFrom('people').select('password_hash').where('email', '=', email).where('status', '=', 'active').executeTakeFirst();
  return row?.password_hash;
}

export async function insertMembers(ex: Executor, rows: BodyMemberTable[]): Promise<void> {
  if (rows.length > 0) await ex.insertInto('body_members').values(rows).execute();
}
