import { describe, expect, it } from 'vitest';
import { nextStage, offerAfter, previousStage, stageMove } from './index.ts';

describe('a venture’s stages', () => {
  it('moves forward one step at a time, never skipping', () => {
    expect(stageMove('idea', 'study')).toEqual({ ok: true, direction: 'forward' });
    expect(stageMove('founding', 'launched')).toEqual({ ok: true, direction: 'forward' });
    expect(stageMove('idea', 'founding')).toEqual({ ok: false, problem: 'skips' });
    expect(stageMove('launched', 'idea', 'start again')).toEqual({ ok: false, problem: 'skips' });
    expect(stageMove('study', 'study')).toEqual({ ok: false, problem: 'same' });
  });

  it('goes back one step only with a reason', () => {
    expect(stageMove('study', 'idea')).toEqual({ ok: false, problem: 'back_needs_reason' });
    expect(stageMove('study', 'idea', '   ')).toEqual({ ok: false, problem: 'back_needs_reason' });
    expect(stageMove('study', 'idea', 'the study found no market')).toEqual({ ok: true, direction: 'back' });
  });

  it('becomes a member only by the network’s admission, and stays one', () => {
    expect(stageMove('launched', 'member')).toEqual({ ok: false, problem: 'member_by_admission' });
    expect(stageMove('member', 'launched', 'oops')).toEqual({ ok: false, problem: 'member_is_final' });
    expect(nextStage('launched')).toBeNull();
    expect(nextStage('idea')).toBe('study');
    expect(previousStage('idea')).toBeNull();
    expect(previousStage('member')).toBeNull();
    expect(previousStage('launched')).toBe('founding');
  });
});

describe('an offer of help', () => {
  it('is accepted or declined once, while open', () => {
    expect(offerAfter('open', 'accept')).toBe('accepted');
    expect(offerAfter('open', 'decline')).toBe('declined');
    expect(offerAfter('accepted', 'accept')).toBeNull();
    expect(offerAfter('declined', 'accept')).toBeNull();
    expect(offerAfter('withdrawn', 'decline')).toBeNull();
  });

  it('is withdrawn by who offered while open or accepted', () => {
    expect(offerAfter('open', 'withdraw')).toBe('withdrawn');
    expect(offerAfter('accepted', 'withdraw')).toBe('withdrawn');
    expect(offerAfter('declined', 'withdraw')).toBeNull();
  });
});
