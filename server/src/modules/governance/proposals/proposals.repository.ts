/** All SQL of proposals, their comments and amendments. */
import type { Executor } from '../../../db/database.ts';
import type { AmendmentTable, ProposalCommentTable, ProposalStatus, ProposalTable } from '../../../db/schema-governance.ts';

export type ProposalRow = ProposalTable;

/** Statuses in which a proposal is not yet decided. */
export const UNDECIDED: ProposalStatus[] = ['draft', 'discussion', 'voting'];

export async function insertProposal(ex: Executor, row: ProposalRow): Promise<void> {
  await ex.insertInto('proposals').values(row).execute();
}

export async function findProposal(ex: Executor, id: string): Promise<ProposalRow | undefined> {
  return ex.selectFrom('proposals').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateProposal(ex: Executor, id: string, patch: Partial<ProposalRow>): Promise<void> {
  await ex.updateTable('proposals').set(patch).where('id', '=', id).execute();
}

/**
 * Moves a proposal on only from the status the caller saw, so two requests
 * racing (two coordinators opening it) move it once; false when it had moved.
 */
export async function updateProposalFrom(ex: Executor, id: string, from: ProposalStatus[], patch: Partial<ProposalRow>): Promise<boolean> {
  const r = await ex.updateTable('proposals').set(patch).where('id', '=', id).where('status', 'in', from).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export interface ProposalFilter {
  status?: ProposalStatus;
  matter?: string;
  /** drafts are private to their author (and coordinators, who see all) */
  draftsOf: string | null | 'all';
  limit: number;
  offset: number;
}

export async function listProposals(ex: Executor, f: ProposalFilter) {
  let q = ex.selectFrom('proposals').innerJoin('people', 'people.id', 'proposals.author_id');
  if (f.status) q = q.where('proposals.status', '=', f.status);
  if (f.matter) q = q.where('proposals.matter', '=', f.matter);
  if (f.draftsOf !== 'all') {
    const author = f.draftsOf;
    q = q.where((eb) => (author ? eb.or([eb('proposals.status', '!=', 'draft'), eb('proposals.author_id', '=', author)]) : eb('proposals.status', '!=', 'draft')));
  }
  const [rows, count] = await Promise.all([
    q
      .select(['proposals.id', 'proposals.matter', 'proposals.title', 'proposals.status', 'people.display_name as author_name', 'proposals.voting_opens_at', 'proposals.voting_closes_at', 'proposals.created_at'])
      .orderBy('proposals.created_at', 'desc')
      .orderBy('proposals.id')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.total) };
}

/** An undecided proposal of this matter about the same subject, if any. */
export async function undecidedWithSubject(ex: Executor, matter: string, subjectJson: string) {
  return ex
    .selectFrom('proposals')
    .select(['id', 'status'])
    .where('matter', '=', matter)
    .where('subject_json', '=', subjectJson)
    .where('status', 'in', UNDECIDED)
    .executeTakeFirst();
}

/** The most recently decided proposal of a matter that passed. */
export async function latestPassed(ex: Executor, matter: string) {
  return ex
    .selectFrom('proposals')
    .selectAll()
    .where('matter', '=', matter)
    .where('status', '=', 'passed')
    .orderBy('decided_at', 'desc')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
}

/** Votes whose closing time has come. */
export async function dueForClosing(ex: Executor, now: string) {
  return ex.selectFrom('proposals').select('id').where('status', '=', 'voting').where('voting_closes_at', '<=', now).orderBy('voting_closes_at').execute();
}

/** Votes closing before `until` that were not reminded of yet. */
export async function dueForReminder(ex: Executor, now: string, until: string) {
  return ex
    .selectFrom('proposals')
    .select('id')
    .where('status', '=', 'voting')
    .where('reminded_at', 'is', null)
    .where('voting_closes_at', '>', now)
    .where('voting_closes_at', '<=', until)
    .execute();
}

export async function personName(ex: Executor, id: string): Promise<string> {
  const row = await ex.selectFrom('people').select('display_name').where('id', '=', id).executeTakeFirst();
  return row?.display_name ?? '';
}

export async function peopleNames(ex: Executor, ids: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await ex.selectFrom('people').select(['id', 'display_name']).where('id', 'in', ids.slice(i, i + 500)).execute();
    for (const r of rows) out.set(r.id, r.display_name);
  }
  return out;
}

// ── Comments ──

export async function insertComment(ex: Executor, row: ProposalCommentTable): Promise<void> {
  await ex.insertInto('proposal_comments').values(row).execute();
}

export async function findComment(ex: Executor, id: string) {
  return ex.selectFrom('proposal_comments').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listComments(ex: Executor, proposalId: string, page: { limit: number; offset: number }) {
  const q = ex.selectFrom('proposal_comments').innerJoin('people', 'people.id', 'proposal_comments.author_id').where('proposal_comments.proposal_id', '=', proposalId);
  const [rows, count] = await Promise.all([
    q
      .select(['proposal_comments.id', 'proposal_comments.parent_id', 'people.display_name as author_name', 'proposal_comments.body_text', 'proposal_comments.created_at'])
      .orderBy('proposal_comments.created_at')
      .orderBy('proposal_comments.id')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.total) };
}

// ── Amendments ──

export async function insertAmendment(ex: Executor, row: AmendmentTable): Promise<void> {
  await ex.insertInto('amendments').values(row).execute();
}

export async function findAmendment(ex: Executor, id: string) {
  return ex.selectFrom('amendments').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Decides an open amendment; false when it was decided already. */
export async function decideAmendment(ex: Executor, id: string, status: 'accepted' | 'declined', at: string): Promise<boolean> {
  const r = await ex.updateTable('amendments').set({ status, decided_at: at }).where('id', '=', id).where('status', '=', 'open').executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function listAmendments(ex: Executor, proposalId: string) {
  return ex
    .selectFrom('amendments')
    .innerJoin('people', 'people.id', 'amendments.author_id')
    .select(['amendments.id', 'people.display_name as author_name', 'amendments.body_text', 'amendments.status', 'amendments.created_at', 'amendments.decided_at'])
    .where('amendments.proposal_id', '=', proposalId)
    .orderBy('amendments.created_at')
    .orderBy('amendments.id')
    .execute();
}
