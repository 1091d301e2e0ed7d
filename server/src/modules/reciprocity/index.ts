/**
 * The reciprocity module's door: the monthly accounts between co-ops, the
 * settlement-policy matter, the hold a sale takes on a settled month, and
 * the totals the accounts count (the network's and one co-op's, month and year),
 * settling a month and paying what the fund owes.
 */
export { reciprocityRoutes } from './reciprocity.routes.ts';
export { reciprocityMatters } from './matters.ts';
// Settling a month and paying what the fund owes, inside a caller's transaction (the demo replays its history with them).
export { type Policy as SettlementPolicy, payObligationIn, setPolicyIn, settleMonthIn } from './settlements.service.ts';
export { coopTotals, holdSettlements, type SavedTotals, savedTotals, settledMonthsFrom } from './reciprocity.repository.ts';
