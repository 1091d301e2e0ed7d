/**
 * Governance, the part about who decides: bylaws as versioned data, bodies
 * (assembly, council of delegates, committees) and their members, assemblies
 * with agenda and attendance, and notifications.
 */
import { z } from 'zod';
import { Id, text } from './common.ts';

// ── Bylaws (mirrors domain/src/governance/bylaws.ts; the server checks the two agree) ──

const Whole = z.number().int().min(0).max(1_000_000);
const Fraction = { numerator: Whole, denominator: Whole };

export const QuorumRule = z.strictObject({
  ...Fraction,
  strict: z.boolean(),
  abstentionsCount: z.boolean(),
  attendanceCounts: z.boolean(),
});
export const ThresholdRule = z.strictObject({
  ...Fraction,
  base: z.enum(['cast', 'yes_no', 'electorate']),
  strict: z.boolean(),
});
export const BodyKind = z.enum(['assembly', 'council', 'committee']);
export const VotingMethod = z.enum(['yes_no', 'consent', 'approval', 'irv', 'stv_scottish', 'stv_meek', 'schulze']);

export const MatterRule = z.strictObject({
  body: BodyKind,
  committeeId: Id.optional(),
  basis: z.enum(['member', 'coop', 'weighted']),
  method: VotingMethod,
  quorum: QuorumRule.nullable(),
  threshold: ThresholdRule.nullable(),
  secret: z.boolean(),
  changeable: z.boolean(),
  delegable: z.boolean(),
  minDiscussionHours: Whole,
  minVotingHours: Whole,
  maxVotingHours: Whole,
});
export type MatterRule = z.infer<typeof MatterRule>;

const Cents = z.number().int().min(0).max(10_000_000_000_000);
const CommitteeBand = z.strictObject({
  upToCents: Cents,
  approvals: z.number().int().min(1).max(100),
  withinHours: Whole.nullable(),
});
const Bands = z.array(CommitteeBand).max(10);

/** The fund's part of the bylaws (mirrors domain/src/fund/applications.ts): who decides applications by amount, and the policy. */
export const FundRules = z.strictObject({
  bands: z.strictObject({ emergency_grant: Bands, loan: Bands, seed_capital: Bands, programme: Bands }),
  policy: z.strictObject({
    maxPerApplicationCents: Cents,
    maxLentToOneCoopPercent: z.number().int().min(0).max(100),
    minimumReserveCents: Cents.optional(),
  }),
  contributions: z
    .strictObject({
      perWorkerMonthlyCents: Cents,
      dueDays: Whole,
      split: z.record(z.string().regex(/^[a-z][a-z0-9-]{0,39}$/), z.number().int().min(0).max(100)),
      /** a share of each co-op's declared yearly surplus (300 basis points = 3 %), due `dueDays` after its accounts close */
      surplus: z.strictObject({ shareBasisPoints: z.number().int().min(0).max(10_000), dueDays: Whole }).optional(),
    })
    .optional(),
});

/** Matter kinds are lower-case words so a module's new kind reads like the core ones. */
export const Bylaws = z.strictObject({
  matters: z
    .record(z.string().regex(/^[a-z][a-z0-9_]{0,59}$/), MatterRule)
    .refine((m) => Object.keys(m).length <= 100, 'at most 100 matters'),
  fund: FundRules.optional(),
});
export type Bylaws = z.infer<typeof Bylaws>;

export const BylawsVersion = z.object({
  version: z.number().int(),
  adoptedAt: z.string(),
  proposalId: z.string().nullable(),
  bylaws: Bylaws,
});
export const BylawsVersionSummary = z.object({
  version: z.number().int(),
  adoptedAt: z.string(),
  proposalId: z.string().nullable(),
});
export const VersionParams = z.strictObject({ version: z.coerce.number().int().min(1).max(1_000_000) });

// ── Bodies and members ──

export const BuiltInBody = z.enum(['generalAssembly', 'council', 'fundCommittee']);

