/** Shapes every part of the API shares: ids, paging, errors. */
import { z } from 'zod';

export const Id = z.uuid();
export const IdParams = z.strictObject({ id: Id });

export const PageQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type PageQuery = z.infer<typeof PageQuery>;

export const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), limit: z.number().int(), offset: z.number().int() });
/** A page of `T`s as `page(item)` describes it. */
export type Page<T> = z.infer<ReturnType<typeof page<z.ZodType<T>>>>;

export const ErrorBody = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

/** Text a person types: trimmed, bounded, no control characters. */
export const text = (max: number, min = 1) =>
  z
    .string()
    .trim()
    .min(min)
    .max(max)
    .regex(/^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]*$/, 'contains control characters');

/**
 * What a name may not contain: control characters (C0 and C1), and the
 * characters that hide or reorder what a reader sees: bidirectional controls
 * (U+061C, U+200E-U+200F, U+202A-U+202E, U+2066-U+2069), zero-width characters
 * (U+200B-U+200D, U+2060, U+FEFF, U+180E), the soft hyphen and line separators.
 */
const HIDDEN_OR_CONTROL =
  /^[^\u0000-\u001F\u007F-\u009F\u00AD\u061C\u180E\u200B-\u200F\u2028-\u202E\u2060-\u2069\uFEFF]*$/;

/**
 * A name people read (a person's display name, a co-op's name): normalised to
 * NFC, trimmed, bounded, and refused when it holds control, bidirectional
 * override or zero-width characters, so two names that look alike are alike.
 */
export const name = (max: number, min = 1) =>
  z
    .string()
    .overwrite((s) => s.normalize('NFC'))
    .trim()
    .min(min)
    .max(max)
    .regex(HIDDEN_OR_CONTROL, 'contains control, bidirectional or invisible characters');

/** The name a person shows. */
export const PersonName = name(120);

export const Email = z
  .email()
  .max(254)
  .transform((e) => e.toLowerCase());

/**
 * A new password (sign-up, reset, invitation, change): 10 to 200 characters,
 * none of them a control character, which no one could type at sign-in.
 */
export const Password = z
  .string()
  .min(10, 'at least 10 characters')
  .max(200)
  .regex(/^[^\u0000-\u001F\u007F-\u009F]*$/, 'contains control characters');

/**
 * The key a client gives a write it may retry (the `Idempotency-Key` header, an
 * offline sale's key): 8–100 visible ASCII characters, e.g. a UUID, the same on
 * every retry of that write. One rule for every retried write (decision 0014).
 */
export const IdempotencyKey = z
  .string()
  .min(8)
  .max(100)
  .regex(/^[\x21-\x7E]+$/, 'visible ASCII characters only')
  .describe('8–100 visible ASCII characters, e.g. a UUID; the same on every retry');

export const Locale = z.enum(['en', 'es']);
export type Locale = z.infer<typeof Locale>;

export const Ok = z.object({ ok: z.literal(true) });
export type Ok = z.infer<typeof Ok>;
