/** Community programmes: their volunteer shifts, sign-ups and a person's calendar link. */
import { z } from 'zod';
import { Id, name, text } from './common.ts';

export const ProgrammeKind = z.enum(['food_bank', 'breakfast', 'housing', 'mental_health', 'education', 'media']);
export type ProgrammeKind = z.infer<typeof ProgrammeKind>;

export const ProgrammeInput = z.strictObject({
  kind: ProgrammeKind,
  name: name(120),
  description: text(4000),
  /** people who coordinate it: who create its shifts */
  coordinatorIds: z.array(Id).min(1).max(20),
});
export type ProgrammeInput = z.infer<typeof ProgrammeInput>;

const Instant = z.iso.datetime({ offset: true });

export const ShiftInput = z.strictObject({
  title: name(120),
  startsAt: Instant,
  endsAt: Instant,
  places: z.number().int().min(1).max(500),
});
export type ShiftInput = z.infer<typeof ShiftInput>;

export const Shift = z.object({
  id: Id,
  programmeId: Id,
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  places: z.number().int(),
  placesLeft: z.number().int(),
  /** whether the reader is signed up */
  signedUp: z.boolean(),
});
export type Shift = z.infer<typeof Shift>;

export const FigureInput = z.strictObject({
  /** what is counted, in the coordinators' words: "meals served" */
  measure: name(80),
  /** the Monday the week starts */
  weekOf: z.iso.date(),
  value: z.number().int().min(0).max(10_000_000),
});
export type FigureInput = z.infer<typeof FigureInput>;

export const Figure = z.object({ measure: z.string(), weekOf: z.string(), value: z.number().int() });
export type Figure = z.infer<typeof Figure>;

export const Programme = z.object({
  id: Id,
  kind: ProgrammeKind,
  name: z.string(),
  description: z.string(),
  coordinators: z.array(z.object({ id: Id, name: z.string() })),
  shifts: z.array(Shift),
  /** the last half year of reported figures, oldest first */
  figures: z.array(Figure),
  /** whether the reader may create its shifts */
  canAddShifts: z.boolean(),
  /** its budget granted from the fund: the sum of the ledger's `programme` movements that name it */
  fromFundCents: z.number().int(),
});
export type Programme = z.infer<typeof Programme>;

export const ProgrammeSummary = Programme.pick({ id: true, kind: true, name: true, description: true });
export const ProgrammeList = z.object({ items: z.array(ProgrammeSummary) });

export const ShiftParams = z.strictObject({ id: Id, shiftId: Id });

export const CalendarLink = z.object({
  /** the secret, shown once: the link's last part */
  token: z.string(),
  path: z.string(),
});
export const CalendarParams = z.strictObject({ token: z.string().regex(/^[A-Za-z0-9_-]{32,64}\.ics$/) });
