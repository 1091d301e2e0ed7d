/**
 * Member cards: the network's published signing keys and the cards issued,
 * so a till can be told which cards died (revoked) and what a short code means.
 */
import type { Kysely } from 'kysely';

const text = 'text' as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('card_keys')
    .addColumn('kid', text, (c) => c.primaryKey()) // lower-case hex, as the card's protected header
    .addColumn('public_key', text, (c) => c.notNull()) // base64url of the raw 32 bytes
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('retired_at', text)
    .execute();

  await db.schema
    .createTable('cards')
    .addColumn('id', text, (c) => c.primaryKey()) // short random base32, it travels in the QR code
    .addColumn('person_id', text, (c) => c.notNull().references('people.id'))
    .addColumn('short_code', text, (c) => c.notNull().unique())
    .addColumn('kind', text, (c) => c.notNull()) // worker | supporter
    .addColumn('coop_id', text)
    .addColumn('issued_at', text, (c) => c.notNull())
    .addColumn('expires_at', text, (c) => c.notNull())
    .addColumn('revoked_at', text)
    .addColumn('revocation_reason', text)
    .execute();
  await db.schema.createIndex('cards_person').on('cards').columns(['person_id', 'expires_at']).execute();
  await db.schema.createIndex('cards_revoked').on('cards').column('revoked_at').execute();
}

export async function down(): Promise<void> {
  throw new Error('migrations are append-only');
}
