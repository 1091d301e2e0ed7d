/**
 * The one check of a ballot as a voter sends it against the vote's method and
 * options, so a bad ballot is refused with the domain's code before it
 * reaches the box; and the normalized form the box keeps.
 */
import type { VotingMethod } from '../governance/bylaws.ts';
import { type BallotCheck, checkPreferences, validateRankedBallot } from './ballot.ts';
import { validateConsentResponse } from './consent.ts';

/** A ballot as sent, by the vote's method (the API's `Ballot`); a ranking may come as marks, as on paper. */
export type CastBallot =
  | { choice: 'yes' | 'no' | 'abstain' }
  | { choice: 'consent' | 'block' | 'stand_aside'; reason?: string }
  | { approvals: number[] }
  | { ranking: number[] }
  | { marks: { option: number; rank: number }[] };

/** What a ballot says, normalized: the form kept in the box. */
export type BallotContent =
  | { choice: 'yes' | 'no' | 'abstain' }
  | { choice: 'consent' | 'stand_aside' | 'block'; reason?: string }
  | { approvals: number[] }
  | { ranking: number[] };

const fail = (code: string, message: string, details: Record<string, unknown> = {}): BallotCheck<BallotContent> => ({
  ok: false,
  error: { code, message, details },
});

const SHAPES: Record<VotingMethod, string> = {
  yes_no: '{ choice: "yes" | "no" | "abstain" }',
  consent: '{ choice: "consent" | "stand_aside" | "block", reason }',
  approval: '{ approvals: [option indices] }',
  irv: '{ ranking: [option indices] } or { marks: [{ option, rank }] }',
  stv_scottish: '{ ranking: [option indices] } or { marks: [{ option, rank }] }',
  stv_meek: '{ ranking: [option indices] } or { marks: [{ option, rank }] }',
  schulze: '{ ranking: [option indices] } or { marks: [{ option, rank }] }',
};

/** Checks a ballot against the vote's method and options; codes are the domain's (ballot.*, consent.*). */
export function checkBallot(
  ballot: CastBallot,
  method: VotingMethod,
  options: readonly string[],
): BallotCheck<BallotContent> {
  const wrong = () => fail('ballot.wrong_kind', `This vote is by ${method}: send ${SHAPES[method]}.`, { method });
  if (method === 'yes_no') {
    if (!('choice' in ballot) || !['yes', 'no', 'abstain'].includes(ballot.choice) || 'reason' in ballot)
      return wrong();
    return { ok: true, value: { choice: ballot.choice as 'yes' | 'no' | 'abstain' } };
  }
  if (method === 'consent') {
    if (!('choice' in ballot) || !['consent', 'stand_aside', 'block'].includes(ballot.choice)) return wrong();
    const choice = ballot.choice as 'consent' | 'stand_aside' | 'block';
    const reason = 'reason' in ballot && ballot.reason ? ballot.reason : undefined;
    const error = validateConsentResponse(
      choice === 'block' ? { kind: 'block', reason: reason ?? '' } : { kind: choice, reason },
    );
    if (error) return { ok: false, error };
    return { ok: true, value: reason ? { choice, reason } : { choice } };
  }
  if (method === 'approval') {
    if (!('approvals' in ballot)) return wrong();
    const error = checkPreferences(ballot.approvals, options.length);
    if (error) return { ok: false, error };
    return { ok: true, value: { approvals: [...ballot.approvals].sort((a, b) => a - b) } };
  }
  if ('ranking' in ballot) {
    const error = checkPreferences(ballot.ranking, options.length);
    if (error) return { ok: false, error };
    return { ok: true, value: { ranking: ballot.ranking } };
  }
  if ('marks' in ballot) {
    // As written on paper: ranks next to options; the domain finds gaps and repeated ranks.
    const names = options.map((_, i) => String(i));
    const checked = validateRankedBallot(
      ballot.marks.map((m) => ({ option: String(m.option), rank: m.rank })),
      names,
    );
    if (!checked.ok) return { ok: false, error: checked.error };
    return { ok: true, value: { ranking: checked.value } };
  }
  return wrong();
}

/** The methods whose ballots are rankings (exportable as BLT). */
export const isRankedMethod = (m: VotingMethod) =>
  m === 'irv' || m === 'stv_scottish' || m === 'stv_meek' || m === 'schulze';
