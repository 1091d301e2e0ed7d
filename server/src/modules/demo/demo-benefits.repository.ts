/** The SQL of seeding the demo's offers, cards and redemptions: multi-row inserts of batches the caller sizes. */
import type { Executor } from '../../db/database.ts';
import type { OfferTable, RedemptionTable } from '../../db/schema-benefits.ts';
import type { CardTable } from '../../db/schema-cards.ts';

export async function insertOffers(ex: Executor, rows: OfferTable[]): Promise<void> {
  if (rows.length > 0) await ex.insertInto('offers').values(rows).execute();
}

export async function insertCards(ex: Executor, rows: CardTable[]): Promise<void> {
  if (rows.length > 0) await ex.insertInto('cards').values(rows).execute();
}

export async function insertRedemptions(ex: Executor, rows: RedemptionTable[]): Promise<void> {
  if (rows.length > 0) await ex.insertInto('redemptions').values(rows).execute();
}
