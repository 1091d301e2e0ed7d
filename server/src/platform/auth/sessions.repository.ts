/** Sessions and API tokens: the SQL that turns a presented secret into an Actor. */
import type { Executor } from '../../db/database.ts';
import { preparedQuery } from '../../db/prepared.ts';
import type { Role } from '../../db/schema.ts';
import type { RoleGrant } from './actor.ts';

export interface PersonForActor {
  id: string;
  email: string;
  display_name: string;
  coop_id: string | null;
  supporter: number;
}

// Every request that carries a session or a token runs these: compiled once (see db/prepared.ts).
const sessionByHash = preparedQuery((ex: Executor, p: { tokenHash: string; now: string }) =>
  ex
    .selectFrom('sessions')
    .innerJoin('people', 'people.id', 'sessions.person_id')
    .select([
      'sessions.id as session_id',
      'sessions.csrf_token',
      'sessions.last_seen_at',
      'people.id',
      'people.email',
      'people.display_name',
      'people.coop_id',
      'people.supporter',
    ])
    .where('sessions.token_hash', '=', p.tokenHash)
    .where('sessions.expires_at', '>', p.now)
    .where('people.status', '=', 'active'),
);

export async function findSessionByHash(ex: Executor, tokenHash: string, now: string) {
  return (await sessionByHash(ex, { tokenHash, now }))[0];
}

const apiTokenByHash = preparedQuery((ex: Executor, p: { tokenHash: string }) =>
  ex
    .selectFrom('api_tokens')
    .innerJoin('people', 'people.id', 'api_tokens.person_id')
    .select([
      'api_tokens.id as token_id',
      'api_tokens.scopes',
      'api_tokens.last_used_at',
      'people.id',
      'people.email',
      'people.display_name',
      'people.coop_id',
      'people.supporter',
    ])
    .where('api_tokens.token_hash', '=', p.tokenHash)
    .where('api_tokens.revoked_at', 'is', null)
    .where('people.status', '=', 'active'),
);

export async function findApiTokenByHash(ex: Executor, tokenHash: string) {
  return (await apiTokenByHash(ex, { tokenHash }))[0];
}

const rolesOfPerson = preparedQuery((ex: Executor, p: { personId: string }) =>
  ex.selectFrom('role_grants').select(['role', 'coop_id']).where('person_id', '=', p.personId),
);

export async function rolesOf(ex: Executor, personId: string): Promise<RoleGrant[]> {
  const rows = await rolesOfPerson(ex, { personId });
  return rows.map((r) => ({ role: r.role as Role, coopId: r.coop_id === '' ? null : r.coop_id }));
}

export async function insertSession(
  ex: Executor,
  row: { id: string; token_hash: string; person_id: string; csrf_token: string; created_at: string; expires_at: string },
): Promise<void> {
  await ex.insertInto('sessions').values({ ...row, last_seen_at: row.created_at }).execute();
}

export async function touchSession(ex: Executor, sessionId: string, now: string, expiresAt: string) {
  await ex.updateTable('sessions').set({ last_seen_at: now, expires_at: expiresAt }).where('id', '=', sessionId).execute();
}

export async function deleteSession(ex: Executor, sessionId: string): Promise<void> {
  await ex.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

/** Ends every session of a person; how many there were. */
export async function deleteSessionsOf(ex: Executor, personId: string): Promise<number> {
  const r = await ex.deleteFrom('sessions').where('person_id', '=', personId).executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Ends every session of a person but one (the one asking); how many ended. */
export async function deleteOtherSessionsOf(ex: Executor, personId: string, keepSessionId: string): Promise<number> {
  const r = await ex
    .deleteFrom('sessions')
    .where('person_id', '=', personId)
    .where('id', '!=', keepSessionId)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

export async function touchApiToken(ex: Executor, tokenId: string, now: string) {
  await ex.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', tokenId).execute();
}
