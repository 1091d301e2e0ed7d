/**
 * Reciprocal benefits: the offers co-ops make to the workers of the others,
 * the redemptions recorded at their tills, and the settlement obligations the
 * reciprocity accounts create for the fund.
 */
import type { Kysely } from 'kysely';

const text = 'text' as const;
const int = 'integer' as const;
const cents = 'bigint' as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('offers')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('coop_id', text, (c) => c.notNull().references('coops.id'))
    .addColumn('title', text, (c) => c.notNull())
    .addColumn('terms', text, (c) => c.notNull())
    .addColumn('kind', text, (c) => c.notNull()) // percent | amount | free_item
    .addColumn('percent', int) // percent: 1..100
    .addColumn('amount_cents', cents) // amount: off each sale; free_item: the item's value
    .addColumn('item', text) // free_item: what is given
    .addColumn('max_discount_cents', cents) // percent: most one sale can take off
    .addColumn('min_sale_cents', cents)
    .addColumn('for_workers', int, (c) => c.notNull()) // workers of other member co-ops
    .addColumn('for_supporters', int, (c) => c.notNull())
    .addColumn('sectors_json', text, (c) => c.notNull()) // [] = every sector
    .addColumn('limit_period', text) // day | week | month
    .addColumn('limit_count', int)
    .addColumn('limit_cents', cents)
    .addColumn('cap_count', int) // the whole offer, per calendar month
    .addColumn('cap_cents', cents)
    .addColumn('valid_from', text) // YYYY-MM-DD in the network's time zone, inclusive
    .addColumn('valid_until', text) // inclusive
    .addColumn('status', text, (c) => c.notNull()) // active | paused | ended
    .addColumn('created_by', text)
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .addColumn('ended_at', text)
    .execute();
  await db.schema.createIndex('offers_coop').on('offers').columns(['coop_id', 'status']).execute();
  await db.schema.createIndex('offers_status').on('offers').columns(['status', 'created_at']).execute();

  await db.schema
    .createTable('redemptions')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('offer_id', text, (c) => c.notNull().references('offers.id'))
    .addColumn('coop_id', text, (c) => c.notNull()) // the co-op that gave
    .addColumn('card_id', text, (c) => c.notNull().references('cards.id'))
    .addColumn('person_id', text, (c) => c.notNull()) // the holder
    .addColumn('holder_coop_id', text) // the holder's co-op; null for a supporter
    .addColumn('holder_kind', text, (c) => c.notNull()) // worker | supporter
    .addColumn('sale_cents', cents, (c) => c.notNull())
    .addColumn('discount_cents', cents, (c) => c.notNull())
    .addColumn('redeemed_at', text, (c) => c.notNull()) // at the till (offline: the till's clock)
    .addColumn('month', text, (c) => c.notNull()) // YYYY-MM of redeemed_at in the network's time zone
    .addColumn('recorded_at', text, (c) => c.notNull())
    .addColumn('cashier_id', text)
    .addColumn('offline', int, (c) => c.notNull())
    .addColumn('flag', text) // set when an offline redemption broke a rule at sync
    .addColumn('flag_resolved_at', text)
    .addColumn('flag_resolved_by', text)
    .addColumn('idempotency_key', text, (c) => c.notNull())
    .addUniqueConstraint('redemptions_idempotency', ['coop_id', 'idempotency_key'])
    .execute();
  await db.schema.createIndex('redemptions_offer_month').on('redemptions').columns(['offer_id', 'month']).execute();
  await db.schema
    .createIndex('redemptions_offer_person')
    .on('redemptions')
    .columns(['offer_id', 'person_id', 'redeemed_at'])
    .execute();
  await db.schema.createIndex('redemptions_person').on('redemptions').columns(['person_id', 'redeemed_at']).execute();
  await db.schema.createIndex('redemptions_month').on('redemptions').columns(['month', 'coop_id']).execute();
  await db.schema.createIndex('redemptions_flag').on('redemptions').columns(['coop_id', 'flag']).execute();

  await db.schema
    .createTable('settlement_obligations')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('month', text, (c) => c.notNull())
    .addColumn('coop_id', text, (c) => c.notNull().references('coops.id'))
    .addColumn('net_given_cents', cents, (c) => c.notNull())
    .addColumn('threshold_cents', cents, (c) => c.notNull())
    .addColumn('amount_cents', cents, (c) => c.notNull()) // what the fund owes the co-op
    .addColumn('status', text, (c) => c.notNull()) // owed | paid
    .addColumn('created_by', text)
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('paid_at', text)
    .addUniqueConstraint('settlement_obligations_month_coop', ['month', 'coop_id'])
    .execute();

  await db.schema
    .createTable('settlement_policy_changes')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('policy', text, (c) => c.notNull()) // none | fund_reimburses_givers
    .addColumn('threshold_cents', cents)
    .addColumn('set_by', text)
    .addColumn('set_at', text, (c) => c.notNull())
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('migrations are append-only');
}
