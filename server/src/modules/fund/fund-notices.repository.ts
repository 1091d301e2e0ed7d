/** What the fund's clock looks at and what it sent: all its SQL. */
import type { Executor } from '../../db/database.ts';
import type { FundNoticeSentTable } from '../../db/schema-fund.ts';

/**
 * Records a notice as sent; true when this call recorded it, false when it
 * had been (by an earlier tick, or another server's at the same moment: on
 * PostgreSQL the second insert waits for the first transaction and then finds
 * the row).
 */
export async function recordSent(ex: Executor, row: FundNoticeSentTable): Promise<boolean> {
  const r = await ex
    .insertInto('fund_notices_sent')
    .values(row)
    .onConflict((oc) => oc.columns(['subject_id', 'notice', 'since']).doNothing())
    .returning('subject_id')
    .executeTakeFirst();
  return r !== undefined;
}

/** Open fast-track applications whose deadline is at or before `until` (reminders and overdue notices look no further). */
export async function fastTrackDueBy(ex: Executor, until: string) {
  return ex
    .selectFrom('fund_applications')
    .select('id')
    .where('status', '=', 'open')
    .where('track', '=', 'committee')
    .where('due_at', 'is not', null)
    .where('due_at', '<=', until)
    .orderBy('due_at')
    .execute();
}

/** The active coordinators of the network. */
export async function coordinators(ex: Executor): Promise<string[]> {
  const rows = await ex
    .selectFrom('role_grants')
    .innerJoin('people', 'people.id', 'role_grants.person_id')
    .select('role_grants.person_id')
    .distinct()
    .where('role_grants.role', '=', 'coordinator')
    .where('people.status', '=', 'active')
    .execute();
  return rows.map((r) => r.person_id);
}

/** The active admins of a co-op. */
export async function coopAdmins(ex: Executor, coopId: string): Promise<string[]> {
  const rows = await ex
    .selectFrom('role_grants')
    .innerJoin('people', 'people.id', 'role_grants.person_id')
    .select('role_grants.person_id')
    .distinct()
    .where('role_grants.role', '=', 'coop_admin')
    .where('role_grants.coop_id', '=', coopId)
    .where('people.status', '=', 'active')
    .execute();
  return rows.map((r) => r.person_id);
}
