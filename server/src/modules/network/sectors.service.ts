/**
 * The network's sectors: anyone may read the list; coordinators add sectors
 * and rename them. Co-ops and offers name sectors from this list only
 * (`checkSectors`, used by the modules above through the door).
 */
import type { SectorInput, SectorPatch } from '@coopnet/contract/sectors';
import type { AppDeps } from '../../deps.ts';
import type { Executor } from '../../db/database.ts';
import type { Sector } from '../../db/schema.ts';
import type { MaybeActor } from '../../platform/auth/actor.ts';
import { authorize } from '../../platform/auth/authorize.ts';
import { recordAudit } from '../../platform/audit/audit.repository.ts';
import { nowIso } from '../../platform/clock.ts';
import { badRequest, conflict, notFound } from '../../platform/errors.ts';
import { networkPolicy } from './network.policy.ts';
import * as repo from './sectors.repository.ts';

export const presentSector = (s: Sector) => ({ code: s.code, names: { en: s.name_en, es: s.name_es } });

/** Refuses (400 `sectors.unknown`) any code the network's list does not hold; `field` names the input it came from. */
export async function checkSectors(ex: Executor, codes: readonly string[], field: string): Promise<void> {
  const unknown = await repo.unknownSectors(ex, codes);
  if (unknown.length > 0) {
    throw badRequest('sectors.unknown', `Not one of the network's sectors: ${unknown.join(', ')}. Choose from the list.`, { field, unknown });
  }
}

export function sectorsService({ db }: Pick<AppDeps, 'db'>) {
  async function list() {
    return { items: (await repo.listSectors(db)).map(presentSector) };
  }

  async function add(actor: MaybeActor, input: SectorInput) {
    authorize(actor, networkPolicy.keepSectors(actor));
    const now = nowIso();
    const row = { code: input.code, name_en: input.names.en, name_es: input.names.es, created_at: now, updated_at: now };
    await db.transaction().execute(async (trx) => {
      if (await repo.findSector(trx, input.code)) throw conflict('sectors.exists', `The network already has the sector ${input.code}.`);
      await repo.insertSector(trx, row);
      await recordAudit(trx, { actorId: actor.personId, action: 'sector.added', subjectType: 'sector', subjectId: input.code, after: input.names });
    });
    return presentSector(row);
  }

  async function rename(actor: MaybeActor, code: string, patch: SectorPatch) {
    authorize(actor, networkPolicy.keepSectors(actor));
    return db.transaction().execute(async (trx) => {
      const before = await repo.findSector(trx, code);
      if (!before) throw notFound('sector');
      const changes = {
        ...(patch.names.en !== undefined && { name_en: patch.names.en }),
        ...(patch.names.es !== undefined && { name_es: patch.names.es }),
      };
      const after = { ...before, ...changes, updated_at: nowIso() };
      await repo.updateSector(trx, code, { ...changes, updated_at: after.updated_at });
      await recordAudit(trx, { actorId: actor.personId, action: 'sector.renamed', subjectType: 'sector', subjectId: code, before: presentSector(before).names, after: patch.names });
      return presentSector(after);
    });
  }

  return { list, add, rename };
}
