/** Reciprocity accounts: who gave how much to whose workers, each co-op's net, and the settlement policy. */
import { z } from 'zod';

export const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month as YYYY-MM');

export const MonthQuery = z.strictObject({ month: Month.optional() });

/** `receiverCoopId` null: the network's supporters. */
export const Cell = z.object({ giverCoopId: z.string(), receiverCoopId: z.string().nullable(), count: z.number().int(), cents: z.number().int() });

export const Position = z.object({
  coopId: z.string(),
  coopName: z.string(),
  givenCents: z.number().int(),
  givenCount: z.number().int(),
  receivedCents: z.number().int(),
  receivedCount: z.number().int(),
  /** given − received */
  netCents: z.number().int(),
});

export const Matrix = z.object({
  month: z.string(),
  currency: z.string(),
  coops: z.array(z.object({ id: z.string(), name: z.string() })),
  cells: z.array(Cell),
  positions: z.array(Position),
  totalCents: z.number().int(),
  totalCount: z.number().int(),
});

export const MonthlyTotals = z.object({
  items: z.array(z.object({ month: z.string(), count: z.number().int(), cents: z.number().int() })),
});

export const SettlementPolicyView = z.object({
  policy: z.enum(['none', 'fund_reimburses_givers', 'mutual_credit']),
  thresholdCents: z.number().int().nullable(),
  /** where it came from: a coordinator's setting or a passed proposal */
  source: z.enum(['default', 'coordinator', 'proposal']),
  setAt: z.string().nullable(),
  /** what the reader may do here: change the policy, settle a closed month, pay what the fund owes (treasurers) */
  abilities: z.object({ configure: z.boolean(), settle: z.boolean(), pay: z.boolean() }),
});

export const SettlementPolicyInput = z.strictObject({
  policy: z.enum(['none', 'fund_reimburses_givers']),
  thresholdCents: z.number().int().min(0).max(100_000_000_000).nullable().optional(),
});

export const SettleInput = z.strictObject({ month: Month });

export const Obligation = z.object({
  id: z.string(),
  month: z.string(),
  coopId: z.string(),
  coopName: z.string(),
  netGivenCents: z.number().int(),
  thresholdCents: z.number().int(),
  amountCents: z.number().int(),
  /** paid when the movement paying it is in the fund's ledger */
  status: z.enum(['owed', 'paid']),
  createdAt: z.string(),
  /** the ledger movement that recorded what the fund owes */
  movementId: z.string().nullable(),
  paidAt: z.string().nullable(),
  paidMovementId: z.string().nullable(),
});

/** Paying an obligation pays all of it, on the day the transfer left the fund's bank. */
export const SettlementPaymentInput = z.strictObject({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a day as YYYY-MM-DD') });

export const ObligationList = z.object({ items: z.array(Obligation) });

export type Cell = z.infer<typeof Cell>;
export type Position = z.infer<typeof Position>;
export type Matrix = z.infer<typeof Matrix>;
export type MonthlyTotals = z.infer<typeof MonthlyTotals>;
export type SettlementPolicyView = z.infer<typeof SettlementPolicyView>;
export type SettlementPolicyInput = z.infer<typeof SettlementPolicyInput>;
export type Obligation = z.infer<typeof Obligation>;
export type ObligationList = z.infer<typeof ObligationList>;
export type SettlementPaymentInput = z.infer<typeof SettlementPaymentInput>;
