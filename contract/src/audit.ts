/** The coordinators' registers: the audit log and the mail outbox. */
import { z } from 'zod';
import { Id } from './common.ts';

/** A date (the whole day) or a date-time with a zone. */
const When = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

export const AuditQuery = z.strictObject({
  action: z
    .string()
    .max(100)
    .regex(/^[a-z_.]+$/, 'an action such as coop.updated')
    .optional(),
  actorId: Id.optional(),
  subjectId: z.string().max(100).optional(),
  coopId: Id.optional(),
  /** from this moment on (a date means its start) */
  from: When.optional(),
  /** up to and including this moment (a date means its whole day) */
  to: When.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditEvent = z.object({
  id: z.string(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  subjectType: z.string(),
  subjectId: z.string(),
  coopId: z.string().nullable(),
  /** the co-op's name, when the event is about one */
  coopName: z.string().nullable(),
  /**
   * what the subject is called, when it has a name: a person's (or, for a
   * card, an invitation or an API token, the person's), a co-op's (or, for an
   * application, the applicant's), a proposal's, an offer's, an assembly's or
   * a body's
   */
  subjectName: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
});
export type AuditEvent = z.infer<typeof AuditEvent>;

/** People or co-ops to pick for the audit log's filters, by a part of their name (or a person's e-mail). */
export const AuditNameQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type AuditNameQuery = z.infer<typeof AuditNameQuery>;

export const AuditName = z.object({
  id: z.string(),
  name: z.string(),
  /** a person's co-op, or a co-op's status, to tell two of the same name apart */
  detail: z.string().nullable(),
});
export const AuditNames = z.object({ items: z.array(AuditName) });
export type AuditName = z.infer<typeof AuditName>;

export const OutboxMail = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  /** the text shows a secret link (reset, invitation) masked: only its recipient gets it */
  secretHidden: z.boolean(),
  /** a mail with a secret link that will never be sent (no mail server, or every attempt failed) */
  withheld: z.boolean(),
  /**
   * sent; queued (the mail server will be tried again); failed (given up after
   * the last attempt, or its secret link was not kept); kept (no mail server:
   * it stays here, unsent)
   */
  state: z.enum(['sent', 'queued', 'failed', 'kept']),
  /** failed attempts to hand it to the mail server (a sent mail counts those before it went) */
  attempts: z.number().int(),
  /** what the mail server (or the connection to it) said at the last failed attempt */
  lastError: z.string().nullable(),
});
export type OutboxMail = z.infer<typeof OutboxMail>;
