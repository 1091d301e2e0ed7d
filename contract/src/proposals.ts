/**
 * Governance, the part about deciding: proposals with discussion and
 * amendments, votes with secret or open ballots, delegation of a vote, and
 * results with every stage of the count (published only after the close).
 */
import { z } from 'zod';
import { Id, IdempotencyKey, page, text } from './common.ts';
import { MatterRule } from './governance-bodies.ts';

export const ProposalStatus = z.enum(['draft', 'discussion', 'voting', 'passed', 'failed', 'no_quorum', 'elected', 'withdrawn']);
export type ProposalStatus = z.infer<typeof ProposalStatus>;

/** Matter kinds are lower-case words: the core ones and any a module registers. */
export const MatterKind = z.string().regex(/^[a-z][a-z0-9_]{0,59}$/, 'a matter kind is a lower-case word');

const Option = text(200);

export const ProposalInput = z.strictObject({
  matter: MatterKind,
  title: text(200, 3),
  text: text(20_000, 0),
  /** what the proposal decides, by matter: admission/suspension { coopId }, bylaw_change { bylaws }, election/free {} */
  subject: z.record(z.string(), z.unknown()).default({}),
  /** the options or candidates of a vote by approval, ranking or STV; [] for yes/no and consent */
  options: z.array(Option).max(100).optional(),
  seats: z.number().int().min(1).max(100).optional(),
});
export type ProposalInput = z.infer<typeof ProposalInput>;

export const ProposalPatch = z.strictObject({
  title: text(200, 3).optional(),
  text: text(20_000, 0).optional(),
  options: z.array(Option).max(100).optional(),
  seats: z.number().int().min(1).max(100).optional(),
});
export type ProposalPatch = z.infer<typeof ProposalPatch>;

export const OpenInput = z.strictObject({ closesAt: z.iso.datetime({ offset: true }) });

