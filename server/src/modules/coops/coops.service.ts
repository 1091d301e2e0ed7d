/** Use cases of the directory and of co-op profiles and statuses. */
import type { CoopListQuery, CoopProfilePatch } from '@coopnet/contract/coops';
import type { Executor } from '../../db/database.ts';
import type { AppDeps } from '../../deps.ts';
import type { Coop, CoopStatus, CoopUpdate } from '../../db/schema.ts';
import type { MaybeActor } from '../../platform/auth/actor.ts';
import { authorize } from '../../platform/auth/authorize.ts';
import { recordAudit } from '../../platform/audit/audit.repository.ts';
import { nowIso } from '../../platform/clock.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import { checkSectors } from '../network/index.ts';
import { coopAbilities, coopPolicy } from './coops.policy.ts';
import { presentCoop } from './coops.presenter.ts';
import * as repo from './coops.repository.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function searchText(name: string, description: string, city: string, sector: string): string {
  return `${name} ${city} ${sector} ${description}`.toLowerCase();
}

export function profileChanges(p: CoopProfilePatch): CoopUpdate {
  return {
    ...(p.name !== undefined && { name: p.name }),
    ...(p.legalForm !== undefined && { legal_form: p.legalForm }),
    ...(p.sector !== undefined && { sector: p.sector }),
    ...(p.address !== undefined && { address: p.address }),
    ...(p.city !== undefined && { city: p.city }),
    ...(p.description !== undefined && { description: p.description }),
    ...(p.website !== undefined && { website: p.website }),
    ...(p.logoUrl !== undefined && { logo_url: p.logoUrl }),
    ...(p.workerCount !== undefined && { worker_count: p.workerCount }),
    ...(p.latitude !== undefined && { latitude: p.latitude }),
    ...(p.longitude !== undefined && { longitude: p.longitude }),
  };
}

/** Co-ops in the API's shape, each with the workers the network knows of it (one query for all). */
export async function presentCoops(ex: Executor, rows: Coop[]) {
  const known = rows.length > 0 ? await repo.knownWorkers(ex, rows.map((c) => c.id)) : new Map<string, number>();
  return rows.map((c) => presentCoop(c, known.get(c.id) ?? 0));
}

/** The first `limit` member co-ops in the directory's order, and how many there are. */
export async function memberCoops(ex: Executor, limit: number): Promise<{ rows: Coop[]; total: number }> {
  return repo.listMembers(ex, { limit, offset: 0 });
}

export function coopsService({ db }: AppDeps) {
  async function load(actor: MaybeActor, idOrSlug: string): Promise<Coop> {
    const coop = UUID.test(idOrSlug) ? await repo.findById(db, idOrSlug) : await repo.findBySlug(db, idOrSlug);
    if (!coop || !coopPolicy.view(actor, coop)) throw notFound('co-op');
    return coop;
  }

  async function directory(q: CoopListQuery) {
    const { rows, total } = await repo.listMembers(db, q);
    return { items: await presentCoops(db, rows), total, limit: q.limit, offset: q.offset };
  }

  async function sectors() {
    return { items: await repo.sectorCounts(db) };
  }

  async function show(actor: MaybeActor, idOrSlug: string) {
    const coop = await load(actor, idOrSlug);
    const [presented] = await presentCoops(db, [coop]);
    return { ...presented!, abilities: coopAbilities(actor, coop) };
  }

  async function update(actor: MaybeActor, id: string, patch: CoopProfilePatch) {
    const coop = await load(actor, id);
    authorize(actor, coopPolicy.update(actor, coop));
    const changes = profileChanges(patch);
    const next = { ...coop, ...changes };
    await db.transaction().execute(async (trx) => {
      if (patch.sector !== undefined && patch.sector !== coop.sector) await checkSectors(trx, [patch.sector], 'sector');
      await repo.updateCoop(trx, coop.id, {
        ...changes,
        search_text: searchText(next.name, next.description, next.city, next.sector),
        updated_at: nowIso(),
      });
      await recordAudit(trx, { actorId: actor.personId, action: 'coop.updated', subjectType: 'coop', subjectId: coop.id, coopId: coop.id, before: coop, after: changes });
    });
    return show(actor, coop.id);
  }

  const ALLOWED_MOVES: Record<CoopStatus, CoopStatus[]> = {
    member: ['suspended', 'left'],
    suspended: ['member', 'left'],
    left: [],
    applicant: [],
    rejected: [],
  };

  async function changeStatus(actor: MaybeActor, id: string, to: 'member' | 'suspended' | 'left', reason: string) {
    const coop = await load(actor, id);
    authorize(actor, coopPolicy.changeStatus(actor));
    if (!ALLOWED_MOVES[coop.status].includes(to)) {
      throw conflict('coop.bad_status_change', `A co-op that is ${coop.status} cannot become ${to}.`);
    }
    await db.transaction().execute(async (trx) => {
      await repo.updateCoop(trx, coop.id, { status: to, updated_at: nowIso() });
      await recordAudit(trx, { actorId: actor.personId, action: `coop.${to === 'member' ? 'reinstated' : to}`, subjectType: 'coop', subjectId: coop.id, coopId: coop.id, before: { status: coop.status }, after: { status: to, reason } });
    });
    return show(actor, coop.id);
  }

  return { load, directory, sectors, show, update, changeStatus };
}
