/** Member cards and the network's card keys: all their SQL. */
import type { DialectName, Executor } from '../../db/database.ts';
import { preparedQuery } from '../../db/prepared.ts';
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

/** The keys a card may be signed with: every published key not retired. A till verifies with these. */
export async function publishedKeys(ex: Executor): Promise<{ kid: string; public_key: string }[]> {
  return ex.selectFrom('card_keys').select(['kid', 'public_key']).where('retired_at', 'is', null).orderBy('created_at').orderBy('kid').execute();
}

/** Retires a published key; false when it was already retired (the first retirement stands). */
export async function retireKey(ex: Executor, kid: string, at: string): Promise<boolean> {
  const r = await ex.updateTable('card_keys').set({ retired_at: at }).where('kid', '=', kid).where('retired_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/**
 * Holds the person rows until the transaction ends, so two requests cannot
 * both find "no card" and issue one each. SQLite runs one transaction at a
 * time on its one connection, so only PostgreSQL needs it.
 */
export async function lockPeople(ex: Executor, dialect: DialectName, personIds: string[]): Promise<void> {
  if (dialect !== 'postgres' || personIds.length === 0) return;
  // In id order, so two printings of overlapping people cannot deadlock.
  await ex.selectFrom('people').select('id').where('id', 'in', personIds).orderBy('id').forUpdate().execute();
}

/** The co-op's active workers, by name: the cards a co-op prints. */
export async function activeWorkersOf(ex: Executor, coopId: string) {
  return ex
    .selectFrom('people')
    .select(['id', 'display_name'])
    .where('coop_id', '=', coopId)
    .where('status', '=', 'active')
    .orderBy('display_name')
    .orderBy('id')
    .execute();
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

/**
 * A card with what a till needs of its holder: their status and name, and the
 * co-op the card names with its sector (null for a supporter). Found by card id
 * or by short code; prepared once, as it runs on every redemption.
 *
 * A signed card also brings `key_live`: whether the key `kid` that signed it is
 * published and not retired, read in the same query, so that a key retired by
 * another process (`coopnet retire-card-key`) is refused from that moment on,
 * whatever key set the till's memory holds. A printed code signs nothing
 * (`kid` null: `key_live` is false and means nothing).
 */
const cardForTillQuery = preparedQuery((ex, by: { id?: string; shortCode?: string; kid: string | null }) => {
  const q = ex
    .selectFrom('cards')
    .innerJoin('people', 'people.id', 'cards.person_id')
    .leftJoin('coops', 'coops.id', 'cards.coop_id')
    .select((eb) => [
      'cards.id',
      'cards.person_id',
      'cards.kind',
      'cards.coop_id',
      'cards.expires_at',
      'cards.revoked_at',
      'cards.revocation_reason',
      'people.display_name',
      'people.status as person_status',
      'people.left_at as person_left_at',
      'coops.name as coop_name',
      'coops.sector as coop_sector',
      eb
        .exists(eb.selectFrom('card_keys').select('card_keys.kid').where('card_keys.kid', '=', by.kid).where('card_keys.retired_at', 'is', null))
        .as('key_live'),
    ]);
  return by.id !== undefined ? q.where('cards.id', '=', by.id) : q.where('cards.short_code', '=', by.shortCode!);
});

export async function cardForTill(ex: Executor, by: { id: string; kid: string } | { shortCode: string }) {
  return (await cardForTillQuery(ex, 'id' in by ? by : { ...by, kid: null }))[0];
}

/** Whether the key `kid` is published and not retired. */
export async function isKeyLive(ex: Executor, kid: string): Promise<boolean> {
  const row = await ex.selectFrom('card_keys').select('kid').where('kid', '=', kid).where('retired_at', 'is', null).executeTakeFirst();
  return row !== undefined;
}

export type TillCard = NonNullable<Awaited<ReturnType<typeof cardForTill>>>;
