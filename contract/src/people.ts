/** People of the network: a co-op's workers, invitations, imports and roles; oneself (/me). */
import { z } from 'zod';
import { SessionPerson } from './auth.ts';
import { Coop } from './coops.ts';
import { Email, Id, Locale, PersonName } from './common.ts';

export const WorkerStatus = z.enum(['invited', 'active', 'left']);

/** A role held at one co-op. */
export const CoopRole = z.enum(['coop_admin', 'cashier']);

export const Worker = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  status: WorkerStatus,
  roles: z.array(CoopRole),
});
export type Worker = z.infer<typeof Worker>;

export const WorkerListQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  status: WorkerStatus.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type WorkerListQuery = z.infer<typeof WorkerListQuery>;

export const WorkerParams = z.strictObject({ id: Id, personId: Id });

export const InvitationInput = z.strictObject({
  email: Email,
  displayName: PersonName,
  role: z.enum(['worker', 'coop_admin']),
});
export type InvitationInput = z.infer<typeof InvitationInput>;

/**
 * The link itself is never shown to the inviter: it goes only to the invited
 * address. `mailed` is false when no mail server is set up, so the invitation
 * cannot reach them.
 */
export const InvitationCreated = z.object({ id: z.string(), email: z.string(), mailed: z.boolean() });
export type InvitationCreated = z.infer<typeof InvitationCreated>;

export const Invitation = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  role: z.enum(['worker', 'coop_admin', 'coordinator']),
  createdAt: z.string(),
  expiresAt: z.string(),
  acceptedAt: z.string().nullable(),
});
export type Invitation = z.infer<typeof Invitation>;

export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;

/** UTF-8 size without allocating (the contract also runs in the browser, which has no Buffer). */
function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

export const WorkerImportInput = z.strictObject({
  csv: z
    .string()
    .max(MAX_IMPORT_BYTES)
    .refine((s) => utf8Length(s) <= MAX_IMPORT_BYTES, 'at most 2 MB'),
  dryRun: z.boolean().default(false),
});
export type WorkerImportInput = z.infer<typeof WorkerImportInput>;

export const RefusalCode = z.enum([
  'invalid_email',
  'missing_name',
  'name_too_long',
  'duplicate_in_file',
  'already_registered',
]);

export const WorkerImportResult = z.object({
  dryRun: z.boolean(),
  /** data rows in the file (blank rows not counted) */
  total: z.number().int(),
  /** rows that became invited workers; 0 in a dry run */
  imported: z.number().int(),
  refused: z.array(z.object({ line: z.number().int(), email: z.string(), code: RefusalCode, reason: z.string() })),
});
export type WorkerImportResult = z.infer<typeof WorkerImportResult>;

export const RoleInput = z.strictObject({ personId: Id, role: CoopRole });
export const RoleParams = z.strictObject({ id: Id, personId: Id, role: CoopRole });

export const Me = z.object({
  person: SessionPerson,
  locale: Locale.nullable(),
  coop: Coop.nullable(),
});

export const MePatch = z.strictObject({
  displayName: PersonName.optional(),
  locale: Locale.optional(),
});
export type MePatch = z.infer<typeof MePatch>;