export const Body = z.object({
  id: z.string(),
  kind: BodyKind,
  name: z.string(),
  description: z.string(),
  /** a body the network started with, while it keeps that name (description): the web app says it in the reader's language */
  builtIn: z.object({ name: BuiltInBody.nullable(), description: BuiltInBody.nullable() }),
  delegatesPerCoop: z.number().int().nullable(),
  memberCount: z.number().int(),
});
export type Body = z.infer<typeof Body>;

/** One body with what the signed-in person may do in it. */
export const BodyWithAbilities = Body.extend({
  abilities: z.object({ addMember: z.boolean(), manage: z.boolean() }),
});

export const CommitteeInput = z.strictObject({
  kind: z.literal('committee'),
  name: text(120, 2),
  description: text(2000, 0),
});

export const BodyMember = z.object({
  id: z.string(),
  personId: z.string(),
  displayName: z.string(),
  coopId: z.string().nullable(),
  coopName: z.string().nullable(),
  termStart: z.string(),
  termEnd: z.string().nullable(),
  recalledAt: z.string().nullable(),
  active: z.boolean(),
  abilities: z.object({ recall: z.boolean() }),
});
export type BodyMember = z.infer<typeof BodyMember>;

export const MemberListQuery = z.strictObject({
  active: z.enum(['true', 'false']).optional(),
  coopId: Id.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(100),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type MemberListQuery = z.infer<typeof MemberListQuery>;

export const MemberInput = z.strictObject({ personId: Id, termEnd: z.iso.datetime({ offset: true }).optional() });
export const MemberParams = z.strictObject({ bodyId: Id, memberId: Id });
export const NoBody = z.strictObject({}).optional();

// ── Assemblies ──

export const AgendaItem = z.object({
  proposalId: z.string(),
  title: z.string(),
  status: z.string(),
  position: z.number().int(),
});

export const Assembly = z.object({
  id: z.string(),
  bodyId: z.string(),
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  place: z.string().nullable(),
  videoUrl: z.string().nullable(),
  minutes: z.string().nullable(),
  agenda: z.array(AgendaItem),
  attendanceCount: z.number().int(),
});
export type Assembly = z.infer<typeof Assembly>;

export const AssemblyWithAbilities = Assembly.extend({ abilities: z.object({ manage: z.boolean() }) });

const When = z.iso.datetime({ offset: true });
const VideoUrl = z.url({ protocol: /^https?$/ }).max(500);

export const AssemblyInput = z.strictObject({
  bodyId: Id,
  title: text(200, 2),
  startsAt: When,
  endsAt: When,
  place: text(300).nullable().optional(),
  videoUrl: VideoUrl.nullable().optional(),
});
export type AssemblyInput = z.infer<typeof AssemblyInput>;

export const AssemblyPatch = z.strictObject({
  title: text(200, 2).optional(),
  startsAt: When.optional(),
  endsAt: When.optional(),
  place: text(300).nullable().optional(),
  videoUrl: VideoUrl.nullable().optional(),
  minutes: text(100_000, 0).nullable().optional(),
});
export type AssemblyPatch = z.infer<typeof AssemblyPatch>;

export const AssemblyListQuery = z.strictObject({
  when: z.enum(['upcoming', 'past']).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type AssemblyListQuery = z.infer<typeof AssemblyListQuery>;

export const AgendaInput = z.strictObject({ proposalIds: z.array(Id).max(100) });
export const AttendanceInput = z.strictObject({ personId: Id });
export const AttendanceParams = z.strictObject({ id: Id, personId: Id });
export const AttendanceListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(1000).default(200),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export const Attendee = z.object({ personId: z.string(), displayName: z.string(), coopName: z.string().nullable() });
export type Attendee = z.infer<typeof Attendee>;

// ── Notifications ──

export const Notification = z.object({
  id: z.string(),
  kind: z.string(),
  subjectId: z.string(),
  data: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type Notification = z.infer<typeof Notification>;

export const NotificationListQuery = z.strictObject({
  unread: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type NotificationListQuery = z.infer<typeof NotificationListQuery>;

export const NotificationPage = z.object({
  items: z.array(Notification),
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
  /** unread notifications in all, for a badge */
  unread: z.number().int(),
});
export type NotificationPage = z.infer<typeof NotificationPage>;
