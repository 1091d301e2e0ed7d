/** A venture as its page shows it, and the checks every write starts with. */
import type { Venture } from '@coopnet/contract/ventures';
import { ventures as rules } from '@coopnet/domain';
import type { Executor } from '../../db/database.ts';
import type { MaybeActor } from '../../platform/auth/actor.ts';
import { notFound } from '../../platform/errors.ts';
import { findCoop } from '../coops/index.ts';
import { venturesPolicy } from './ventures.policy.ts';
import * as repo from './ventures.repository.ts';

/** Whether the actor works at a co-op that is a member of the network. */
export async function isMemberWorker(ex: Executor, actor: MaybeActor): Promise<boolean> {
  if (!actor?.coopId) return false;
  return (await findCoop(ex, actor.coopId))?.status === 'member';
}

export async function ventureOrNotFound(ex: Executor, id: string) {
  const v = await repo.venture(ex, id);
  if (!v) throw notFound('venture');
  return v;
}

export async function inTeam(ex: Executor, ventureId: string, actor: MaybeActor) {
  return !!actor && (await repo.isInTeam(ex, ventureId, actor.personId));
}

export async function viewVenture(ex: Executor, actor: MaybeActor, id: string): Promise<Venture> {
  const v = await ventureOrNotFound(ex, id);
  const [needs, team, offers, stages, memberWorker] = await Promise.all([
    repo.needs(ex, id),
    repo.team(ex, id),
    repo.offers(ex, id),
    repo.stageChanges(ex, id),
    isMemberWorker(ex, actor),
  ]);
  const mine = !!actor && team.some((m) => m.person_id === actor.personId);
  const manage = venturesPolicy.manage(actor, mine);
  const coop = v.coop_id ? ((await repo.coopOf(ex, v.coop_id)) ?? null) : null;
  return {
    id: v.id,
    name: v.name,
    description: v.description,
    sector: v.sector,
    stage: v.stage,
    openNeeds: needs.filter((n) => !Number(n.met)).length,
    needs: needs.map((n) => ({ id: n.id, kind: n.kind, description: n.description, met: !!Number(n.met) })),
    team: team.map((m) => ({ personId: m.person_id, name: m.name, role: m.role })),
    // Accepted offers are the venture's public thanks; open ones only the team and who offered see.
    offers: offers
      .filter((o) => o.status === 'accepted' || (o.status === 'open' && (manage || o.person_id === actor?.personId)))
      .map((o) => ({
        id: o.id,
        kind: o.kind,
        text: o.text,
        status: o.status,
        personId: o.person_id,
        personName: o.person_name,
        createdAt: o.created_at,
      })),
    stages: stages.map((s) => ({
      from: s.from_stage,
      to: s.to_stage,
      reason: s.reason,
      byName: s.by_name ?? null,
      at: s.changed_at,
    })),
    coop: coop ? { id: coop.id, slug: coop.slug, status: coop.status } : null,
    abilities: {
      manage,
      offer: v.stage !== 'member' && venturesPolicy.offer(actor, memberWorker, mine),
      applyToJoin:
        venturesPolicy.applyToJoin(actor, mine) &&
        rules.mayApplyToJoin(v.stage) &&
        (!coop || coop.status === 'rejected'),
    },
  };
}
