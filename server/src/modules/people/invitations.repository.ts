/** Invitations: a link, shown once, that lets a person set a password and join. */
import type { Executor } from '../../db/database.ts';
import type { Invitation } from '../../db/schema.ts';

export async function insertInvitation(ex: Executor, inv: Invitation): Promise<void> {
  await ex.insertInto('invitations').values(inv).execute();
}

export async function insertInvitations(ex: Executor, invitations: Invitation[]): Promise<void> {
  for (let i = 0; i < invitations.length; i += 400) {
    await ex
      .insertInto('invitations')
      .values(invitations.slice(i, i + 400))
      .execute();
  }
}

/** Makes the unused links sent to this e-mail for this co-op stop working (the worker was removed). */
export async function expirePendingInvitations(
  ex: Executor,
  email: string,
  coopId: string,
  now: string,
): Promise<number> {
  const r = await ex
    .updateTable('invitations')
    .set({ expires_at: now })
    .where('email', '=', email)
    .where('coop_id', '=', coopId)
    .where('accepted_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function findInvitationByHash(ex: Executor, tokenHash: string) {
  return ex
    .selectFrom('invitations')
    .leftJoin('coops', 'coops.id', 'invitations.coop_id')
    .selectAll('invitations')
    .select(['coops.name as coop_name', 'coops.status as coop_status'])
    .where('invitations.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export async function markInvitationAccepted(ex: Executor, id: string, personId: string, at: string) {
  return ex
    .updateTable('invitations')
    .set({ accepted_at: at, person_id: personId })
    .where('id', '=', id)
    .where('accepted_at', 'is', null)
    .executeTakeFirst();
}

export async function listInvitations(ex: Executor, coopId: string, page: { limit: number; offset: number }) {
  const base = ex.selectFrom('invitations').where('coop_id', '=', coopId);
  const [rows, count] = await Promise.all([
    base.selectAll().orderBy('created_at', 'desc').orderBy('id').limit(page.limit).offset(page.offset).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.total) };
}
