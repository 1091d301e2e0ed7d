/**
 * Loads a co-op for work on its people and applies the co-op's rules: a
 * visitor is asked to sign in; anyone else who may not see the co-op's people
 * is told the co-op does not exist, so its private data does not leak.
 */
import type { Executor } from '../../db/database.ts';
import type { Coop } from '../../db/schema.ts';
import type { Actor, MaybeActor } from '../../platform/auth/actor.ts';
import { requireActor } from '../../platform/auth/authorize.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import { coopPolicy, findCoop } from '../coops/index.ts';

export async function coopForPeople(
  ex: Executor,
  actorIn: MaybeActor,
  coopId: string,
  need: 'read' | 'manage',
): Promise<{ actor: Actor; coop: Coop }> {
  const actor = requireActor(actorIn);
  const coop = await findCoop(ex, coopId);
  if (!coop || !coopPolicy.readWorkers(actor, coop)) throw notFound('co-op');
  if (need === 'manage' && !coopPolicy.manageWorkers(actor, coop)) {
    throw conflict('people.coop_left', 'This co-op has left the network; its workers can no longer be changed.');
  }
  return { actor, coop };
}
