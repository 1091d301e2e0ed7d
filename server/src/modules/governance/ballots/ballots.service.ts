/**
 * Casting a ballot, and reading ballots after the close. A ballot goes into
 * the proposal's one ballot box at a uniformly random place; who voted goes
 * into participation (the day only, with a receipt). A secret ballot carries
 * no voter and no time: only a keyed hash of a token the voter alone holds,
 * bound to that voter (ballot-binding.ts), so they — and no one else, not
 * even another voter holding their token — can change it before the close.
 * Nothing written here (box, participation, audit, idempotency record) puts
 * a voter next to what they voted in a secret vote.
 */
import { randomInt } from 'node:crypto';
import { CastResult, type CastInput } from '@coopnet/contract/proposals';
import { voting } from '@coopnet/domain';
import { checkBallot, isRankedMethod } from '@coopnet/domain/voting/cast';
import type { z } from 'zod';
import type { AppDeps } from '../../../deps.ts';
import type { MaybeActor } from '../../../platform/auth/actor.ts';
import { authorize } from '../../../platform/auth/authorize.ts';
import { recordAudit } from '../../../platform/audit/audit.repository.ts';
import { nowIso } from '../../../platform/clock.ts';
import { findIdempotent, saveIdempotent } from '../../../platform/idempotency.repository.ts';
import { parseStored } from '../../../platform/stored-json.ts';
import { AppError, badRequest, conflict } from '../../../platform/errors.ts';
import { newToken } from '../../../platform/tokens.ts';
import { ballotKeys, ballotRequestHash, storedIdempotencyKey, tokenBinding } from './ballot-binding.ts';
import * as box from './ballots.repository.ts';
import { electorateEntry } from '../bodies/electorate.repository.ts';
import { loadVisible } from '../proposals/proposal-view.ts';
import { isDecided } from '../proposals/proposals.presenter.ts';
import { findProposal, peopleNames } from '../proposals/proposals.repository.ts';
import { storedOptions, storedRule } from '../proposals/stored.ts';

const RECEIPT_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A receipt people can read out: "R-7KQ2-M9XD-4HTP". */
function newReceipt(): string {
  const c = () => RECEIPT_ALPHABET[randomInt(RECEIPT_ALPHABET.length)];
  const group = () => `${c()}${c()}${c()}${c()}`;
  return `R-${group()}-${group()}-${group()}`;
}

/** Puts an entry at a uniformly random place, so the list's order says nothing of when it came. */
export function insertAtRandom<T>(list: T[], item: T): void {
  list.splice(randomInt(list.length + 1), 0, item);
}

const notOpen = () => conflict('governance.not_open', 'This proposal is not open for voting.');
export const notInElectorate = () => new AppError(403, 'governance.not_in_electorate', 'You are not in the electorate of this vote.');

const reusedKey = () => conflict('governance.idempotency_conflict', 'This Idempotency-Key was already used for a different ballot.');

