/**
 * The bylaws as data: for each kind of matter, which body decides, on what
 * basis, by which method, with which quorum and threshold. Pure: the server
 * stores versions of this document and freezes a matter's rule into a
 * proposal when voting opens.
 */
import { type FundRules, fundRuleProblems } from '../fund/applications.ts';

export type BodyKind = 'assembly' | 'council' | 'committee';

/** one member one vote; one co-op one vote; weighted by the co-op's workers */
export type VotingBasis = 'member' | 'coop' | 'weighted';

export type VotingMethod = 'yes_no' | 'consent' | 'approval' | 'irv' | 'stv_scottish' | 'stv_meek' | 'schulze';

export interface Fraction {
  numerator: number;
  denominator: number;
}

export interface QuorumRule extends Fraction {
  /** true: turnout must be strictly greater than the fraction; false: at least */
  strict: boolean;
  abstentionsCount: boolean;
  attendanceCounts: boolean;
}

export interface ThresholdRule extends Fraction {
  base: 'cast' | 'yes_no' | 'electorate';
  strict: boolean;
}

export interface MatterRule {
  /** which body decides: its kind, or a named committee's id */
  body: BodyKind;
  committeeId?: string;
  basis: VotingBasis;
  method: VotingMethod;
  quorum: QuorumRule | null;
  /** for yes_no; the other methods elect or rank */
  threshold: ThresholdRule | null;
  secret: boolean;
  /** may a voter change their ballot until the close */
  changeable: boolean;
  /** may a member hand their vote to another member for this decision */
  delegable: boolean;
  minDiscussionHours: number;
  minVotingHours: number;
  maxVotingHours: number;
}

export interface Bylaws {
  /** matter kind → its rule; modules may add kinds (e.g. 'fund_application') */
  matters: Record<string, MatterRule>;
  /** who decides the solidarity fund's applications, by amount, and its policy; the defaults when left out */
  fund?: FundRules;
}

export const CORE_MATTERS = [
  'admission',
  'suspension',
  'settlement_policy',
  'bylaw_change',
  'election',
  'free',
] as const;

const simpleMajority: ThresholdRule = { numerator: 1, denominator: 2, base: 'yes_no', strict: true };
const twoThirds: ThresholdRule = { numerator: 2, denominator: 3, base: 'cast', strict: false };
const quarterQuorum: QuorumRule = {
  numerator: 1,
  denominator: 4,
  strict: false,
  abstentionsCount: true,
  attendanceCounts: true,
};

const base = {
  quorum: quarterQuorum,
  secret: false,
  changeable: true,
  delegable: true,
  minDiscussionHours: 0,
  minVotingHours: 0,
  maxVotingHours: 24 * 30,
} satisfies Partial<MatterRule>;

/** The demo network's bylaws, and the starting point of a new network. */
export const DEFAULT_BYLAWS: Bylaws = {
  matters: {
    admission: { ...base, body: 'assembly', basis: 'member', method: 'yes_no', threshold: simpleMajority },
    suspension: { ...base, body: 'assembly', basis: 'coop', method: 'yes_no', threshold: twoThirds },
    settlement_policy: { ...base, body: 'council', basis: 'coop', method: 'yes_no', threshold: simpleMajority },
    bylaw_change: {
      ...base,
      body: 'assembly',
      basis: 'member',
      method: 'yes_no',
      threshold: twoThirds,
      changeable: false,
    },
    election: {
      ...base,
      body: 'assembly',
      basis: 'member',
      method: 'stv_scottish',
      threshold: null,
      secret: true,
      delegable: false,
    },
    free: { ...base, body: 'assembly', basis: 'member', method: 'yes_no', threshold: simpleMajority },
    fund_application: { ...base, body: 'assembly', basis: 'member', method: 'yes_no', threshold: simpleMajority },
  },
};

export interface BylawProblem {
  path: string;
  message: string;
}

const METHODS: VotingMethod[] = ['yes_no', 'consent', 'approval', 'irv', 'stv_scottish', 'stv_meek', 'schulze'];

function fractionProblems(path: string, f: Fraction | null, required: boolean): BylawProblem[] {
  if (!f) return required ? [{ path, message: 'is required' }] : [];
  const ok =
    Number.isSafeInteger(f.numerator) &&
    Number.isSafeInteger(f.denominator) &&
    f.denominator > 0 &&
    f.numerator >= 0 &&
    f.numerator <= f.denominator;
  return ok ? [] : [{ path, message: 'must be a fraction between 0 and 1 with whole numbers' }];
}

/** Checks a bylaws document beyond its shape: the rules must make sense together. */
export function bylawProblems(bylaws: Bylaws): BylawProblem[] {
  const problems: BylawProblem[] = [];
  for (const kind of CORE_MATTERS) {
    if (!bylaws.matters[kind]) problems.push({ path: `matters.${kind}`, message: 'every core matter needs a rule' });
  }
  for (const [kind, rule] of Object.entries(bylaws.matters)) {
    const p = `matters.${kind}`;
    if (!METHODS.includes(rule.method)) problems.push({ path: `${p}.method`, message: 'unknown voting method' });
    problems.push(...fractionProblems(`${p}.threshold`, rule.threshold, rule.method === 'yes_no'));
    problems.push(...fractionProblems(`${p}.quorum`, rule.quorum, false));
    if (rule.body === 'committee' && !rule.committeeId)
      problems.push({ path: `${p}.committeeId`, message: 'name the committee' });
    if (rule.minVotingHours > rule.maxVotingHours)
      problems.push({ path: `${p}.minVotingHours`, message: 'exceeds maxVotingHours' });
    if (kind === 'bylaw_change' && rule.method !== 'yes_no')
      problems.push({ path: `${p}.method`, message: 'bylaw changes are decided yes or no' });
  }
  if (bylaws.fund) problems.push(...fundRuleProblems(bylaws.fund));
  return problems;
}

/** Which methods elect people or choose among options, rather than answer yes or no. */
export const isChoiceMethod = (m: VotingMethod) => m !== 'yes_no' && m !== 'consent';
