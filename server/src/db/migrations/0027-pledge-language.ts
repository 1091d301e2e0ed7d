/**
 * A pledge remembers the language its supporter pledged in, so its receipts
 * and thank-you mails are written in it (null for pledges made before: the
 * network's language), and the way it is paid (`bank_transfer`, the built-in
 * payment provider; see server/src/modules/campaigns/payment-providers.ts).
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('campaign_pledges').addColumn('locale', 'text').execute();
  await db.schema
    .alterTable('campaign_pledges')
    .addColumn('provider', 'text', (c) => c.notNull().defaultTo('bank_transfer'))
    .execute();
}
