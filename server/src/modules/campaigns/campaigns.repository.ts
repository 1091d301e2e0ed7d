/** Campaigns' and pledges' SQL. */
import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type {
  CampaignPledgeDueTable,
  CampaignPledgeTable,
  CampaignTable,
  PledgeStatus,
} from '../../db/schema-campaigns.ts';

export type CampaignRow = CampaignTable;
export type PledgeRow = CampaignPledgeTable;
export type DueRow = CampaignPledgeDueTable;

export const insertCampaign = (ex: Executor, row: CampaignRow) => ex.insertInto('campaigns').values(row).execute();

export const campaignBySlug = (ex: Executor, slug: string) =>
  ex.selectFrom('campaigns').selectAll().where('slug', '=', slug).executeTakeFirst();

export const campaignById = (ex: Executor, id: string) =>
  ex.selectFrom('campaigns').selectAll().where('id', '=', id).executeTakeFirst();

/**
 * What the ledger's bank received for the campaign's pledges: the bank lines of the movements that paid its dues.
 * Read from the campaign's pledges to their movements' lines; `|| ''` keeps SQLite from starting instead at every
 * bank line of the ledger through the account's index (3× slower with 60,000 movements; bench/campaign.bench.ts).
 */
export async function raisedCents(ex: Executor, campaignId: string): Promise<number> {
  const r = await ex
    .selectFrom('campaign_pledges as p')
    .innerJoin('campaign_pledge_dues as d', 'd.pledge_id', 'p.id')
    .innerJoin('ledger_entries as e', 'e.movement_id', 'd.movement_id')
    .where('p.campaign_id', '=', campaignId)
    .where(sql<string>`e.account_code || ''`, '=', 'assets:bank')
    .select(sql<string | number | null>`sum(e.cents)`.as('cents'))
    .executeTakeFirst();
  return Number(r?.cents ?? 0);
}

/** Pledges that paid at least once, newest first: the campaign's supporters. */
export const supporters = (ex: Executor, campaignId: string) =>
  ex
    .selectFrom('campaign_pledges')
    .select(['supporter_name', 'cents', 'frequency'])
    .where('campaign_id', '=', campaignId)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('campaign_pledge_dues')
          .select('id')
          .whereRef('campaign_pledge_dues.pledge_id', '=', 'campaign_pledges.id')
          .where('movement_id', 'is not', null),
      ),
    )
    .orderBy('created_at', 'desc')
    .limit(200)
    .execute();

export const updatesOf = (ex: Executor, campaignId: string) =>
  ex
    .selectFrom('campaign_updates')
    .select(['id', 'body', 'created_at'])
    .where('campaign_id', '=', campaignId)
    .orderBy('created_at', 'desc')
    .limit(50)
    .execute();

export const insertUpdate = (
  ex: Executor,
  row: { id: string; campaign_id: string; body: string; author_id: string | null; created_at: string },
) => ex.insertInto('campaign_updates').values(row).execute();

export const insertPledge = (ex: Executor, row: PledgeRow) => ex.insertInto('campaign_pledges').values(row).execute();

export const pledgeByTokenHash = (ex: Executor, tokenHash: string) =>
  ex.selectFrom('campaign_pledges').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();

export const pledgeById = (ex: Executor, id: string) =>
  ex.selectFrom('campaign_pledges').selectAll().where('id', '=', id).executeTakeFirst();

export const setPledgeStatus = (ex: Executor, id: string, status: PledgeStatus, at: string) =>
  ex.updateTable('campaign_pledges').set({ status, updated_at: at }).where('id', '=', id).execute();

export const insertDue = (ex: Executor, row: DueRow) =>
  ex
    .insertInto('campaign_pledge_dues')
    .values(row)
    .onConflict((oc) => oc.columns(['pledge_id', 'period']).doNothing())
    .executeTakeFirst();

export const duesOf = (ex: Executor, pledgeId: string) =>
  ex.selectFrom('campaign_pledge_dues').selectAll().where('pledge_id', '=', pledgeId).orderBy('period').execute();

export const dueById = (ex: Executor, id: string) =>
  ex.selectFrom('campaign_pledge_dues').selectAll().where('id', '=', id).executeTakeFirst();

/** Marks a due paid by `movementId`; false when another payment got there first. */
export async function markDuePaid(
  ex: Executor,
  id: string,
  movementId: string,
  paidOn: string,
  bankLine: string | null,
) {
  const r = await ex
    .updateTable('campaign_pledge_dues')
    .set({ movement_id: movementId, paid_on: paidOn, bank_line: bankLine })
    .where('id', '=', id)
    .where('movement_id', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Unpaid dues of pledges still waiting for money (pending or active), with their reference. */
export const owedDues = (ex: Executor) =>
  ex
    .selectFrom('campaign_pledge_dues as d')
    .innerJoin('campaign_pledges as p', 'p.id', 'd.pledge_id')
    .innerJoin('campaigns as c', 'c.id', 'p.campaign_id')
    .select(['d.id', 'd.cents', 'p.reference', 'c.title'])
    .where('d.movement_id', 'is', null)
    .where('p.status', 'in', ['pending', 'active'])
    .execute();

export const pledgesWithStatus = (ex: Executor, status: PledgeStatus, frequency?: 'monthly') => {
  let q = ex.selectFrom('campaign_pledges').selectAll().where('status', '=', status);
  if (frequency) q = q.where('frequency', '=', frequency);
  return q.execute();
};

export const movementKey = (ex: Executor, movementId: string) =>
  ex.selectFrom('ledger_movements').select('idempotency_key').where('id', '=', movementId).executeTakeFirst();

export const subFundExists = (ex: Executor, code: string) =>
  ex.selectFrom('ledger_sub_funds').select('code').where('code', '=', code).executeTakeFirst();

/** Which of these bank lines' fingerprints paid a pledge's due. */
export async function importedLines(ex: Executor, prints: string[]): Promise<string[]> {
  const seen: string[] = [];
  for (let i = 0; i < prints.length; i += 500) {
    const rows = await ex
      .selectFrom('campaign_pledge_dues')
      .select('bank_line')
      .where('bank_line', 'in', prints.slice(i, i + 500))
      .execute();
    for (const r of rows) if (r.bank_line) seen.push(r.bank_line);
  }
  return seen;
}
