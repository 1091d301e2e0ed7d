/**
 * From a closed ballot box to a result, with the domain's counting library:
 * pure (no I/O), so the count of a vote depends only on its ballots, its
 * frozen rule and electorate, and its lot. Also the one check of a ballot
 * against the vote's method, so a bad ballot is refused with the domain's
 * code before it reaches the box.
 */
import type { Ballot } from '@coopnet/contract/proposals';
import { type MatterRule, isChoiceMethod } from '@coopnet/domain/governance/bylaws';
import { voting } from '@coopnet/domain';

/** What a ballot says, normalized: the form kept in the box. */
export type BallotContent =
  | { choice: 'yes' | 'no' | 'abstain' }
  | { choice: 'consent' | 'stand_aside' | 'block'; reason?: string }
  | { approvals: number[] }
  | { ranking: number[] };

export type BallotCheck = { ok: true; content: BallotContent } | { ok: false; error: voting.VotingError };

const fail = (code: string, message: string, details: Record<string, unknown> = {}): BallotCheck => ({ ok: false, error: { code, message, details } });

const SHAPES: Record<MatterRule['method'], string> = {
  yes_no: '{ choice: "yes" | "no" | "abstain" }',
  consent: '{ choice: "consent" | "stand_aside" | "block", reason }',
  approval: '{ approvals: [option indices] }',
  irv: '{ ranking: [option indices] } or { marks: [{ option, rank }] }',
  stv_scottish: '{ ranking: [option indices] } or { marks: [{ option, rank }] }',
  stv_meek: '{ ranking: [option indices] } or { marks: [{ option, rank }] }',
  schulze: '{ ranking: [option indices] } or { marks: [{ option, rank }] }',
};

/** Checks a ballot against the vote's method and options; codes are the domain's (ballot.*, consent.*). */
export function checkBallot(ballot: Ballot, method: MatterRule['method'], options: string[]): BallotCheck {
  const wrong = () => fail('ballot.wrong_kind', `This vote is by ${method}: send ${SHAPES[method]}.`, { method });
  if (method === 'yes_no') {
    if (!('choice' in ballot) || !['yes', 'no', 'abstain'].includes(ballot.choice) || 'reason' in ballot) return wrong();
    return { ok: true, content: { choice: ballot.choice as 'yes' | 'no' | 'abstain' } };
  }
  if (method === 'consent') {
    if (!('choice' in ballot) || !['consent', 'stand_aside', 'block'].includes(ballot.choice)) return wrong();
    const choice = ballot.choice as 'consent' | 'stand_aside' | 'block';
    const reason = 'reason' in ballot && ballot.reason ? ballot.reason : undefined;
    const error = voting.validateConsentResponse(choice === 'block' ? { kind: 'block', reason: reason ?? '' } : { kind: choice, reason });
    if (error) return { ok: false, error };
    return { ok: true, content: reason ? { choice, reason } : { choice } };
  }
  if (method === 'approval') {
    if (!('approvals' in ballot)) return wrong();
    const error = voting.checkPreferences(ballot.approvals, options.length);
    if (error) return { ok: false, error };
    return { ok: true, content: { approvals: [...ballot.approvals].sort((a, b) => a - b) } };
  }
  if ('ranking' in ballot) {
    const error = voting.checkPreferences(ballot.ranking, options.length);
    if (error) return { ok: false, error };
    return { ok: true, content: { ranking: ballot.ranking } };
  }
  if ('marks' in ballot) {
    // As written on paper: ranks next to options; the domain finds gaps and repeated ranks.
    const names = options.map((_, i) => String(i));
    const checked = voting.validateRankedBallot(
      ballot.marks.map((m) => ({ option: String(m.option), rank: m.rank })),
      names,
    );
    if (!checked.ok) return { ok: false, error: checked.error };
    return { ok: true, content: { ranking: checked.value } };
  }
  return wrong();
}

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
  tally?: voting.YesNoTally;
  quorum?: voting.QuorumCheck | null;
}

