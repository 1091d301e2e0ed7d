/** Participatory budgeting of the programmes sub-fund: rounds, projects, allocations and results (decision 0026). */
import { z } from 'zod';
import { Id, name, text } from './common.ts';

const Day = z.iso.date();
/** whole cents, at most a hundred billion */
const Cents = z.number().int().min(0).max(10_000_000_000_000);

export const RoundPhase = z.enum(['before', 'proposals', 'between', 'allocation', 'due', 'closed']);
export type RoundPhase = z.infer<typeof RoundPhase>;

export const RoundInput = z.strictObject({
  title: name(120),
  amountCents: Cents,
  /** the most one member may give one project */
  capCents: Cents,
  proposalsFrom: Day,
  proposalsUntil: Day,
  allocationFrom: Day,
  allocationUntil: Day,
});
export type RoundInput = z.infer<typeof RoundInput>;

export const ProjectInput = z.strictObject({
  title: name(120),
  description: text(2000),
  minimumCents: Cents,
  maximumCents: Cents,
  /** the community programme it funds, if any */
  programmeId: Id.nullable().default(null),
});
export type ProjectInput = z.input<typeof ProjectInput>;

export const AllocationInput = z.strictObject({
  lines: z.array(z.strictObject({ projectId: Id, cents: z.number().int() })).max(200),
});
export type AllocationInput = z.infer<typeof AllocationInput>;

export const Project = z.object({
  id: Id,
  title: z.string(),
  description: z.string(),
  minimumCents: z.number().int(),
  maximumCents: z.number().int(),
  programme: z.object({ id: Id, name: z.string() }).nullable(),
  /** after the close only: what members gave it, and what it was granted */
  totalCents: z.number().int().nullable(),
  grantedCents: z.number().int().nullable(),
});
export type Project = z.infer<typeof Project>;

export const RoundSummary = z.object({
  id: Id,
  title: z.string(),
  amountCents: z.number().int(),
  capCents: z.number().int(),
  members: z.number().int(),
  shareCents: z.number().int(),
  proposalsFrom: z.string(),
  proposalsUntil: z.string(),
  allocationFrom: z.string(),
  allocationUntil: z.string(),
  phase: RoundPhase,
  /** after the close only: what was granted in all */
  grantedCents: z.number().int().nullable(),
});
export type RoundSummary = z.infer<typeof RoundSummary>;

export const Round = RoundSummary.extend({
  projects: z.array(Project),
  /** whether the reader may allocate in this round (a member when it opened) */
  eligible: z.boolean(),
  /** the reader's own allocation; never anyone else's */
  mine: z.array(z.object({ projectId: Id, cents: z.number().int() })),
  canPropose: z.boolean(),
  canClose: z.boolean(),
});
export type Round = z.infer<typeof Round>;

export const RoundList = z.object({ items: z.array(RoundSummary), canOpen: z.boolean() });
export type RoundList = z.infer<typeof RoundList>;
