/** The SQL of what a supporter sees of their own pledges: receipts' counts and the pledges made with their address. */
import type { Executor } from '../../db/database.ts';

/** How many of a pledge's dues are paid. */
export async function paidDues(ex: Executor, pledgeId: string): Promise<number> {
  const r = await ex
    .selectFrom('campaign_pledge_dues')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('pledge_id', '=', pledgeId)
    .where('movement_id', 'is not', null)
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

/** The pledges made with an e-mail address (compared without case), newest first. */
export const pledgesByEmail = (ex: Executor, email: string) =>
  ex
    .selectFrom('campaign_pledges')
    .selectAll()
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()))
    .orderBy('created_at', 'desc')
    .limit(200)
    .execute();
