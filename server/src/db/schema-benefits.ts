/** Table types of reciprocal benefits (migration 0006). Money in cents. */
export type OfferKind = 'percent' | 'amount' | 'free_item';
export type OfferStatus = 'active' | 'paused' | 'ended';
export type LimitPeriod = 'day' | 'week' | 'month';

export interface OfferTable {
  id: string;
  coop_id: string;
  title: string;
  terms: string;
  kind: OfferKind;
  /** percent: 1..100 */
  percent: number | null;
  /** amount: taken off each sale; free_item: the item's value */
  amount_cents: number | null;
  /** free_item: what is given */
  item: string | null;
  /** percent: the most one sale can take off */
  max_discount_cents: number | null;
  min_sale_cents: number | null;
  /** 1: workers of other member co-ops may use it */
  for_workers: number;
  /** 1: community supporters may use it */
  for_supporters: number;
  /** JSON array of sectors whose workers may use it; [] = every sector */
  sectors_json: string;
  limit_period: LimitPeriod | null;
  /** uses per person per period */
  limit_count: number | null;
  /** discount per person per period */
  limit_cents: number | null;
  /** uses of the whole offer per calendar month */
  cap_count: number | null;
  /** discount of the whole offer per calendar month (the budget) */
  cap_cents: number | null;
  /** YYYY-MM-DD in the network's time zone, inclusive */
  valid_from: string | null;
  valid_until: string | null;
  status: OfferStatus;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  ended_at: string | null;
}

export type RedemptionFlag =
  | 'limit_exceeded'
  | 'cap_exceeded'
  | 'card_revoked'
  | 'card_expired'
  | 'offer_closed'
  | 'not_eligible'
  | 'synced_late';

/** The co-op admin's decision on a flagged redemption (migration 0008); null: not decided yet, so it does not count. */
export type FlagDecision = 'accepted' | 'rejected';

export interface RedemptionTable {
  id: string;
  offer_id: string;
  /** the co-op that gave the discount */
  coop_id: string;
  card_id: string;
  person_id: string;
  /** the holder's co-op; null for a supporter */
  holder_coop_id: string | null;
  holder_kind: 'worker' | 'supporter';
  sale_cents: number;
  discount_cents: number;
  /** when it happened at the till (offline: the till's clock) */
  redeemed_at: string;
  /** YYYY-MM of redeemed_at in the network's time zone: the month its limits and the offer's cap count it in */
  month: string;
  /**
   * YYYY-MM the reciprocity accounts count it in (migration 0008): `month`,
   * or the next month not settled when `month` was settled before it arrived
   */
  accounting_month: string;
  recorded_at: string;
  cashier_id: string | null;
  offline: number;
  /** set when an offline redemption broke a rule at sync; recorded, shown to the co-op admin */
  flag: RedemptionFlag | null;
  /** a flagged redemption counts in the accounts only once accepted */
  flag_decision: FlagDecision | null;
  /** when and by whom the flag was decided */
  flag_resolved_at: string | null;
  flag_resolved_by: string | null;
  /** unique per giving co-op: a retried request records once */
  idempotency_key: string;
}

export interface SettlementObligationTable {
  id: string;
  month: string;
  coop_id: string;
  net_given_cents: number;
  threshold_cents: number;
  /** what the fund owes the co-op */
  amount_cents: number;
  /** the ledger movement that recorded what the fund owes (shared by up to 49 obligations of a month) */
  movement_id: string | null;
  created_by: string | null;
  created_at: string;
}

/** An obligation paid: once, by the movement from the fund's bank to the co-op. */
export interface SettlementPaymentTable {
  obligation_id: string;
  movement_id: string;
  cents: number;
  /** the day the transfer left the fund's bank (the movement's date) */
  date: string;
  idempotency_key: string;
  paid_by: string | null;
  paid_at: string;
}

export interface SettlementPolicyChangeTable {
  id: string;
  policy: 'none' | 'fund_reimburses_givers';
  threshold_cents: number | null;
  set_by: string | null;
  set_at: string;
}

export interface BenefitTables {
  offers: OfferTable;
  redemptions: RedemptionTable;
  settlement_obligations: SettlementObligationTable;
  settlement_policy_changes: SettlementPolicyChangeTable;
  settlement_payments: SettlementPaymentTable;
}
