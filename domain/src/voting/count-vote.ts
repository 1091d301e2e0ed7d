/**
 * From a closed ballot box to a result, with the domain's counting methods:
 * pure (no I/O), so the count of a vote depends only on its ballots, its
 * frozen rule and electorate, and its lot.
 */
import { type MatterRule, isChoiceMethod } from '../governance/bylaws.ts';
import { countApproval } from './approval.ts';
import type { BallotContent } from './cast.ts';
import { countConsent } from './consent.ts';
import { countIrv } from './irv.ts';
import { addSafe } from './numbers.ts';
import { countSchulze } from './schulze.ts';
import { countStvMeek } from './stv-meek.ts';
import { countStvScottish } from './stv-scottish.ts';
import {
  type QuorumCheck,
  type YesNoChoice,
  type YesNoTally,
  evaluateQuorum,
  evaluateYesNo,
  tallyYesNo,
} from './threshold.ts';
import { type RankedBallot, VotingInputError } from './types.ts';

export interface CountInput {
  rule: MatterRule;
  options: string[];
  seats: number;
  /** ballots as kept in the box: content and weight */
  ballots: { c: BallotContent; w: number }[];
  /** the frozen electorate's total weight */
  electorate: number;
  /** weight of electors who voted or attended an assembly with this proposal on its agenda */
  attendance: number;
  /** the lot, drawn before voting opened */
  lot: number[];
}

export interface CountResult {
  outcome: 'passed' | 'failed' | 'no_quorum' | 'elected';
  elected?: string[];
  count: unknown;
  tally?: YesNoTally;
  quorum?: QuorumCheck | null;
}

const ranked = (ballots: CountInput['ballots']): RankedBallot[] =>
  ballots.map((b) => ({ prefs: (b.c as { ranking: number[] }).ranking, weight: b.w }));

/** Counts a closed vote. Throws VotingInputError only on a box the server should never have accepted. */
export function countVote(input: CountInput): CountResult {
  const { rule, options, ballots, electorate } = input;
  const cast = ballots.reduce((s, b) => addSafe(s, b.w), 0);
  // Turnout can never be below the ballots cast, nor above the electorate.
  const attendance = Math.min(Math.max(input.attendance, cast), Math.max(electorate, cast));

  if (rule.method === 'yes_no') {
    const tally = tallyYesNo(ballots.map((b) => ({ choice: (b.c as { choice: YesNoChoice }).choice, weight: b.w })));
    const count = evaluateYesNo({ tally, electorate, attendance, quorum: rule.quorum, threshold: rule.threshold! });
    return { outcome: count.outcome, count, tally };
  }
  if (rule.method === 'consent') {
    const responses = ballots.map((b) => {
      const c = b.c as { choice: 'consent' | 'stand_aside' | 'block'; reason?: string };
      return c.choice === 'block'
        ? { kind: 'block' as const, reason: c.reason ?? '', weight: b.w }
        : { kind: c.choice, reason: c.reason, weight: b.w };
    });
    const counted = countConsent({
      responses,
      quorum: rule.quorum ? { rule: rule.quorum, electorate, attendance } : null,
    });
    if (!counted.ok)
      throw new VotingInputError(counted.error.code, counted.error.message, { ...counted.error.details });
    const r = counted.result;
    return { outcome: r.outcome === 'blocked' ? 'failed' : r.outcome, count: r };
  }

  // Methods that elect or choose: the quorum, if any, is checked on the ballots cast (or attendance).
  if (!isChoiceMethod(rule.method)) throw new Error(`unknown method ${rule.method}`);
  const quorum = rule.quorum ? evaluateQuorum({ electorate, ballots: cast, attendance, rule: rule.quorum }) : null;
  let count: unknown;
  let elected: number[];
  if (rule.method === 'approval') {
    const r = countApproval({
      options,
      seats: input.seats,
      lot: input.lot,
      ballots: ballots.map((b) => ({ approvals: (b.c as { approvals: number[] }).approvals, weight: b.w })),
    });
    count = r;
    elected = cast > 0 ? [...r.elected] : [];
  } else if (rule.method === 'irv') {
    const r = countIrv({ candidates: options, ballots: ranked(ballots), lot: input.lot });
    count = r;
    elected = r.winner === null ? [] : [r.winner];
  } else if (rule.method === 'stv_scottish' || rule.method === 'stv_meek') {
    const stv = { candidates: options, ballots: ranked(ballots), lot: input.lot, seats: input.seats };
    const r = rule.method === 'stv_scottish' ? countStvScottish(stv) : countStvMeek(stv);
    count = r;
    elected = r.elected.map((e) => e.candidate);
  } else {
    const r = countSchulze({ candidates: options, ballots: ranked(ballots), lot: input.lot, seats: input.seats });
    count = r;
    elected = r.outcome === 'no_valid_votes' ? [] : [...r.elected];
  }
  const outcome = quorum && !quorum.met ? 'no_quorum' : elected.length > 0 ? 'elected' : 'failed';
  return { outcome, elected: outcome === 'elected' ? elected.map((i) => options[i]!) : [], count, quorum };
}
