import { describe, expect, it } from 'vitest';
import { countConsent, validateConsentResponse } from './consent.ts';

describe('consent', () => {
  it('passes unless blocked', () => {
    const r = countConsent({
      responses: [{ kind: 'consent' }, { kind: 'stand_aside', reason: 'not my area' }, { kind: 'consent', weight: 3 }],
    });
    expect(r.ok && r.result).toMatchObject({
      outcome: 'passed',
      consents: 4,
      standAsides: 1,
      blocks: 0,
      standAsideReasons: ['not my area'],
    });
  });

  it('is blocked by one block with a reason', () => {
    const r = countConsent({
      responses: [{ kind: 'consent' }, { kind: 'block', reason: '  breaks our principle 3 ' }],
    });
    expect(r.ok && r.result).toMatchObject({ outcome: 'blocked', blocks: 1, blockReasons: ['breaks our principle 3'] });
  });

  it('refuses a block without a reason', () => {
    expect(validateConsentResponse({ kind: 'block', reason: '   ' })?.code).toBe('consent.block_without_reason');
    expect(validateConsentResponse({ kind: 'block', reason: 'why' })).toBeNull();
    const r = countConsent({ responses: [{ kind: 'consent' }, { kind: 'block', reason: '' }] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'consent.block_without_reason', details: { responses: [1] } });
    const odd = countConsent({ responses: [{ kind: 'maybe' } as never] });
    expect(!odd.ok && odd.error.code).toBe('consent.invalid_response');
  });

  it('applies an optional quorum on the frozen electorate', () => {
    const rule = { numerator: 1, denominator: 2, strict: true, abstentionsCount: true, attendanceCounts: false };
    const r = countConsent({ responses: [{ kind: 'consent' }, { kind: 'consent' }], quorum: { rule, electorate: 4 } });
    expect(r.ok && r.result.outcome).toBe('no_quorum');
    const ok = countConsent({
      responses: [{ kind: 'consent' }, { kind: 'consent' }, { kind: 'stand_aside' }],
      quorum: { rule, electorate: 4 },
    });
    expect(ok.ok && ok.result.outcome).toBe('passed');
  });
});