export const ProposalListQuery = z.strictObject({
  status: ProposalStatus.optional(),
  matter: MatterKind.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type ProposalListQuery = z.infer<typeof ProposalListQuery>;

export const ProposalSummary = z.object({
  id: z.string(),
  matter: z.string(),
  title: z.string(),
  status: ProposalStatus,
  authorName: z.string(),
  votingOpensAt: z.string().nullable(),
  votingClosesAt: z.string().nullable(),
  createdAt: z.string(),
});
/**
 * A page of proposals, with what the reader may do beside reading: `propose`,
 * the matters they may put forward now (empty for a visitor or a supporter;
 * the free proposal for a worker of a member co-op; every matter for a coordinator).
 */
export const ProposalList = page(ProposalSummary).extend({
  abilities: z.object({ propose: z.array(z.string()) }),
});
export type ProposalList = z.infer<typeof ProposalList>;

export type ProposalSummary = z.infer<typeof ProposalSummary>;

export const Amendment = z.object({
  id: z.string(),
  authorName: z.string(),
  text: z.string(),
  status: z.enum(['open', 'accepted', 'declined']),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
});

export const ProposalResult = z.object({
  outcome: z.enum(['passed', 'failed', 'no_quorum', 'elected']),
  /** names of the options elected (methods that elect or choose) */
  elected: z.array(z.string()).optional(),
  /** the domain's count, every stage (see docs/voting.md) */
  count: z.unknown(),
  /** yes/no votes only */
  tally: z.object({ yes: z.number().int(), no: z.number().int(), abstain: z.number().int() }).optional(),
  /** for methods that elect or choose, the quorum check when the rule has one */
  quorum: z.unknown().optional(),
  /** the decision passed but its effect could not be applied (e.g. the co-op withdrew its application) */
  effectError: z.object({ code: z.string(), message: z.string() }).nullable(),
});
export type ProposalResult = z.infer<typeof ProposalResult>;

export const ProposalAbilities = z.object({
  edit: z.boolean(),
  discuss: z.boolean(),
  withdraw: z.boolean(),
  comment: z.boolean(),
  amend: z.boolean(),
  open: z.boolean(),
  vote: z.boolean(),
  delegate: z.boolean(),
  takeBackDelegation: z.boolean(),
  /** always false: no one closes a vote early; the clock does */
  close: z.boolean(),
});

export const MyParticipation = z.object({
  voted: z.boolean(),
  receipt: z.string().nullable(),
  delegatedTo: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** how many members handed their vote to me */
  delegatedToMe: z.number().int(),
});

export const Proposal = z.object({
  id: z.string(),
  matter: z.string(),
  title: z.string(),
  text: z.string(),
  subject: z.record(z.string(), z.unknown()),
  /** the subject in words, e.g. "Admit Panadería La Espiga as a member co-op" */
  subjectText: z.string(),
  status: ProposalStatus,
  author: z.object({ id: z.string(), name: z.string() }),
  bodyId: z.string().nullable(),
  /** frozen when voting opens; before that, the current bylaws' rule */
  rule: MatterRule.nullable(),
  options: z.array(z.string()),
  seats: z.number().int(),
  lotCommitment: z.string().nullable(),
  /** revealed at the close: anyone can recompute the lot and check it against the commitment */
  lotSeed: z.string().nullable(),
  discussionOpenedAt: z.string().nullable(),
  votingOpensAt: z.string().nullable(),
  votingClosesAt: z.string().nullable(),
  /** the frozen electorate's voting weight (its number of people under one member one vote) */
  electorateSize: z.number().int().nullable(),
  /** how many votes were cast so far, of how many: counts only, never what */
  participation: z.object({ voted: z.number().int(), electorate: z.number().int() }).nullable(),
  result: ProposalResult.nullable(),
  decidedAt: z.string().nullable(),
  effectAppliedAt: z.string().nullable(),
  amendments: z.array(Amendment),
  abilities: ProposalAbilities,
  myParticipation: MyParticipation.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Proposal = z.infer<typeof Proposal>;

export const CommentInput = z.strictObject({ text: text(5000), parentId: Id.optional() });
export const Comment = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  authorName: z.string(),
  text: z.string(),
  createdAt: z.string(),
});

export const AmendmentInput = z.strictObject({ text: text(20_000) });
export const AmendmentParams = z.strictObject({ id: Id, amendmentId: Id });

export const DelegationInput = z.strictObject({ toPersonId: Id });

const Index = z.number().int().min(-1_000_000).max(1_000_000);

/**
 * A ballot, by the vote's method: yes_no { choice }, consent { choice,
 * reason? } (a block needs a reason), approval { approvals } (option
 * indices), irv / stv / schulze { ranking } (option indices, first = most
 * preferred) or, the same, { marks: [{ option, rank }] } as written on paper.
 */
export const Ballot = z.union([
  z.strictObject({ choice: z.enum(['yes', 'no', 'abstain']) }),
  z.strictObject({ choice: z.enum(['consent', 'block', 'stand_aside']), reason: text(2000, 0).optional() }),
  z.strictObject({ approvals: z.array(Index).max(200) }),
  z.strictObject({ ranking: z.array(Index).max(200) }),
  z.strictObject({ marks: z.array(z.strictObject({ option: Index, rank: Index })).max(200) }),
]);
export type Ballot = z.infer<typeof Ballot>;

export const CastInput = z.strictObject({
  ballot: Ballot,
  /** to change a secret ballot: the token given when it was first cast */
  ballotToken: z.string().min(1).max(200).optional(),
});

export const CastResult = z.object({
  /** shows that your participation was recorded; it says nothing of your ballot */
  receipt: z.string(),
  /** secret and changeable votes: keep it to change your ballot until the close; shown once */
  ballotToken: z.string().nullable(),
});

/** Casting a ballot: the key is optional, as a recast replaces the voter's ballot and cannot double it. */
export const IdempotencyHeaders = z.object({ 'idempotency-key': IdempotencyKey.optional() });

/** After the close of an open (not secret) vote: who voted what. */
export const OpenBallot = z.object({ voterName: z.string(), ballot: z.unknown(), weight: z.number().int() });
export type OpenBallot = z.infer<typeof OpenBallot>;

/**
 * One member of a proposal's frozen electorate, for choosing whom to hand a
 * vote to. Names only: nothing about who voted or how.
 */
export const ElectorateMember = z.object({ personId: z.string(), displayName: z.string(), coopName: z.string().nullable() });
export type ElectorateMember = z.infer<typeof ElectorateMember>;
export const Electorate = z.object({ items: z.array(ElectorateMember) });
export type Electorate = z.infer<typeof Electorate>;
