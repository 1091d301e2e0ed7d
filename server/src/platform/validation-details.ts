/**
 * One detail of a `validation_failed` answer: where (`path`), the schema's own
 * words (`message`, English, for developers), and why in a form a client can
 * put into its reader's language (`reason` and its bounds).
 */
export interface ValidationDetail {
  path: string;
  message: string;
  /**
   * required, too_small, too_big, invalid_format, invalid_type, invalid_value,
   * unrecognized_keys, not_multiple_of, custom, … (zod's issue codes, and
   * `required` for a missing value)
   */
  reason?: string;
  /** too_small: the least allowed (characters for text, items for a list, the number itself for a number) */
  minimum?: number;
  /** too_big: the most allowed */
  maximum?: number;
  /** too_small/too_big: whether the bound itself is allowed */
  inclusive?: boolean;
  /** too_small/too_big: the length must be exactly the bound */
  exact?: boolean;
  /** too_small/too_big: what was measured: string, array, number, … */
  origin?: string;
  /** invalid_format: email, url, regex, date, datetime, … */
  format?: string;
  /** invalid_type: the expected type */
  expected?: string;
}

/** What fastify-type-provider-zod hands the error handler for each zod issue. */
interface SchemaIssue {
  keyword?: string;
  message?: string;
  params?: Record<string, unknown>;
}

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const word = (v: unknown): string | undefined =>
  typeof v === 'string' && /^[a-z_]{1,40}$/i.test(v) ? v : undefined;

/** The reason and bounds of one issue; a missing value is `required`, whatever type was expected. */
export function reasonOf(issue: SchemaIssue): Omit<ValidationDetail, 'path' | 'message'> {
  const code = word(issue.keyword) ?? 'invalid';
  const p = issue.params ?? {};
  if (code === 'invalid_type' && /received undefined$/.test(issue.message ?? '')) return { reason: 'required' };
  const out: Omit<ValidationDetail, 'path' | 'message'> = { reason: code };
  const fields = {
    minimum: num(p.minimum),
    maximum: num(p.maximum),
    inclusive: typeof p.inclusive === 'boolean' ? p.inclusive : undefined,
    exact: p.exact === true ? true : undefined,
    origin: word(p.origin),
    format: word(p.format),
    expected: word(p.expected),
  };
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) Object.assign(out, { [k]: v });
  return out;
}
