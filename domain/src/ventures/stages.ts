/**
 * A venture — a co-op being made — moves through stages, one step at a time:
 * idea → study → founding → launched → member. Forward one step, or back one
 * step with a reason. `member` is not reached by hand: the network admits the
 * co-op (the admission vote), and a member stays a member.
 */
export const STAGES = ['idea', 'study', 'founding', 'launched', 'member'] as const;
export type Stage = (typeof STAGES)[number];

export const NEED_KINDS = ['skill', 'space', 'capital'] as const;
export type NeedKind = (typeof NEED_KINDS)[number];

/** Bounds that keep a venture's page readable. */
export const MAX_NEEDS = 30;
export const MAX_TEAM = 40;

export type StageProblem = 'same' | 'skips' | 'member_by_admission' | 'member_is_final' | 'back_needs_reason';

export type StageMove = { ok: true; direction: 'forward' | 'back' } | { ok: false; problem: StageProblem };

/** Whether a venture at `from` may be moved to `to` by its team (or a coordinator). */
export function stageMove(from: Stage, to: Stage, reason?: string | null): StageMove {
  const a = STAGES.indexOf(from);
  const b = STAGES.indexOf(to);
  if (a === b) return { ok: false, problem: 'same' };
  if (from === 'member') return { ok: false, problem: 'member_is_final' };
  if (to === 'member') return { ok: false, problem: 'member_by_admission' };
  if (Math.abs(a - b) !== 1) return { ok: false, problem: 'skips' };
  if (b < a && !reason?.trim()) return { ok: false, problem: 'back_needs_reason' };
  return { ok: true, direction: b > a ? 'forward' : 'back' };
}

/** The next stage forward, if the team may move it there by hand. */
export function nextStage(from: Stage): Stage | null {
  const next = STAGES[STAGES.indexOf(from) + 1];
  return next && next !== 'member' ? next : null;
}

/** The stage one step back, if there is one a team may go back to. */
export function previousStage(from: Stage): Stage | null {
  if (from === 'member') return null;
  return STAGES[STAGES.indexOf(from) - 1] ?? null;
}

/** Only a launched venture applies to join the network. */
export const mayApplyToJoin = (stage: Stage) => stage === 'launched';
