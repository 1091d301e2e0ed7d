/**
 * Making and changing offers: a co-op's admin creates, edits, pauses,
 * resumes and ends them. Each change is one transaction with its audit event.
 */
import type { OfferInput, OfferPatch } from '@coopnet/contract/offers';
import type { OfferStatus, OfferTable } from '../../db/schema-benefits.ts';
import type { AppDeps } from '../../deps.ts';
import type { MaybeActor } from '../../platform/auth/actor.ts';
import { authorize, requireActor } from '../../platform/auth/authorize.ts';
import { recordAudit } from '../../platform/audit/audit.repository.ts';
import { newId, nowIso } from '../../platform/clock.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import { coopPolicy, findCoop } from '../coops/index.ts';
import { checkSectors } from '../network/index.ts';
import { applyPatch, checkTerms, columnsOf, termsOfInput, termsOfRow } from './offer-terms.ts';
import { isListed, offerPolicy } from './offers.policy.ts';
import { presentOffer } from './offers.presenter.ts';
import * as repo from './offers.repository.ts';

type Move = 'pause' | 'resume' | 'end';

/** pause: active → paused; resume: paused → active; end: either → ended, for good. */
const MOVES: Record<Move, { from: OfferStatus[]; to: OfferStatus; action: string }> = {
  pause: { from: ['active'], to: 'paused', action: 'offer.paused' },
  resume: { from: ['paused'], to: 'active', action: 'offer.resumed' },
  end: { from: ['active', 'paused'], to: 'ended', action: 'offer.ended' },
};

const ended = () => conflict('offers.ended', 'This offer has ended; it can no longer be changed. Make a new one.');

export function offersService({ db, network }: AppDeps) {
  /** The offer, for its co-op's admin: 404 to whoever may not see it, 403 to whoever sees it but may not change it. */
  async function loadForChange(actorIn: MaybeActor, id: string) {
    const actor = requireActor(actorIn);
    const [row, today] = await Promise.all([repo.findListing(db, id), network.today()]);
    if (!row || !offerPolicy.view(actor, row, isListed(row, today))) throw notFound('offer');
    authorize(actor, offerPolicy.manage(actor, row.coop_id));
    return { actor, row };
  }

  async function reload(id: string) {
    return presentOffer((await repo.findOffer(db, id))!);
  }

  async function create(actorIn: MaybeActor, coopId: string, input: OfferInput) {
    const actor = requireActor(actorIn);
    const coop = await findCoop(db, coopId);
    if (!coop || !coopPolicy.view(actor, coop)) throw notFound('co-op');
    authorize(actor, offerPolicy.manage(actor, coop.id));
    const terms = termsOfInput(input);
    checkTerms(terms);
    const now = nowIso();
    const row: OfferTable = {
      id: newId(),
      coop_id: coop.id,
      ...columnsOf(terms),
      status: 'active',
      created_by: actor.personId,
      created_at: now,
      updated_at: now,
      ended_at: null,
    };
    await db.transaction().execute(async (trx) => {
      await checkSectors(trx, terms.sectors, 'sectors');
      await repo.insertOffer(trx, row);
      await recordAudit(trx, { actorId: actor.personId, action: 'offer.created', subjectType: 'offer', subjectId: row.id, coopId: coop.id, after: terms });
    });
    return reload(row.id);
  }

  async function change(actorIn: MaybeActor, id: string, patch: OfferPatch) {
    const { actor, row } = await loadForChange(actorIn, id);
    if (row.status === 'ended') throw ended();
    const current = termsOfRow(row);
    const next = applyPatch(current, patch);
    checkTerms(next);
    // Only what really changes is written and audited; a change that changes nothing is no event.
    const before = columnsOf(current);
    const after = columnsOf(next);
    const changed = (Object.keys(after) as (keyof typeof after)[]).filter((k) => after[k] !== before[k]);
    if (changed.length === 0) return presentOffer(row);
    const was = Object.fromEntries(changed.map((k) => [k, before[k]]));
    const is = Object.fromEntries(changed.map((k) => [k, after[k]]));
    await db.transaction().execute(async (trx) => {
      if (patch.sectors !== undefined) await checkSectors(trx, next.sectors, 'sectors');
      if (!(await repo.updateOpenOffer(trx, row.id, { ...is, updated_at: nowIso() }))) throw ended();
      await recordAudit(trx, { actorId: actor.personId, action: 'offer.updated', subjectType: 'offer', subjectId: row.id, coopId: row.coop_id, before: was, after: is });
    });
    return reload(row.id);
  }

  async function move(actorIn: MaybeActor, id: string, move: Move) {
    const { actor, row } = await loadForChange(actorIn, id);
    const { from, to, action } = MOVES[move];
    const badState = () => conflict('offers.bad_state', `An offer that is ${row.status} cannot be ${to === 'active' ? 'resumed' : to}.`, { status: row.status });
    if (!from.includes(row.status)) throw badState();
    const now = nowIso();
    await db.transaction().execute(async (trx) => {
      // Another admin may have moved it meanwhile: the move happens only from the state read.
      if (!(await repo.moveOffer(trx, row.id, [row.status], { status: to, updated_at: now, ...(to === 'ended' && { ended_at: now }) }))) throw badState();
      await recordAudit(trx, { actorId: actor.personId, action, subjectType: 'offer', subjectId: row.id, coopId: row.coop_id, before: { status: row.status }, after: { status: to } });
    });
    return reload(row.id);
  }

  return { create, change, move };
}
