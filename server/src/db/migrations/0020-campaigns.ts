/**
 * Campaigns and pledges. A campaign collects money into one of the fund's
 * sub-funds; a pledge (one-off or monthly) is owed as pledge dues, one per
 * month, each paid by a ledger movement (the bank up, the sub-fund's gifts
 * income up) — so the campaign's progress is read from the ledger. The
 * pledge's private link is kept only as an HMAC of its token.
 */
import type { Kysely } from 'kysely';

const text = 'text' as const;
const cents = 'bigint' as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('campaigns')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('slug', text, (c) => c.notNull().unique())
    // network | coop | group (a person or group the coordinators approved)
    .addColumn('owner_kind', text, (c) => c.notNull())
    .addColumn('owner_coop_id', text, (c) => c.references('coops.id'))
    .addColumn('owner_name', text, (c) => c.notNull())
    // who benefits, for coordinators only ('' when public enough)
    .addColumn('beneficiary_private', text, (c) => c.notNull())
    .addColumn('title', text, (c) => c.notNull())
    .addColumn('summary', text, (c) => c.notNull())
    .addColumn('story', text, (c) => c.notNull())
    .addColumn('goal_cents', cents, (c) => c.notNull())
    .addColumn('deadline', text, (c) => c.notNull())
    .addColumn('sub_fund', text, (c) => c.notNull())
    // suggested amounts as a JSON array of cents; free amounts at or above the minimum when free = 1
    .addColumn('tiers_json', text, (c) => c.notNull())
    .addColumn('free_amount', 'integer', (c) => c.notNull())
    .addColumn('minimum_cents', cents, (c) => c.notNull())
    .addColumn('created_by', text)
    .addColumn('created_at', text, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('campaign_pledges')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('campaign_id', text, (c) => c.notNull().references('campaigns.id'))
    .addColumn('reference', text, (c) => c.notNull().unique())
    .addColumn('cents', cents, (c) => c.notNull())
    // one_off | monthly
    .addColumn('frequency', text, (c) => c.notNull())
    // '' for anonymous
    .addColumn('supporter_name', text, (c) => c.notNull())
    .addColumn('email', text, (c) => c.notNull())
    .addColumn('token_hash', text, (c) => c.notNull().unique())
    // pending (never paid) | active | paused | cancelled | lapsed | done (one-off paid)
    .addColumn('status', text, (c) => c.notNull())
    .addColumn('made_on', text, (c) => c.notNull())
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('campaign_pledges_campaign').on('campaign_pledges').columns(['campaign_id']).execute();

  // What a pledge owes, one row a month; paid by one ledger movement.
  await db.schema
    .createTable('campaign_pledge_dues')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('pledge_id', text, (c) => c.notNull().references('campaign_pledges.id'))
    .addColumn('period', text, (c) => c.notNull()) // YYYY-MM
    .addColumn('cents', cents, (c) => c.notNull())
    .addColumn('movement_id', text, (c) => c.unique().references('ledger_movements.id'))
    .addColumn('paid_on', text)
    .addColumn('bank_line', text)
    .addColumn('created_at', text, (c) => c.notNull())
    .addUniqueConstraint('campaign_pledge_dues_once', ['pledge_id', 'period'])
    .execute();

  await db.schema
    .createTable('campaign_updates')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('campaign_id', text, (c) => c.notNull().references('campaigns.id'))
    .addColumn('body', text, (c) => c.notNull())
    .addColumn('author_id', text)
    .addColumn('created_at', text, (c) => c.notNull())
    .execute();
}
