/**
 * The fund committee, for the fund's applications: the network's first
 * committee (the one every network starts with, "Fund committee"), and its
 * members active now. A member's co-op is the co-op they work at (a person
 * never decides on their own co-op's application).
 */
import { fund } from '@coopnet/domain';
import type { Executor } from '../../../db/database.ts';
import { currentBylaws } from '../bylaws/bylaws.repository.ts';
import { bodyOfKind } from './bodies.repository.ts';

export interface CommitteeMember {
  personId: string;
  /** the co-op the person works at, if any */
  coopId: string | null;
}

export async function fundCommittee(
  ex: Executor,
  at: string,
): Promise<{ bodyId: string | null; members: CommitteeMember[] }> {
  const body = await bodyOfKind(ex, 'committee');
  if (!body) return { bodyId: null, members: [] };
  const rows = await ex
    .selectFrom('body_members')
    .innerJoin('people', 'people.id', 'body_members.person_id')
    .select(['people.id as personId', 'people.coop_id as coopId'])
    .distinct()
    .where('body_members.body_id', '=', body.id)
    .where('body_members.recalled_at', 'is', null)
    .where('body_members.term_start', '<=', at)
    .where((eb) => eb.or([eb('body_members.term_end', 'is', null), eb('body_members.term_end', '>', at)]))
    .where('people.status', '=', 'active')
    .execute();
  return { bodyId: body.id, members: rows };
}

/** The fund's rules in the bylaws in force: the defaults where the bylaws say nothing of the fund. */
export async function fundRules(ex: Executor): Promise<fund.FundRules> {
  return (await currentBylaws(ex)).bylaws.fund ?? fund.DEFAULT_FUND_RULES;
}
