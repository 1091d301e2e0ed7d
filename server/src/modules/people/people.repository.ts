/** All SQL about people as members of the network: workers, their co-op roles, leaving. */
import { type Updateable, sql } from 'kysely';
import type { DialectName, Executor } from '../../db/database.ts';
import type { Person, PersonStatus, PersonTable } from '../../db/schema.ts';
import { newId } from '../../platform/clock.ts';

/** Rows per INSERT: well under both engines' limits on bound parameters. */
const CHUNK = 400;

export function chunks<T>(items: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export async function findPerson(ex: Executor, id: string): Promise<Person | undefined> {
  return ex.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findPersonByEmail(ex: Executor, email: string): Promise<Person | undefined> {
  return ex.selectFrom('people').selectAll().where('email', '=', email).executeTakeFirst();
}

/** Which of these e-mails already belong to a person (in any status). */
export async function takenEmails(ex: Executor, emails: string[]): Promise<Set<string>> {
  const taken = new Set<string>();
  for (const part of chunks(emails, 500)) {
    const rows = await ex.selectFrom('people').select('email').where('email', 'in', part).execute();
    for (const r of rows) taken.add(r.email);
  }
  return taken;
}

export async function insertPeople(ex: Executor, people: Person[]): Promise<void> {
  for (const part of chunks(people)) await ex.insertInto('people').values(part).execute();
}

export async function updatePerson(ex: Executor, id: string, patch: Updateable<PersonTable>): Promise<void> {
  await ex.updateTable('people').set(patch).where('id', '=', id).execute();
}

export interface WorkerFilter {
  q?: string;
  status?: PersonStatus;
  limit: number;
  offset: number;
}

export async function listWorkers(ex: Executor, coopId: string, f: WorkerFilter) {
  let query = ex.selectFrom('people').where('coop_id', '=', coopId);
  if (f.status) query = query.where('status', '=', f.status);
  if (f.q) {
    // lower() on both sides: e-mails are stored lower-cased, names are not.
    const pattern = `%${f.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([
        sql<boolean>`lower(display_name) like ${pattern} escape '\\'`,
        sql<boolean>`email like ${pattern} escape '\\'`,
      ]),
    );
  }
  const [rows, count] = await Promise.all([
    query
      .select(['id', 'email', 'display_name', 'status'])
      .orderBy('display_name')
      .orderBy('id')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.total) };
}

/** The co-op roles (coop_admin, cashier) each of these people holds at this co-op. */
export async function coopRolesOf(ex: Executor, coopId: string, personIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (personIds.length === 0) return out;
  const rows = await ex
    .selectFrom('role_grants')
    .select(['person_id', 'role'])
    .where('coop_id', '=', coopId)
    .where('person_id', 'in', personIds)
    .orderBy('role')
    .execute();
  for (const r of rows) out.set(r.person_id, [...(out.get(r.person_id) ?? []), r.role]);
  return out;
}

export async function hasCoopRole(
  ex: Executor,
  personId: string,
  role: 'coop_admin' | 'cashier',
  coopId: string,
): Promise<boolean> {
  const row = await ex
    .selectFrom('role_grants')
    .select('id')
    .where('person_id', '=', personId)
    .where('role', '=', role)
    .where('coop_id', '=', coopId)
    .executeTakeFirst();
  return !!row;
}

export async function insertRoleGrant(
  ex: Executor,
  personId: string,
  role: 'coop_admin' | 'cashier',
  coopId: string,
  at: string,
) {
  await ex
    .insertInto('role_grants')
    .values({ id: newId(), person_id: personId, role, coop_id: coopId, created_at: at })
    .execute();
}

export async function deleteRoleGrant(
  ex: Executor,
  personId: string,
  role: 'coop_admin' | 'cashier',
  coopId: string,
): Promise<boolean> {
  const r = await ex
    .deleteFrom('role_grants')
    .where('person_id', '=', personId)
    .where('role', '=', role)
    .where('coop_id', '=', coopId)
    .executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}

/** Removes every role a person holds at one co-op. */
export async function deleteCoopRoles(ex: Executor, personId: string, coopId: string): Promise<void> {
  await ex.deleteFrom('role_grants').where('person_id', '=', personId).where('coop_id', '=', coopId).execute();
}

/** Removes every role a person holds anywhere (they left the network). */
export async function deleteAllRoles(ex: Executor, personId: string): Promise<void> {
  await ex.deleteFrom('role_grants').where('person_id', '=', personId).execute();
}

/** Admins of the co-op who can still act: active people holding the role. */
export async function countActiveAdmins(ex: Executor, coopId: string): Promise<number> {
  const row = await ex
    .selectFrom('role_grants')
    .innerJoin('people', 'people.id', 'role_grants.person_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role_grants.role', '=', 'coop_admin')
    .where('role_grants.coop_id', '=', coopId)
    .where('people.status', '=', 'active')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Serializes changes to one co-op's admins on PostgreSQL, so two admins
 * removing each other at once cannot both pass the last-admin check.
 * SQLite runs one write transaction at a time already.
 */
export async function lockCoop(ex: Executor, dialect: DialectName, coopId: string): Promise<void> {
  if (dialect === 'postgres') await ex.selectFrom('coops').select('id').where('id', '=', coopId).forUpdate().execute();
}

/** API tokens stop working at once; they are kept (revoked) so the audit log keeps its subject. */
export async function revokeApiTokensOf(ex: Executor, personId: string, at: string): Promise<number> {
  const r = await ex
    .updateTable('api_tokens')
    .set({ revoked_at: at })
    .where('person_id', '=', personId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** A unique-index violation, as each driver reports it. */
export function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}
