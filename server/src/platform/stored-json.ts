/**
 * Reading back JSON the server stored itself (a frozen rule, a ballot box, a
 * notice's data) with the schema it was written to, instead of trusting a
 * cast. A mismatch is our fault, not the caller's: a plain Error, so the
 * answer is a 500 that shows nothing, never a 400 about the request.
 */
import { z } from 'zod';

/** The stored text parsed and checked; `what` names the column in the error (e.g. 'proposals.rule_json'). */
export function parseStored<S extends z.ZodType>(schema: S, text: string, what: string): z.output<S> {
  const parsed = schema.safeParse(JSON.parse(text));
  if (!parsed.success) {
    const where = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new Error(`stored ${what} does not fit its schema: ${where}`);
  }
  return parsed.data;
}

const Strings = z.array(z.string());

/** A stored list of strings (a token's scopes, an offer's sectors). */
export const parseStoredStrings = (text: string, what: string): string[] => parseStored(Strings, text, what);
