/**
 * The reciprocity module's door: the monthly accounts between co-ops, the
 * settlement-policy matter, and the hold a sale takes on a settled month.
 */
export { reciprocityRoutes } from './reciprocity.routes.ts';
export { reciprocityMatters } from './matters.ts';
export { holdSettlements, settledMonthsFrom } from './reciprocity.repository.ts';
