import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseStored } from './stored-json.ts';

describe('parseStored', () => {
  const Rule = z.strictObject({ method: z.enum(['yes_no', 'irv']), seats: z.number().int() });

  it('returns the stored value as its schema reads it', () => {
    expect(parseStored(Rule, '{"method":"irv","seats":2}', 'proposals.rule_json')).toEqual({ method: 'irv', seats: 2 });
  });

  it('refuses a stored value that does not fit, naming the column and the place, as a plain error', () => {
    let error: unknown;
    try {
      parseStored(Rule, '{"method":"borda","seats":2}', 'proposals.rule_json');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(z.ZodError);
    expect((error as Error).message).toMatch(/^stored proposals\.rule_json does not fit its schema: method: /);
  });
});
