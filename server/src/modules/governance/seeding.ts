/**
 * For whatever sets a network up without its people (the demo seed, tests):
 * the bodies every network has from its first start, and a meeting put in
 * the calendar in the caller's transaction — with no coordinator and no
 * audit event of its own: the seed records one for everything it made.
 */
import type { Executor } from '../../db/database.ts';
import type { AssemblyTable } from '../../db/schema-governance.ts';
import { insertAssembly } from './assemblies/assemblies.repository.ts';
import { bodyOfKind } from './bodies/bodies.repository.ts';

/** The assembly, the council and the first committee, as ensureGovernance made them. */
export async function governanceBodies(ex: Executor) {
  const assembly = await bodyOfKind(ex, 'assembly');
  const council = await bodyOfKind(ex, 'council');
  const committee = await bodyOfKind(ex, 'committee');
  if (!assembly || !council || !committee) throw new Error('the network has no governance bodies yet: ensureGovernance makes them');
  return { assembly, council, committee };
}

export async function scheduleAssembly(ex: Executor, row: AssemblyTable): Promise<void> {
  await insertAssembly(ex, row);
}