export function ballotsService({ db, dialect, config }: AppDeps) {
  const keys = ballotKeys(config.sessionSecret);
  async function cast(actorIn: MaybeActor, id: string, input: z.infer<typeof CastInput>, idempotencyKey?: string) {
    authorize(actorIn, !!actorIn);
    const actor = actorIn;
    await loadVisible(db, actor, id);
    const me = actor.personId;
    const scope = `ballot:${id}:${me}`;

    return db.transaction().execute(async (trx) => {
      // The box is locked first: casts, delegations and the close of one vote run one at a time.
      const entries = await box.lockBox(trx, dialect, id);
      // Neither the key nor a plain hash of the ballot is kept next to the voter (see ballot-binding.ts).
      const retry = idempotencyKey
        ? { key: storedIdempotencyKey(keys, scope, idempotencyKey), requestHash: ballotRequestHash(keys, scope, idempotencyKey, input) }
        : null;
      if (retry) {
        // A retry gets the first answer, even after the close; the same key with another ballot is refused.
        const prior = await findIdempotent(trx, scope, retry.key);
        if (prior) {
          if (prior.request_hash !== retry.requestHash) throw reusedKey();
          return parseStored(CastResult, prior.response_json, 'idempotency_keys.response_json');
        }
      }
      const p = await findProposal(trx, id);
      const now = nowIso();
      if (!entries || !p || p.status !== 'voting' || !p.voting_closes_at || p.voting_closes_at <= now) throw notOpen();
      const rule = storedRule(p.rule_json!);
      const elector = await electorateEntry(trx, id, me);
      if (!elector) throw notInElectorate();
      if (await box.activeDelegationFrom(trx, id, me)) {
        throw conflict('governance.vote_delegated', 'You handed your vote to someone else; take it back first to vote yourself.');
      }
      const mine = await box.participationOf(trx, id, me);
      if (mine && mine.cast_by !== me) throw conflict('governance.vote_delegated', 'Your delegate has already voted for you.');
      const checked = checkBallot(input.ballot, rule.method, storedOptions(p.options_json));
      if (!checked.ok) throw badRequest(checked.error.code, checked.error.message, checked.error.details);

      let response: { receipt: string; ballotToken: string | null };
      if (mine) {
        if (!rule.changeable) throw conflict('governance.already_voted', 'You have voted, and in this vote a ballot cannot be changed.');
        let at: number;
        if (rule.secret) {
          if (!input.ballotToken) throw conflict('governance.already_voted', 'You have voted; send the ballot token you were given to change your ballot.');
          // The token works only for the voter it was given to: the hash is of the token and the person.
          const t = tokenBinding(keys, input.ballotToken, me, id);
          at = entries.findIndex((e) => e.t === t);
          if (at < 0) throw badRequest('governance.bad_ballot_token', 'This ballot token does not match a ballot of yours in this vote.');
        } else {
          at = entries.findIndex((e) => e.v === me);
        }
        const [old] = entries.splice(at, 1);
        // Same weight; a new random place, so a change cannot be spotted by position either.
        insertAtRandom(entries, { ...old!, c: checked.value });
        await box.writeBox(trx, id, entries);
        await recordAudit(trx, { actorId: me, action: 'participation.changed', subjectType: 'proposal', subjectId: id });
        response = { receipt: mine.receipt_code, ballotToken: input.ballotToken ?? null };
      } else {
        const delegators = await box.activeDelegationsTo(trx, id, me);
        let weight = Number(elector.weight);
        const onBehalfOf: string[] = [];
        for (const from of delegators) {
          const e = await electorateEntry(trx, id, from);
          if (!e) continue; // removed from the electorate (recalled) since handing over the vote
          weight = voting.addSafe(weight, Number(e.weight));
          onBehalfOf.push(from);
        }
        // A token only where a secret ballot may still be changed; an unchangeable one needs none.
        const token = rule.secret && rule.changeable ? newToken('bt_') : null;
        const entry: box.BoxEntry = rule.secret
          ? { ...(token && { t: tokenBinding(keys, token, me, id) }), c: checked.value, w: weight }
          : { v: me, c: checked.value, w: weight };
        insertAtRandom(entries, entry);
        await box.writeBox(trx, id, entries);
        const day = now.slice(0, 10);
        const receipt = newReceipt();
        await box.insertParticipation(trx, [
          { proposal_id: id, person_id: me, cast_by: me, receipt_code: receipt, cast_on: day },
          ...onBehalfOf.map((from) => ({ proposal_id: id, person_id: from, cast_by: me, receipt_code: newReceipt(), cast_on: day })),
        ]);
        // Who took part, never what they voted.
        await recordAudit(trx, { actorId: me, action: 'participation.recorded', subjectType: 'proposal', subjectId: id, after: onBehalfOf.length ? { forDelegators: onBehalfOf.length } : undefined });
        response = { receipt, ballotToken: token };
      }
      if (retry) {
        // A retry gets the receipt but not the token: kept here, it would tie the voter to the ballot.
        await saveIdempotent(trx, { scope, ...retry, statusCode: 201, response: { ...response, ballotToken: null }, at: now });
      }
      return response;
    });
  }

  /** After the close of a vote that was not secret: who voted what. */
  async function openBallots(actor: MaybeActor, id: string, page: { limit: number; offset: number }) {
    const p = await loadVisible(db, actor, id);
    if (!isDecided(p.status) || !p.rule_json) throw conflict('governance.not_closed', 'Ballots are shown only after the close.');
    const rule = storedRule(p.rule_json);
    if (rule.secret) throw conflict('governance.secret_ballot', 'This vote was secret: its ballots name no one.');
    const entries = await box.readBox(db, id);
    const names = await peopleNames(db, [...new Set(entries.map((e) => e.v!))]);
    const all = entries
      .map((e) => ({ voterName: names.get(e.v!) ?? '', ballot: e.c, weight: e.w }))
      .sort((a, b) => a.voterName.localeCompare(b.voterName));
    return { items: all.slice(page.offset, page.offset + page.limit), total: all.length, limit: page.limit, offset: page.offset };
  }

  /** The ballots of a closed ranked vote in BLT format, for recounting with other software. Anonymous. */
  async function blt(actor: MaybeActor, id: string): Promise<string> {
    const p = await loadVisible(db, actor, id);
    if (!isDecided(p.status) || !p.rule_json) throw conflict('governance.not_closed', 'Ballots are published only after the close.');
    const rule = storedRule(p.rule_json);
    if (!isRankedMethod(rule.method)) throw conflict('governance.not_ranked', 'Only ranked votes are exported as BLT.');
    const entries = await box.readBox(db, id);
    return voting.writeBlt({
      title: p.title,
      candidates: storedOptions(p.options_json),
      seats: Number(p.seats),
      withdrawn: [],
      ballots: entries.map((e) => ({ prefs: (e.c as { ranking: number[] }).ranking, weight: e.w })),
      extras: [],
    });
  }

  return { cast, openBallots, blt };
}
