/**
 * Matter 'settlement_policy': how reciprocity imbalances between co-ops are
 * settled (none; the fund reimburses givers above a threshold; later, mutual
 * credit), put to a vote through governance's matters seam (registered at
 * start-up, server/src/wiring.ts). Passing it records the choice — an audit
 * event, and the proposal itself: `currentSettlementPolicy` reads the latest
 * passed one, so reciprocity needs no table of its own for it.
 */
import { z } from 'zod';
import type { Executor } from '../../db/database.ts';
import { recordAudit } from '../../platform/audit/audit.repository.ts';
import { type MatterDefinition, lastPassed } from '../governance/index.ts';

export const SettlementPolicy = z.strictObject({
  policy: z.enum(['none', 'fund_reimburses_givers', 'mutual_credit']),
  /** fund_reimburses_givers: what a co-op gives above this (cents a month) is reimbursed */
  thresholdCents: z.number().int().min(0).max(1_000_000_000_000).optional(),
});
export type SettlementPolicy = z.infer<typeof SettlementPolicy>;

const WORDS: Record<SettlementPolicy['policy'], string> = {
  none: 'no settlement between co-ops',
  fund_reimburses_givers: 'the fund reimburses co-ops that give more than a threshold',
  mutual_credit: 'settlement through mutual credit',
};

export const settlementPolicyMatter: MatterDefinition<SettlementPolicy> = {
  matter: 'settlement_policy',
  subject: SettlementPolicy,
  async check() {},
  describe: (s) => `Settlement policy: ${WORDS[s.policy]}${s.thresholdCents !== undefined ? ` (threshold ${s.thresholdCents} cents a month)` : ''}`,
  async apply(trx, ctx, subject) {
    await recordAudit(trx, { actorId: ctx.actorId, action: 'settlement_policy.chosen', subjectType: 'proposal', subjectId: ctx.proposal.id, after: subject });
  },
};

export const reciprocityMatters = [settlementPolicyMatter];

/** The policy the network chose last by a vote, and when; 'none' while it has chosen nothing. */
export async function currentSettlementPolicy(ex: Executor): Promise<SettlementPolicy & { proposalId: string | null; decidedAt: string | null }> {
  const passed = await lastPassed(ex, settlementPolicyMatter);
  if (!passed) return { policy: 'none', proposalId: null, decidedAt: null };
  return { ...passed.subject, proposalId: passed.proposalId, decidedAt: passed.decidedAt };
}
