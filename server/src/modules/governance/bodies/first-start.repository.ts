/**
 * What a network has from its first start — bylaws version 1 and its three
 * default bodies — made by ensureGovernance, and recognised by a backup as
 * still untouched (governanceAsFirstMade).
 */
import { DEFAULT_BYLAWS } from '@coopnet/domain/governance/bylaws';
import type { Executor } from '../../../db/database.ts';
import { newId, nowIso } from '../../../platform/clock.ts';
import { adoptBylaws } from '../bylaws/bylaws.repository.ts';
import type { BodyKind } from './bodies.repository.ts';

/** The bodies every network starts with; `builtIn` names them to the web app, which says them in the reader's language. */
const DEFAULT_BODIES: { builtIn: BuiltInBody; kind: BodyKind; name: string; description: string; delegates_per_coop: number | null }[] = [
  { builtIn: 'generalAssembly', kind: 'assembly', name: 'General assembly', description: 'Every worker of every member co-op.', delegates_per_coop: null },
  { builtIn: 'council', kind: 'council', name: 'Council of delegates', description: 'Delegates appointed by each member co-op, recallable at any time.', delegates_per_coop: 2 },
  { builtIn: 'fundCommittee', kind: 'committee', name: 'Fund committee', description: 'Members named by the coordinators to look after the solidarity fund.', delegates_per_coop: null },
];

export type BuiltInBody = 'generalAssembly' | 'council' | 'fundCommittee';

/**
 * Which built-in body this is, as long as it keeps the name (or the
 * description) the network started with: a body people named, or renamed,
 * keeps the words they wrote.
 */
export function builtInBody(b: { kind: string; name: string; description: string }): { name: BuiltInBody | null; description: BuiltInBody | null } {
  const d = DEFAULT_BODIES.find((x) => x.kind === b.kind && (x.name === b.name || x.description === b.description));
  return { name: d && d.name === b.name ? d.builtIn : null, description: d && d.description === b.description ? d.builtIn : null };
}

/** At first start: bylaws version 1 and the three default bodies. Runs again harmlessly. */
export async function ensureGovernance(ex: Executor): Promise<void> {
  const bylaws = await ex.selectFrom('bylaws_versions').select('id').limit(1).executeTakeFirst();
  if (!bylaws) await adoptBylaws(ex, DEFAULT_BYLAWS, null);
  const body = await ex.selectFrom('bodies').select('id').limit(1).executeTakeFirst();
  if (body) return;
  const now = nowIso();
  await ex
    .insertInto('bodies')
    .values(DEFAULT_BODIES.map(({ builtIn: _, ...b }, i) => ({ id: newId(), ...b, created_at: new Date(Date.parse(now) + i).toISOString() })))
    .execute();
}

/**
 * The rows ensureGovernance made, by table, while nothing has changed them
 * since: bylaws version 1 alone (not adopted by a proposal), the three default
 * bodies alone. A database a start touched holds these and is still empty.
 */
export async function governanceAsFirstMade(ex: Executor): Promise<Record<string, number>> {
  const bylaws = await ex.selectFrom('bylaws_versions').select(['version', 'proposal_id']).execute();
  const bodies = await ex.selectFrom('bodies').select(['kind', 'name', 'description', 'delegates_per_coop']).execute();
  const firstBylaws = bylaws.length === 1 && Number(bylaws[0]!.version) === 1 && bylaws[0]!.proposal_id === null;
  const defaultBodies =
    bodies.length === DEFAULT_BODIES.length &&
    DEFAULT_BODIES.every((d) => bodies.some((b) => b.kind === d.kind && b.name === d.name && b.description === d.description && b.delegates_per_coop === d.delegates_per_coop));
  return { ...(firstBylaws && { bylaws_versions: 1 }), ...(defaultBodies && { bodies: bodies.length }) };
}
