/** Applications to the fund and the committee's answers. */
import type { DialectName, Executor } from '../../db/database.ts';
import type { FundApplicationTable, FundApprovalTable } from '../../db/schema-fund.ts';

const withNames = (ex: Executor) =>
  ex
    .selectFrom('fund_applications as a')
    .innerJoin('coops as c', 'c.id', 'a.coop_id')
    .leftJoin('people as p', 'p.id', 'a.applied_by')
    .leftJoin('people as payer', 'payer.id', 'a.paid_by')
    .selectAll('a')
    .select(['c.name as coop_name', 'p.display_name as applied_by_name', 'payer.display_name as paid_by_name']);

export type ApplicationRow = Awaited<ReturnType<ReturnType<typeof withNames>['execute']>>[number];

export async function insertApplication(ex: Executor, row: FundApplicationTable): Promise<void> {
  await ex.insertInto('fund_applications').values(row).execute();
}

export async function findApplication(ex: Executor, id: string): Promise<ApplicationRow | undefined> {
  return withNames(ex).where('a.id', '=', id).executeTakeFirst();
}

/** The application's row; on PostgreSQL locked until the transaction ends, so answers and payments come one at a time. */
export async function lockApplication(ex: Executor, dialect: DialectName, id: string) {
  let q = ex.selectFrom('fund_applications').selectAll().where('id', '=', id);
  if (dialect === 'postgres') q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function listApplications(ex: Executor, coopId: string | null) {
  let q = withNames(ex).orderBy('a.created_at', 'desc').orderBy('a.id').limit(200);
  if (coopId) q = q.where('a.coop_id', '=', coopId);
  return q.execute();
}

export async function answersTo(ex: Executor, ids: string[]) {
  if (ids.length === 0) return [];
  return ex
    .selectFrom('fund_approvals as f')
    .innerJoin('people as p', 'p.id', 'f.person_id')
    .selectAll('f')
    .select('p.display_name as person_name')
    .where('f.application_id', 'in', ids)
    .orderBy('f.at')
    .execute();
}

export async function insertAnswer(ex: Executor, row: FundApprovalTable): Promise<void> {
  await ex.insertInto('fund_approvals').values(row).execute();
}

export async function setStatus(
  ex: Executor,
  id: string,
  patch: Partial<Pick<FundApplicationTable, 'status' | 'decided_at' | 'paid_movement_id' | 'paid_by' | 'paid_at'>>,
): Promise<void> {
  await ex.updateTable('fund_applications').set(patch).where('id', '=', id).execute();
}

export async function coopStatus(ex: Executor, coopId: string) {
  return ex.selectFrom('coops').select(['status', 'name']).where('id', '=', coopId).executeTakeFirst();
}

/** Applications paid out, newest first: what the fund gave (the co-op's name unless it asked not to be named). */
export async function given(ex: Executor, limit: number) {
  return ex
    .selectFrom('fund_applications as a')
    .innerJoin('coops as c', 'c.id', 'a.coop_id')
    .select(['a.kind', 'a.amount_cents', 'a.paid_at', 'a.recipient_hidden', 'c.name as coop_name'])
    .where('a.status', '=', 'paid')
    .orderBy('a.paid_at', 'desc')
    .orderBy('a.id')
    .limit(limit)
    .execute();
}

/** Whether an application is approved and not yet paid: the decision its payment rests on. */
export async function isApproved(ex: Executor, id: string): Promise<boolean> {
  const row = await ex.selectFrom('fund_applications').select('status').where('id', '=', id).executeTakeFirst();
  return row?.status === 'approved';
}
