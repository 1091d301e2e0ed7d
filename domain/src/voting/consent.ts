/**
 * Consent: a proposal passes unless someone blocks it. Responses are consent,
 * stand aside (a stated reservation that does not stop the proposal) or
 * block. A block must carry a reason: a block without one (empty or only
 * white space) is not a valid response, so the count returns an error instead
 * of a result. An optional quorum works as for yes/no votes, every response
 * counting towards turnout.
 */
import { ballotWeight } from './ballot.ts';
import { addSafe } from './numbers.ts';
import { evaluateQuorum, type QuorumCheck, type QuorumRule } from './threshold.ts';
import type { VotingError } from './types.ts';

export type ConsentResponse =
  | { readonly kind: 'consent'; readonly weight?: number }
  | { readonly kind: 'stand_aside'; readonly reason?: string; readonly weight?: number }
  | { readonly kind: 'block'; readonly reason: string; readonly weight?: number };

/** Checks one response; `consent.block_without_reason` or `consent.invalid_response`. */
export function validateConsentResponse(r: ConsentResponse): VotingError | null {
  if (!r || (r.kind !== 'consent' && r.kind !== 'stand_aside' && r.kind !== 'block')) {
    return { code: 'consent.invalid_response', message: 'a response is consent, stand aside or block', details: {} };
  }
  if (r.kind === 'block' && (typeof r.reason !== 'string' || r.reason.trim() === '')) {
    return { code: 'consent.block_without_reason', message: 'a block must give its reason', details: {} };
  }
  return null;
}

export interface ConsentInput {
  readonly responses: readonly ConsentResponse[];
  /** Optional quorum: needs the frozen electorate (and attendance if the rule counts it). */
  readonly quorum?: { readonly rule: QuorumRule; readonly electorate: number; readonly attendance?: number } | null;
}

export interface ConsentResult {
  readonly method: 'consent';
  readonly outcome: 'passed' | 'blocked' | 'no_quorum';
  /** Weights of each kind of response. */
  readonly consents: number;
  readonly standAsides: number;
  readonly blocks: number;
  /** Reasons given, in the order received (blocks always have one). */
  readonly blockReasons: readonly string[];
  readonly standAsideReasons: readonly string[];
  readonly quorum: QuorumCheck | null;
  readonly explanation: string;
}

export type ConsentCount =
  { readonly ok: true; readonly result: ConsentResult } | { readonly ok: false; readonly error: VotingError };

export function countConsent(input: ConsentInput): ConsentCount {
  let consents = 0;
  let standAsides = 0;
  let blocks = 0;
  const blockReasons: string[] = [];
  const standAsideReasons: string[] = [];
  const invalid: number[] = [];
  let firstError: VotingError | null = null;
  for (let i = 0; i < input.responses.length; i++) {
    const r = input.responses[i]!;
    const e = validateConsentResponse(r);
    if (e) {
      invalid.push(i);
      firstError ??= e;
      continue;
    }
    const w = ballotWeight(r.weight, i);
    if (r.kind === 'consent') consents = addSafe(consents, w);
    else if (r.kind === 'stand_aside') {
      standAsides = addSafe(standAsides, w);
      if (r.reason?.trim()) standAsideReasons.push(r.reason.trim());
    } else {
      blocks = addSafe(blocks, w);
      blockReasons.push(r.reason.trim());
    }
  }
  if (firstError) {
    return {
      ok: false,
      error: {
        code: firstError.code,
        message: `${invalid.length} response(s) are not valid: ${firstError.message}`,
        details: { responses: invalid },
      },
    };
  }
  const participation = addSafe(addSafe(consents, standAsides), blocks);
  const quorum = input.quorum
    ? evaluateQuorum({
        electorate: input.quorum.electorate,
        ballots: participation,
        attendance: input.quorum.attendance,
        rule: input.quorum.rule,
      })
    : null;
  const outcome = quorum && !quorum.met ? 'no_quorum' : blocks > 0 ? 'blocked' : 'passed';
  const explanation =
    outcome === 'no_quorum'
      ? `No quorum (${quorum!.comparison.text}): the proposal is not decided.`
      : outcome === 'blocked'
        ? `Blocked by ${blockReasons.length} response(s) with reasons; ${consents} consent, ${standAsides} stand aside.`
        : `Passed: no block; ${consents} consent, ${standAsides} stand aside.`;
  return {
    ok: true,
    result: {
      method: 'consent',
      outcome,
      consents,
      standAsides,
      blocks,
      blockReasons,
      standAsideReasons,
      quorum,
      explanation,
    },
  };
}
