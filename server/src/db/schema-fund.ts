/** Table types of the solidarity fund's ledger (migration 0011). Money in cents; '' where a line has no sub-fund or co-op. */
import type { fund, ledger } from '@coopnet/domain';

export interface LedgerAccountTable {
  code: string;
  type: ledger.AccountType;
  no_overdraft: number;
  name_en: string;
  name_es: string;
  created_at: string;
}

export interface LedgerSubFundTable {
  code: string;
  name_en: string;
  name_es: string;
  /** the order people read them in */
  position: number;
  minimum_cents: number;
  /** kept: the credit-side sum of its entries */
  balance_cents: number;
  created_at: string;
  updated_at: string;
}

export interface LedgerBooksTable {
  id: number;
  closed_through: string | null;
  last_seq: number;
  updated_at: string;
  updated_by: string | null;
}

export interface LedgerMovementTable {
  id: string;
  seq: number;
  kind: ledger.MovementKind;
  date: string;
  reason: string;
  decision_kind: ledger.Decision['kind'] | null;
  decision_id: string | null;
  reverses_id: string | null;
  actor_id: string | null;
  posted_at: string;
  idempotency_key: string;
  request_hash: string;
  /** the community programme a `programme` movement is for (migration 0022), or null */
  programme_id: string | null;
}

export interface LedgerEntryTable {
  movement_id: string;
  line: number;
  account_code: string;
  sub_fund: string;
  coop_id: string;
  cents: number;
}

export interface LedgerBalanceTable {
  account_code: string;
  sub_fund: string;
  coop_id: string;
  cents: number;
}

export interface LedgerMonthTable {
  month: string;
  account_code: string;
  sub_fund: string;
  debit_cents: number;
  credit_cents: number;
}

export interface FundApplicationTable {
  id: string;
  coop_id: string;
  kind: fund.ApplicationKind;
  amount_cents: number;
  purpose: string;
  plan: string;
  /** 1: the fund's public list of grants and loans does not name the co-op (never hides the amount) */
  recipient_hidden: number;
  repayment: string | null;
  sub_fund: string;
  track: 'committee' | 'assembly';
  approvals_needed: number | null;
  due_at: string | null;
  status: 'open' | 'approved' | 'declined' | 'paid' | 'withdrawn';
  applied_by: string;
  created_at: string;
  decided_at: string | null;
  paid_movement_id: string | null;
  paid_by: string | null;
  paid_at: string | null;
  /** a loan application's proposed terms (JSON: termMonths, rateBasisPoints, graceMonths, schedule) */
  loan_terms_json: string | null;
}

export interface FundApprovalTable {
  application_id: string;
  person_id: string;
  decision: 'approve' | 'decline';
  note: string | null;
  at: string;
}

export interface FundObligationTable {
  id: string;
  coop_id: string;
  period: string;
  /** a month's dues (period YYYY-MM) or a share of the year's surplus (period YYYY) */
  kind: 'monthly_due' | 'surplus_share';
  amount_cents: number;
  reference: string;
  due_date: string;
  movement_id: string;
  created_by: string | null;
  created_at: string;
}

export interface FundPaymentTable {
  id: string;
  obligation_id: string;
  movement_id: string;
  cents: number;
  paid_on: string;
  bank_line: string | null;
  recorded_by: string | null;
  recorded_at: string;
}

/** A co-op's yearly accounts as declared (migration 0017): the surplus whose share it owes. */
export interface FundSurplusDeclarationTable {
  id: string;
  coop_id: string;
  year: number;
  closed_on: string;
  surplus_cents: number;
  share_basis_points: number;
  obligation_id: string | null;
  declared_by: string | null;
  declared_at: string;
  corrected_by: string | null;
  corrected_at: string | null;
}

/** A voluntary gift to the fund (migration 0017). */
export interface FundGiftTable {
  id: string;
  movement_id: string;
  giver_kind: 'coop' | 'named' | 'anonymous';
  giver_coop_id: string | null;
  giver_name: string | null;
  name_public: number;
  cents: number;
  received_on: string;
  sub_fund: string;
  note: string;
  recorded_by: string | null;
  recorded_at: string;
}

/** A reminder mailed of an overdue obligation, once per stage (migration 0017). */
export interface FundReminderTable {
  obligation_id: string;
  stage: number;
  recipients: number;
  sent_at: string;
}

export interface FundLoanTable {
  id: string;
  application_id: string;
  coop_id: string;
  principal_cents: number;
  rate_basis_points: number;
  term_months: number;
  grace_months: number;
  schedule: fund.LoanSchedule;
  reference: string;
  disbursed_on: string;
  interest_through: string;
  interest_unpaid_cents: number;
  written_off_cents: number;
  written_off_movement_id: string | null;
  created_at: string;
  /** revenue_share: basis points of each month's revenue (migration 0016) */
  share_basis_points: number | null;
}

/** A change to a loan that moves no money (migration 0016): a freeze, its end, a reschedule, the month it became viable. */
export interface FundLoanChangeTable {
  id: string;
  loan_id: string;
  kind: 'freeze' | 'unfreeze' | 'reschedule' | 'viable';
  effective_on: string;
  term_months: number | null;
  grace_months: number | null;
  reason: string;
  decision_kind: 'proposal' | null;
  decision_id: string | null;
  recorded_by: string | null;
  recorded_at: string;
}

/** A month's revenue declared for a revenue-share loan (migration 0016); the latest for a month stands. */
export interface FundLoanRevenueTable {
  id: string;
  loan_id: string;
  month: string;
  revenue_cents: number;
  declared_by: string | null;
  declared_at: string;
}

export interface FundLoanRepaymentTable {
  id: string;
  loan_id: string;
  movement_id: string;
  paid_on: string;
  interest_cents: number;
  principal_cents: number;
  bank_line: string | null;
  recorded_by: string | null;
  recorded_at: string;
}

/** A sub-fund's budget for a year, one row per version (migration 0018): the latest is the budget. */
export interface FundBudgetTable {
  id: string;
  year: number;
  sub_fund: string;
  version: number;
  spend_cents: number;
  receive_cents: number | null;
  note: string | null;
  set_by: string | null;
  set_at: string;
}

/** A notice the fund's clock sent (migration 0019): each goes once. */
export interface FundNoticeSentTable {
  subject_id: string;
  notice: 'fast_track_reminder' | 'fast_track_overdue' | 'arrears_30' | 'arrears_60' | 'arrears_90';
  /** for arrears, the day the loan fell behind; '' otherwise */
  since: string;
  sent_at: string;
}

export interface FundTables {
  ledger_accounts: LedgerAccountTable;
  ledger_sub_funds: LedgerSubFundTable;
  ledger_books: LedgerBooksTable;
  ledger_movements: LedgerMovementTable;
  ledger_entries: LedgerEntryTable;
  ledger_balances: LedgerBalanceTable;
  ledger_months: LedgerMonthTable;
  fund_applications: FundApplicationTable;
  fund_approvals: FundApprovalTable;
  fund_obligations: FundObligationTable;
  fund_payments: FundPaymentTable;
  fund_surplus_declarations: FundSurplusDeclarationTable;
  fund_gifts: FundGiftTable;
  fund_reminders: FundReminderTable;
  fund_loans: FundLoanTable;
  fund_loan_repayments: FundLoanRepaymentTable;
  fund_loan_changes: FundLoanChangeTable;
  fund_loan_revenues: FundLoanRevenueTable;
  fund_budgets: FundBudgetTable;
  fund_notices_sent: FundNoticeSentTable;
}
