/**
 * Tie-breaking shared by the stage-by-stage methods: first the rule's own
 * look-back to earlier stages, then the committed lot.
 */
import type { TieBreak } from './types.ts';

export type Want = 'lowest' | 'highest';

export interface TieInput {
  readonly tied: readonly number[];
  /** The stage (1-based) at which the tie arose. */
  readonly stage: number;
  /** votes[k][c]: candidate c's votes at the end of stage k + 1; must cover stages 1..stage − 1. */
  readonly history: readonly (readonly number[])[];
  readonly want: Want;
  readonly lotPos: readonly number[];
  readonly purpose: TieBreak['purpose'];
  /** Renders a vote figure for the explanation. */
  readonly show: (v: number) => string;
  /** Whether the rule looks back at earlier stages at all (default yes). */
  readonly lookBack?: boolean;
}

const list = (cs: readonly number[]) => cs.map((c) => `#${c}`).join(', ');

/**
 * Picks one of `tied`. With look-back: go back from the most recent earlier
 * stage to the first; at the first stage where the still-tied candidates'
 * votes differ, keep only those with the lowest (or highest) votes there; if
 * one is left it is chosen, otherwise keep going back with those still tied.
 * Whoever is still tied after stage 1 is separated by the lot: for 'highest'
 * the candidate earliest in the lot, for 'lowest' the one latest in the lot
 * (the lot favours earlier candidates, and being lowest is the bad outcome).
 */
export function breakTie(t: TieInput): { chosen: number; tieBreak: TieBreak } {
  const sorted = [...t.tied].sort((a, b) => a - b);
  if (sorted.length === 0) throw new Error('breakTie needs at least one candidate');
  let remaining = sorted;
  const steps: string[] = [];
  let lastDecidingStage: number | undefined;
  if (t.lookBack !== false) {
    for (let s = t.stage - 1; s >= 1 && remaining.length > 1; s--) {
      const votes = t.history[s - 1];
      if (!votes) throw new Error(`no figures for stage ${s}`);
      const vs = remaining.map((c) => votes[c]!);
      const target = t.want === 'lowest' ? Math.min(...vs) : Math.max(...vs);
      if (vs.every((v) => v === target)) continue;
      const kept = remaining.filter((c) => votes[c] === target);
      steps.push(
        `at stage ${s} ${list(remaining)} had ${remaining.map((c) => t.show(votes[c]!)).join(', ')}, ` +
          `so ${list(kept)} had the ${t.want === 'lowest' ? 'fewest' : 'most'}`,
      );
      remaining = kept;
      lastDecidingStage = s;
    }
  }
  const head = `${list(sorted)} were tied at stage ${t.stage}`;
  if (remaining.length === 1) {
    const chosen = remaining[0]!;
    return {
      chosen,
      tieBreak: {
        stage: t.stage,
        purpose: t.purpose,
        tied: sorted,
        chosen: [chosen],
        method: 'earlier_stage',
        decidedAtStage: lastDecidingStage!,
        explanation: `${head}; ${steps.join('; ')}: #${chosen} chosen.`,
      },
    };
  }
  const byLot = [...remaining].sort((a, b) => t.lotPos[a]! - t.lotPos[b]!);
  const chosen = t.want === 'highest' ? byLot[0]! : byLot[byLot.length - 1]!;
  const why =
    t.want === 'highest' ? `#${chosen} comes first in the lot` : `#${chosen} comes last in the lot among them`;
  return {
    chosen,
    tieBreak: {
      stage: t.stage,
      purpose: t.purpose,
      tied: sorted,
      chosen: [chosen],
      method: 'lot',
      explanation:
        `${head}; ${steps.length ? `${steps.join('; ')}; ` : ''}` +
        `${t.lookBack === false ? '' : t.stage === 1 ? 'there is no earlier stage; ' : `${list(remaining)} were equal at every earlier stage; `}` +
        `by the lot, ${why}: #${chosen} chosen.`,
    },
  };
}
