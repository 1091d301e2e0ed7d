/** Voluntary gifts to the fund: who gave, how much, into which sub-fund, and the movement that booked each. */
import type { Executor } from '../../db/database.ts';
import type { FundGiftTable } from '../../db/schema-fund.ts';

export async function coopName(ex: Executor, coopId: string) {
  return (await ex.selectFrom('coops').select('name').where('id', '=', coopId).executeTakeFirst())?.name;
}

export async function insertGift(ex: Executor, row: FundGiftTable): Promise<void> {
  await ex.insertInto('fund_gifts').values(row).execute();
}

const withCoop = (ex: Executor) =>
  ex
    .selectFrom('fund_gifts as g')
    .leftJoin('coops as c', 'c.id', 'g.giver_coop_id')
    .selectAll('g')
    .select('c.name as coop_name');

export async function giftByMovement(ex: Executor, movementId: string) {
  return withCoop(ex).where('g.movement_id', '=', movementId).executeTakeFirst();
}

/** Gifts received on or after `since`, newest first. */
export async function giftsSince(ex: Executor, since: string) {
  return withCoop(ex)
    .where('g.received_on', '>=', since)
    .orderBy('g.received_on', 'desc')
    .orderBy('g.recorded_at', 'desc')
    .execute();
}

export type GiftRow = NonNullable<Awaited<ReturnType<typeof giftByMovement>>>;
