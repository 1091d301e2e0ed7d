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

export const Email = z
  .email()
  .max(254)
  .transform((e) => e.toLowerCase());

export const Password = z.string().min(10, 'at least 10 characters').max(200);

export const Locale = z.enum(['en', 'es']);
export type Locale = z.infer<typeof Locale>;

export const Ok = z.object({ ok: z.literal(true) });
