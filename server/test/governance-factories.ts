/** Factories for governance tests: bodies, proposals as rows, and counts of every governance table. */
import type { MatterRule } from '@coopnet/domain/governance/bylaws';
import { DEFAULT_BYLAWS } from '@coopnet/domain/governance/bylaws';
import type { ProposalStatus } from '../src/db/schema-governance.ts';
import type { AppDeps } from '../src/deps.ts';
import { newId, nowIso } from '../src/platform/clock.ts';
import { governanceBodies } from '../src/modules/governance/index.ts';
import { tableCounts } from './factories.ts';

export async function defaultBodies(deps: AppDeps) {
  return governanceBodies(deps.db);
}

/**
 * A proposal written straight into its table (the proposals API has its own
 * tests): enough for agendas, and with `electorate` for a vote in progress.
 */
export async function makeProposal(
  deps: AppDeps,
  o: { authorId: string; title?: string; status?: ProposalStatus; matter?: string; rule?: MatterRule; bodyId?: string | null; electorate?: { personId: string; coopId?: string | null }[] },
) {
  const id = newId();
  const now = nowIso();
  const matter = o.matter ?? 'free';
  const voting = o.status === 'voting';
  await deps.db
    .insertInto('proposals')
    .values({
      id,
      matter,
      title: o.title ?? `Proposal ${id.slice(0, 8)}`,
      body_text: 'Text of the proposal',
      subject_json: '{}',
      author_id: o.authorId,
      body_id: o.bodyId ?? null,
      status: o.status ?? 'draft',
      rule_json: voting ? JSON.stringify(o.rule ?? DEFAULT_BYLAWS.matters[matter]) : null,
      options_json: '[]',
      seats: 1,
      lot_commitment: null,
      lot_seed: null,
      voting_opens_at: voting ? now : null,
      voting_closes_at: voting ? new Date(Date.now() + 86_400_000).toISOString() : null,
      electorate_size: voting ? (o.electorate?.length ?? 0) : null,
      result_json: null,
      decided_at: null,
      effect_applied_at: null,
      reminded_at: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  if (o.electorate?.length) {
    await deps.db
      .insertInto('electorate')
      .values(o.electorate.map((e) => ({ proposal_id: id, person_id: e.personId, coop_id: e.coopId ?? null, weight: 1 })))
      .execute();
  }
  return { id };
}

const GOVERNANCE_TABLES = ['bodies', 'body_members', 'bylaws_versions', 'proposals', 'electorate', 'delegations', 'assemblies', 'assembly_agenda', 'attendance', 'notifications'] as const;

/** tableCounts plus the governance tables, to check that a refused request changed nothing. */
export async function governanceTableCounts(deps: AppDeps): Promise<Record<string, number>> {
  const out = await tableCounts(deps);
  for (const t of GOVERNANCE_TABLES) {
    const r = await deps.db.selectFrom(t).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    out[t] = Number(r.n);
  }
  return out;
}