const ranked = (ballots: CountInput['ballots']): voting.RankedBallot[] =>
  ballots.map((b) => ({ prefs: (b.c as { ranking: number[] }).ranking, weight: b.w }));

/** Counts a closed vote. Throws VotingInputError only on a box the server should never have accepted. */
export function countVote(input: CountInput): CountResult {
  const { rule, options, ballots, electorate } = input;
  const cast = ballots.reduce((s, b) => voting.addSafe(s, b.w), 0);
  // Turnout can never be below the ballots cast, nor above the electorate.
  const attendance = Math.min(Math.max(input.attendance, cast), Math.max(electorate, cast));

  if (rule.method === 'yes_no') {
    const tally = voting.tallyYesNo(ballots.map((b) => ({ choice: (b.c as { choice: voting.YesNoChoice }).choice, weight: b.w })));
    const count = voting.evaluateYesNo({ tally, electorate, attendance, quorum: rule.quorum, threshold: rule.threshold! });
    return { outcome: count.outcome, count, tally };
  }
  if (rule.method === 'consent') {
    const responses = ballots.map((b) => {
      const c = b.c as { choice: 'consent' | 'stand_aside' | 'block'; reason?: string };
      return c.choice === 'block' ? { kind: 'block' as const, reason: c.reason ?? '', weight: b.w } : { kind: c.choice, reason: c.reason, weight: b.w };
    });
    const counted = voting.countConsent({ responses, quorum: rule.quorum ? { rule: rule.quorum, electorate, attendance } : null });
    if (!counted.ok) throw new voting.VotingInputError(counted.error.code, counted.error.message, { ...counted.error.details });
    const r = counted.result;
    return { outcome: r.outcome === 'blocked' ? 'failed' : r.outcome, count: r };
  }

  // Methods that elect or choose: the quorum, if any, is checked on the ballots cast (or attendance).
  if (!isChoiceMethod(rule.method)) throw new Error(`unknown method ${rule.method}`);
  const quorum = rule.quorum ? voting.evaluateQuorum({ electorate, ballots: cast, attendance, rule: rule.quorum }) : null;
  let count: unknown;
  let elected: number[];
  if (rule.method === 'approval') {
    const r = voting.countApproval({ options, seats: input.seats, lot: input.lot, ballots: ballots.map((b) => ({ approvals: (b.c as { approvals: number[] }).approvals, weight: b.w })) });
    count = r;
    elected = cast > 0 ? [...r.elected] : [];
  } else if (rule.method === 'irv') {
    const r = voting.countIrv({ candidates: options, ballots: ranked(ballots), lot: input.lot });
    count = r;
    elected = r.winner === null ? [] : [r.winner];
  } else if (rule.method === 'stv_scottish' || rule.method === 'stv_meek') {
    const stv = { candidates: options, ballots: ranked(ballots), lot: input.lot, seats: input.seats };
    const r = rule.method === 'stv_scottish' ? voting.countStvScottish(stv) : voting.countStvMeek(stv);
    count = r;
    elected = r.elected.map((e) => e.candidate);
  } else {
    const r = voting.countSchulze({ candidates: options, ballots: ranked(ballots), lot: input.lot, seats: input.seats });
    count = r;
    elected = r.outcome === 'no_valid_votes' ? [] : [...r.elected];
  }
  const outcome = quorum && !quorum.met ? 'no_quorum' : elected.length > 0 ? 'elected' : 'failed';
  return { outcome, elected: outcome === 'elected' ? elected.map((i) => options[i]!) : [], count, quorum };
}

/** The methods whose ballots are rankings (exportable as BLT). */
export const isRankedMethod = (m: MatterRule['method']) => m === 'irv' || m === 'stv_scottish' || m === 'stv_meek' || m === 'schulze';
