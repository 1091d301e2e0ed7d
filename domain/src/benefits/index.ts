export { instantOfWallClock, lastWholeDay, localDate, localMonth, monthBounds, periodBounds, startOfLocalDay, wallClockValue, type Period } from './calendar.ts';
export {
  MAX_SALE_CENTS,
  discountFor,
  hasCap,
  hasPersonLimit,
  ineligibility,
  limitBreak,
  remaining,
  type Audience,
  type DiscountResult,
  type Holder,
  type IneligibleReason,
  type LimitBreak,
  type Limits,
  type OfferKind,
  type OfferTerms,
  type OfferWindow,
  type Remaining,
  type Usage,
} from './offer-rules.ts';
export { judgeOfflineSale, statusAt, type OfflineFlag } from './offline-sale.ts';
export { laterChoice, reimbursements } from './settlement.ts';
export {
  CLOCK_SKEW_MS,
  OFFLINE_WINDOW_DAYS,
  OLDEST_SALE_DAYS,
  accountingMonth,
  nextMonth,
  offlineSaleTiming,
  type SaleRefusal,
  type SaleTiming,
} from './late-sale.ts';
