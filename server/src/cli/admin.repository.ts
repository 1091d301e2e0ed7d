/** The SQL of `coopnet create-admin`: one person and their coordinator role. */
import type { Insertable } from 'kysely';
import type { Executor } from '../db/database.ts';
import type { PersonTable, Role } from '../db/schema.ts';

export async function findPersonByEmail(ex: Executor, email: string) {
  return ex.selectFrom('people').select(['id', 'status', 'display_name']).where('email', '=', email).executeTakeFirst();
}

export async function insertPerson(ex: Executor, person: Insertable<PersonTable>): Promise<void> {
  await ex.insertInto('people').values(person).execute();
}

export async function hasNetworkRole(ex: Executor, personId: string, role: Role): Promise<boolean> {
  const row = await ex.selectFrom('role_grants').select('id').where('person_id', '=', personId).where('role', '=', role).where('coop_id', '=', '').executeTakeFirst();
  return !!row;
}

export async function insertRoleGrant(ex: Executor, grant: { id: string; person_id: string; role: Role; coop_id: string; created_at: string }): Promise<void> {
  await ex.insertInto('role_grants').values(grant).execute();
}
