/**
 * Voluntary gifts: a treasurer records money given to the fund — by a co-op
 * of the network, a named person or organisation, or someone who gave no
 * name — into one sub-fund, booked as a `gift` movement (the bank up, the
 * sub-fund's gifts income up) under its Idempotency-Key.
 *
 * Anyone reads the last twelve months of gifts: a co-op's gift under its
 * name (what co-ops pay in is public, as their dues are), a person's or an
 * organisation's only when the treasurer marked that they agreed to be named,
 * "a supporter" otherwise. The treasurer's note is for treasurers.
 */
import type { Gift } from '@coopnet/contract/fund';
import type { AppDeps } from '../../deps.ts';
import type { MaybeActor } from '../../platform/auth/actor.ts';
import { authorize } from '../../platform/auth/authorize.ts';
import { newId, nowIso } from '../../platform/clock.ts';
import { badRequest, conflict } from '../../platform/errors.ts';
import { fundPolicy } from './fund.policy.ts';
import * as repo from './gifts.repository.ts';
import { postIn } from './ledger.service.ts';

export interface GiftInput {
  giverKind: 'coop' | 'named' | 'anonymous';
  coopId?: string | undefined;
  giverName?: string | undefined;
  namePublic: boolean;
  cents: number;
  date: string;
  subFund: string;
  note: string;
}

/** A gift as its reader may see it: `all` for treasurers (every name and the note). */
const present = (g: repo.GiftRow, all: boolean): Gift => ({
  id: g.id,
  giverKind: g.giver_kind,
  giver:
    g.giver_kind === 'coop'
      ? g.coop_name
      : g.giver_kind === 'named' && (all || g.name_public === 1)
        ? g.giver_name
        : null,
  cents: Number(g.cents),
  date: g.received_on,
  subFund: g.sub_fund,
  note: all ? g.note : null,
  movementId: g.movement_id,
});

export function giftsService(deps: AppDeps) {
  const { db } = deps;

  async function record(actor: MaybeActor, input: GiftInput, key: string): Promise<{ created: boolean; gift: Gift }> {
    authorize(actor, fundPolicy.post(actor));
    return db.transaction().execute(async (trx) => {
      const coop = input.giverKind === 'coop' ? await repo.coopName(trx, input.coopId!) : undefined;
      if (input.giverKind === 'coop' && !coop)
        throw badRequest('fund.unknown_coop', 'There is no such co-op in the network.', { coopId: input.coopId });
      const from =
        input.giverKind === 'coop' ? coop! : input.giverKind === 'named' ? input.giverName! : 'an anonymous giver';
      const posted = await postIn(
        trx,
        deps,
        {
          kind: 'gift',
          date: input.date,
          reason: `Gift from ${from}${input.note ? `: ${input.note}` : ''}`,
          decision: null,
          lines: [
            { account: 'assets:bank', subFund: null, coopId: null, cents: input.cents },
            { account: 'income:gifts', subFund: input.subFund, coopId: null, cents: -input.cents },
          ],
        },
        { actorId: actor.personId, key, request: input },
      );
      if (posted.status === 'posted')
        await repo.insertGift(trx, {
          id: newId(),
          movement_id: posted.movementId,
          giver_kind: input.giverKind,
          giver_coop_id: input.giverKind === 'coop' ? input.coopId! : null,
          giver_name: input.giverKind === 'named' ? input.giverName! : null,
          name_public: input.giverKind === 'named' && input.namePublic ? 1 : 0,
          cents: input.cents,
          received_on: input.date,
          sub_fund: input.subFund,
          note: input.note,
          recorded_by: actor.personId,
          recorded_at: nowIso(),
        });
      const gift = await repo.giftByMovement(trx, posted.movementId);
      // The key was used for a movement that is not a gift.
      if (!gift) throw conflict('fund.idempotency_conflict', 'This Idempotency-Key was used for another movement.');
      return { created: posted.status === 'posted', gift: present(gift, true) };
    });
  }

  /** The last twelve months of gifts, newest first, named as the reader may see them. */
  async function list(actor: MaybeActor) {
    const today = await deps.network.today();
    const since = `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;
    const items = (await repo.giftsSince(db, since)).map((g) => present(g, fundPolicy.post(actor)));
    return { items, totalCents: items.reduce((s, g) => s + g.cents, 0) };
  }

  return { record, list };
}
