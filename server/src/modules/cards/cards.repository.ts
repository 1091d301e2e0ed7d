/** Member cards and the network's card keys: all their SQL. */
import type { Executor } from '../../db/database.ts';
import type { CardKeyTable, CardTable } from '../../db/schema-cards.ts';

export async function findKey(ex: Executor, kid: string) {
  return ex.selectFrom('card_keys').selectAll().where('kid', '=', kid).executeTakeFirst();
}

/** Inserts the key unless its kid is already there (two servers starting at once). */
export async function insertKey(ex: Executor, key: CardKeyTable): Promise<void> {
  await ex.insertInto('card_keys').values(key).onConflict((oc) => oc.column('kid').doNothing()).execute();
}

export async function listKeys(ex: Executor) {
  return ex.selectFrom('card_keys').selectAll().orderBy('created_at').orderBy('kid').execute();
}

/** The person's newest card that is neither revoked nor expired at `now`. */
export async function currentCardOf(ex: Executor, personId: string, now: string) {
  return ex
    .selectFrom('cards')
    .selectAll()
    .where('person_id', '=', personId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .orderBy('expires_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function cardIdOrCodeTaken(ex: Executor, id: string, shortCode: string): Promise<boolean> {
  const row = await ex
    .selectFrom('cards')
    .select('id')
    .where((eb) => eb.or([eb('id', '=', id), eb('short_code', '=', shortCode)]))
    .limit(1)
    .executeTakeFirst();
  return !!row;
}

export async function insertCard(ex: Executor, card: CardTable): Promise<void> {
  await ex.insertInto('cards').values(card).execute();
}

/** Revokes the person's live cards; returns the ids revoked. */
export async function revokeCardsOf(ex: Executor, personId: string, at: string, reason: string): Promise<string[]> {
  const live = await ex
    .selectFrom('cards')
    .select('id')
    .where('person_id', '=', personId)
    .where('revoked_at', 'is', null)
    .execute();
  if (live.length === 0) return [];
  const ids = live.map((c) => c.id);
  await ex.updateTable('cards').set({ revoked_at: at, revocation_reason: reason }).where('id', 'in', ids).execute();
  return ids;
}

/** Revocations since `since` of cards still unexpired at `now` (an expired card fails on its own). */
export async function revokedSince(ex: Executor, since: string | undefined, now: string) {
  let q = ex
    .selectFrom('cards')
    .select(['id', 'revoked_at', 'revocation_reason'])
    .where('revoked_at', 'is not', null)
    .where('expires_at', '>', now);
  if (since) q = q.where('revoked_at', '>=', since);
  return q.orderBy('revoked_at').orderBy('id').execute();
}

/** What the card says about its holder. */
export async function holderOf(ex: Executor, personId: string) {
  return ex
    .selectFrom('people')
    .leftJoin('coops', 'coops.id', 'people.coop_id')
    .select([
      'people.id',
      'people.display_name',
      'people.status',
      'people.supporter',
      'people.coop_id',
      'coops.name as coop_name',
      'coops.status as coop_status',
    ])
    .where('people.id', '=', personId)
    .executeTakeFirst();
}
