/**
 * The solidarity fund's ledger: its sub-funds and accounts with their
 * balances, movements (balanced lines in integer cents, debit positive),
 * reversals and the books' closed date.
 */
import { z } from 'zod';
import { Id, name, text } from './common.ts';

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a day as YYYY-MM-DD');
const Names = z.object({ en: z.string(), es: z.string() });

export const AccountCode = z
  .string()
  .max(200)
  .regex(
    /^(assets|liabilities|equity|income|expenses)(:[a-z0-9][a-z0-9-]{0,39}){1,4}$/,
    'an account code such as assets:bank',
  );
export const SubFundCode = z
  .string()
  .max(40)
  .regex(/^[a-z][a-z0-9-]{0,39}$/, 'a sub-fund code such as emergency');

export const MovementKind = z.enum([
  'opening',
  'contribution',
  'gift',
  'grant',
  'loan',
  'repayment',
  'interest',
  'write-off',
  'transfer',
  'programme',
  'settlement',
  'adjustment',
  'reversal',
]);
/** The kinds a treasurer posts by hand; a reversal is made by reversing a movement. */
export const PostedKind = MovementKind.exclude(['reversal']);

/** A movement posted by hand rests on a passed proposal; an approval is named only by the payment of its application. */
export const Decision = z.strictObject({ kind: z.enum(['proposal']), id: Id });

export const LineInput = z.strictObject({
  account: AccountCode,
  subFund: SubFundCode.nullable().default(null),
  coopId: Id.nullable().default(null),
  /** debit positive, credit negative, whole cents */
  cents: z.number().int(),
});

export const MovementInput = z.strictObject({
  kind: PostedKind,
  date: Day,
  reason: text(500),
  decision: Decision.nullable().default(null),
  lines: z.array(LineInput).min(2).max(50),
});
export type MovementInput = z.infer<typeof MovementInput>;

export const ReversalInput = z.strictObject({ reason: text(500), decision: Decision.nullable().default(null) });
export type ReversalInput = z.infer<typeof ReversalInput>;

export const Line = z.object({
  account: z.string(),
  subFund: z.string().nullable(),
  coopId: z.string().nullable(),
  coopName: z.string().nullable(),
  cents: z.number().int(),
});

export const Movement = z.object({
  id: z.string(),
  seq: z.number().int(),
  kind: MovementKind,
  date: z.string(),
  reason: z.string(),
  decision: z.object({ kind: z.enum(['proposal', 'approval', 'round']), id: z.string() }).nullable(),
  reverses: z.string().nullable(),
  reversedBy: z.string().nullable(),
  postedBy: z.string().nullable(),
  postedAt: z.string(),
  lines: z.array(Line),
});
export type Movement = z.infer<typeof Movement>;

export const MovementList = z.object({
  items: z.array(Movement),
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
});

export const MovementQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});

export const SubFund = z.object({
  code: z.string(),
  names: Names,
  balanceCents: z.number().int(),
  minimumCents: z.number().int(),
});

export const AccountBalance = z.object({
  code: z.string(),
  type: z.enum(['assets', 'liabilities', 'equity', 'income', 'expenses']),
  names: Names,
  subFund: z.string().nullable(),
  /** as the account's type reads it: what an asset holds, what a liability owes, what an income brought */
  balanceCents: z.number().int(),
});

export const FundView = z.object({
  currency: z.string(),
  closedThrough: z.string().nullable(),
  subFunds: z.array(SubFund),
  /** the sub-funds' balances together: what the fund is worth */
  totalCents: z.number().int(),
  accounts: z.array(AccountBalance),
  /** the last twelve months of the books, oldest first: money into and out of the fund's bank accounts */
  months: z.array(z.object({ month: z.string(), inCents: z.number().int(), outCents: z.number().int() })),
  abilities: z.object({ movements: z.boolean(), post: z.boolean(), closeBooks: z.boolean(), export: z.boolean() }),
});
export type FundView = z.infer<typeof FundView>;

export const BooksInput = z.strictObject({ closedThrough: Day });

// ── Applications ──

export const ApplicationKind = z.enum(['emergency_grant', 'loan', 'seed_capital', 'programme']);
export const LoanSchedule = z.enum(['fixed', 'revenue_share', 'when_viable']);

/** A loan's terms: simple yearly interest in hundredths of a percent (0 by default, never compounding). */
export const LoanTerms = z.strictObject({
  termMonths: z.number().int().min(1).max(240),
  rateBasisPoints: z.number().int().min(0).max(2_000).default(0),
  graceMonths: z.number().int().min(0).max(60).default(0),
  schedule: LoanSchedule.default('fixed'),
  /** a revenue_share loan: basis points of each month's revenue (500 = 5 %) */
  shareBasisPoints: z.number().int().min(1).max(10_000).optional(),
});

export const ApplicationInput = z
  .strictObject({
    coopId: Id,
    kind: ApplicationKind,
    amountCents: z.number().int().min(100).max(10_000_000_000_000),
    purpose: text(1000),
    plan: text(4000),
    /** a loan's proposed terms and how the co-op will repay */
    loan: LoanTerms.optional(),
    repayment: text(2000).optional(),
    /** the fund's public list shows the amount but not the co-op */
    hideRecipient: z.boolean().default(false),
  })
  .refine((a) => a.kind !== 'loan' || a.loan !== undefined, { message: 'a loan says its terms', path: ['loan'] })
  .refine((a) => a.loan?.schedule !== 'revenue_share' || a.loan.shareBasisPoints !== undefined, {
    message: 'a share of revenue says the share',
    path: ['loan', 'shareBasisPoints'],
  });
export type ApplicationInput = z.infer<typeof ApplicationInput>;

export const AnswerInput = z.strictObject({ decision: z.enum(['approve', 'decline']), note: text(1000).optional() });

export const ApplicationStatus = z.enum(['open', 'approved', 'declined', 'paid', 'withdrawn']);

export const FundApplication = z.object({
  id: z.string(),
  coopId: z.string(),
  coopName: z.string(),
  kind: ApplicationKind,
  amountCents: z.number().int(),
  purpose: z.string(),
  plan: z.string(),
  subFund: z.string(),
  /** who decides: the fund committee (so many approvals, by a deadline on the fast track) or the assembly */
  track: z.object({
    by: z.enum(['committee', 'assembly']),
    approvalsNeeded: z.number().int().nullable(),
    dueAt: z.string().nullable(),
    /** open past its fast-track deadline: the committee still decides it (decision 0023) */
    overdue: z.boolean(),
  }),
  status: ApplicationStatus,
  appliedBy: z.string().nullable(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
  answers: z.array(
    z.object({
      personName: z.string(),
      decision: z.enum(['approve', 'decline']),
      note: z.string().nullable(),
      at: z.string(),
    }),
  ),
  payment: z.object({ movementId: z.string(), paidBy: z.string().nullable(), paidAt: z.string() }).nullable(),
  loan: z.object({ termMonths: z.number().int(), rateBasisPoints: z.number().int(), graceMonths: z.number().int(), schedule: LoanSchedule, shareBasisPoints: z.number().int().optional() }).nullable(),
  repayment: z.string().nullable(),
  hideRecipient: z.boolean(),
  /** the loan, once paid out */
  loanId: z.string().nullable(),
  /** what the reader may do with it now */
  abilities: z.object({ answer: z.boolean(), pay: z.boolean() }),
});
export type FundApplication = z.infer<typeof FundApplication>;

export const ApplicationList = z.object({ items: z.array(FundApplication) });

// ── Contributions ──

const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month as YYYY-MM');

export const GenerateInput = z.strictObject({ period: Month });
export const GenerateResult = z.object({
  period: z.string(),
  created: z.number().int(),
  skipped: z.number().int(),
  totalCents: z.number().int(),
});

export const Obligation = z.object({
  id: z.string(),
  coopId: z.string(),
  coopName: z.string(),
  period: z.string(),
  kind: z.enum(['monthly_due', 'surplus_share']),
  amountCents: z.number().int(),
  paidCents: z.number().int(),
  outstandingCents: z.number().int(),
  reference: z.string(),
  dueDate: z.string(),
  overdue: z.boolean(),
});
export type Obligation = z.infer<typeof Obligation>;
export const ObligationList = z.object({ items: z.array(Obligation) });
export const ObligationQuery = z.strictObject({
  period: z.union([Month, z.string().regex(/^\d{4}$/, 'a year as YYYY')]).optional(),
  coopId: Id.optional(),
  kind: z.enum(['monthly_due', 'surplus_share']).optional(),
});

/** A month's dues, generated a batch of co-ops at a time: the co-ops after `after` (by id), up to 50. */
export const DuesBatchInput = z.strictObject({ period: Month, after: Id.optional() });
export const DuesBatchResult = z.object({
  period: z.string(),
  /** member co-ops in all, and how many of them this and the earlier batches went through */
  total: z.number().int(),
  done: z.number().int(),
  /** the `after` of the next batch; null when every co-op has been gone through */
  next: z.string().nullable(),
  created: z.number().int(),
  totalCents: z.number().int(),
});

// ── The yearly share of surplus ──

const Year = z.number().int().min(2000).max(2100);
const SignedCents = z.number().int().min(-10_000_000_000_000).max(10_000_000_000_000);

/** A co-op's year's accounts: the day they closed and the surplus (a loss negative). */
export const SurplusInput = z.strictObject({ year: Year, closedOn: Day, surplusCents: SignedCents });
export const SurplusCorrectionInput = z.strictObject({
  closedOn: Day,
  surplusCents: SignedCents,
  reason: text(500),
});
export const SurplusCoopParams = z.strictObject({ coopId: Id });
export const SurplusParams = z.strictObject({ coopId: Id, year: z.coerce.number().pipe(Year) });
export const SurplusDeclaration = z.object({
  coopId: z.string(),
  year: z.number().int(),
  closedOn: z.string(),
  surplusCents: z.number().int(),
  shareBasisPoints: z.number().int(),
  obligation: Obligation.nullable(),
  declaredAt: z.string(),
  correctedAt: z.string().nullable(),
});
export type SurplusDeclaration = z.infer<typeof SurplusDeclaration>;
export const SurplusDeclarationList = z.object({ items: z.array(SurplusDeclaration) });

// ── Voluntary gifts ──

export const GiftInput = z
  .strictObject({
    /** a co-op of the network, a named person or organisation, or someone who gave no name */
    giverKind: z.enum(['coop', 'named', 'anonymous']),
    coopId: Id.optional(),
    giverName: name(200).optional(),
    /** a named giver who agreed to be named on the public page */
    namePublic: z.boolean().default(false),
    cents: z.number().int().min(1).max(10_000_000_000_000),
    date: Day,
    subFund: SubFundCode,
    note: text(500, 0).default(''),
  })
  .refine((g) => g.giverKind !== 'coop' || g.coopId !== undefined, { message: 'which co-op', path: ['coopId'] })
  .refine((g) => g.giverKind !== 'named' || g.giverName !== undefined, { message: 'who gave', path: ['giverName'] });
export const Gift = z.object({
  id: z.string(),
  giverKind: z.enum(['coop', 'named', 'anonymous']),
  /** the giver's name; null when not to be shown (anonymous, or a person not named in public) */
  giver: z.string().nullable(),
  cents: z.number().int(),
  date: z.string(),
  subFund: z.string(),
  /** the treasurer's note, for treasurers only */
  note: z.string().nullable(),
  movementId: z.string(),
});
export type Gift = z.infer<typeof Gift>;
export const GiftList = z.object({ items: z.array(Gift), totalCents: z.number().int() });

export const PaymentInput = z.strictObject({ cents: z.number().int().min(1).max(10_000_000_000_000), date: Day });

export const ColumnMapping = z.strictObject({
  date: z.number().int().min(0).max(50),
  amount: z.number().int().min(0).max(50),
  reference: z.number().int().min(0).max(50),
  description: z.number().int().min(0).max(50).optional(),
  header: z.boolean(),
});
/** A bank statement as CSV (at most 2 MB) and which column holds what. */
export const StatementInput = z.strictObject({ csv: z.string().min(1).max(2_000_000), mapping: ColumnMapping });

export const ImportResult = z.object({
  /** lines posted as payments (or, in a preview, that would be) */
  matched: z.array(
    z.object({
      line: z.number().int(),
      date: z.string(),
      cents: z.number().int(),
      reference: z.string(),
      coopName: z.string(),
      /** the dues paid, or `loan:<id>` for a loan's repayment */
      obligationId: z.string(),
    }),
  ),
  /** lines of an earlier import of the same statement: never posted twice */
  alreadyImported: z.array(z.object({ line: z.number().int() })),
  unmatched: z.array(
    z.object({ line: z.number().int(), reason: z.enum(['money_out', 'unknown_reference', 'more_than_owed']) }),
  ),
  malformed: z.array(
    z.object({ line: z.number().int(), problem: z.enum(['bad_date', 'bad_amount', 'missing_fields']) }),
  ),
});
export type ImportResult = z.infer<typeof ImportResult>;

// ── Loans ──

export const LoanStatement = z.object({
  id: z.string(),
  applicationId: z.string(),
  coopId: z.string(),
  coopName: z.string(),
  reference: z.string(),
  principalCents: z.number().int(),
  rateBasisPoints: z.number().int(),
  termMonths: z.number().int(),
  graceMonths: z.number().int(),
  schedule: LoanSchedule,
  disbursedOn: z.string(),
  principalRepaidCents: z.number().int(),
  /** principal forgiven or written off by a decision */
  writtenOffCents: z.number().int(),
  principalOutstandingCents: z.number().int(),
  interestPaidCents: z.number().int(),
  /** interest counted to today and not yet paid */
  interestDueCents: z.number().int(),
  /** revenue_share: basis points of each month's revenue (500 = 5 %) */
  shareBasisPoints: z.number().int().nullable(),
  /** the principal due and when, as the schedule stands; `frozen` ones fall due only when the freeze ends */
  instalments: z.array(
    z.object({
      due: z.string(),
      principalCents: z.number().int(),
      coveredCents: z.number().int(),
      month: z.string().nullable(),
      frozen: z.boolean(),
    }),
  ),
  /** revenue_share: each month after the grace period, declared or not */
  revenueMonths: z.array(
    z.object({
      month: z.string(),
      dueOn: z.string(),
      revenueCents: z.number().int().nullable(),
      dueCents: z.number().int(),
      status: z.enum(['declared', 'not_declared', 'awaiting', 'frozen']),
    }),
  ),
  /** every revenue declared, the corrections too, newest first */
  declarations: z.array(
    z.object({ month: z.string(), revenueCents: z.number().int(), declaredBy: z.string().nullable(), declaredAt: z.string(), standing: z.boolean() }),
  ),
  frozen: z.array(z.object({ from: z.string(), until: z.string().nullable() })),
  /** when_viable: the month from which the co-op covers its costs and wages */
  viableFrom: z.string().nullable(),
  /** what was decided about the loan that moves no money, oldest first */
  changes: z.array(
    z.object({
      kind: z.enum(['freeze', 'unfreeze', 'reschedule', 'viable']),
      on: z.string(),
      termMonths: z.number().int().nullable(),
      graceMonths: z.number().int().nullable(),
      reason: z.string(),
      decision: z.object({ kind: z.literal('proposal'), id: z.string() }).nullable(),
      recordedBy: z.string().nullable(),
      recordedAt: z.string(),
    }),
  ),
  repayments: z.array(z.object({ paidOn: z.string(), interestCents: z.number().int(), principalCents: z.number().int() })),
  arrears: z.object({ bucket: z.enum(['current', 'up_to_30', 'up_to_60', 'up_to_90', 'over_90']), daysLate: z.number().int(), lateCents: z.number().int() }),
  abilities: z.object({ repay: z.boolean(), change: z.boolean(), declare: z.boolean() }),
});
export type LoanStatement = z.infer<typeof LoanStatement>;
export const LoanList = z.object({ items: z.array(LoanStatement) });

// ── What the fund gave and who paid in (public) ──

export const Transparency = z.object({
  /** grants, loans and programme funding paid out, newest first; a co-op that asked is not named, the amount always is */
  given: z.array(z.object({ kind: ApplicationKind, amountCents: z.number().int(), paidAt: z.string(), coopName: z.string().nullable() })),
  /** what each member co-op paid into the fund in the last twelve months */
  contributions: z.array(z.object({ coopName: z.string(), paidCents: z.number().int() })),
});
export type Transparency = z.infer<typeof Transparency>;

/** Forgiving or writing off what is left of a loan, on a passed proposal: a movement with its reason. */
export const WriteOffInput = z.strictObject({ reason: text(500), decision: Decision });

/** A change to a loan decided by a passed proposal that moves no money: a freeze from a day, its end, or a new term and grace from a day. */
export const LoanChangeInput = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('freeze'), on: Day, reason: text(500), decision: Decision }),
  z.strictObject({ kind: z.literal('unfreeze'), on: Day, reason: text(500), decision: Decision }),
  z.strictObject({
    kind: z.literal('reschedule'),
    on: Day,
    termMonths: z.number().int().min(1).max(240),
    graceMonths: z.number().int().min(0).max(60).default(0),
    reason: text(500),
    decision: Decision,
  }),
]);
export type LoanChangeInput = z.infer<typeof LoanChangeInput>;

/** A month's revenue, for a revenue-share loan; declaring a month again corrects it. */
export const RevenueInput = z.strictObject({ month: Month, revenueCents: z.number().int().min(0).max(10_000_000_000_000) });

/** The month from which a when_viable loan's co-op covers its costs and wages. */
export const ViabilityInput = z.strictObject({ fromMonth: Month, reason: text(500).optional() });

// ── Where the money came from and went; budgets against actual (public) ──

export const BooksYear = z.coerce.number().int().min(2000).max(2100);
export const YearQuery = z.strictObject({ year: BooksYear.optional() });

const FlowNames = Names.nullable();
export const FundFlows = z.object({
  year: z.number().int(),
  /** the years there are figures for, oldest first (this year always) */
  years: z.array(z.number().int()),
  currency: z.string(),
  subFunds: z.array(
    z.object({
      code: z.string(),
      names: Names,
      broughtForwardCents: z.number().int(),
      inCents: z.number().int(),
      outCents: z.number().int(),
      carriedForwardCents: z.number().int(),
    }),
  ),
  /** into a sub-fund: an income account (names given), or brought-forward, opening, repaid, moved-in */
  sources: z.array(z.object({ source: z.string(), names: FlowNames, subFund: z.string(), cents: z.number().int() })),
  /** out of a sub-fund: an expense account (names given), or lent, moved-out, carried-forward */
  uses: z.array(z.object({ subFund: z.string(), use: z.string(), names: FlowNames, cents: z.number().int() })),
  /** the loans outstanding over the year: lent, principal repaid, written off */
  lending: z.object({ lentCents: z.number().int(), repaidCents: z.number().int(), writtenOffCents: z.number().int() }),
});
export type FundFlows = z.infer<typeof FundFlows>;

const BudgetCents = z.number().int().min(0).max(10_000_000_000_000);
export const BudgetInput = z.strictObject({
  spendCents: BudgetCents,
  receiveCents: BudgetCents.nullable().default(null),
  note: text(500).nullable().default(null),
});
export type BudgetInput = z.input<typeof BudgetInput>;
export const BudgetParams = z.strictObject({ year: BooksYear, subFund: SubFundCode });

export const BudgetVersion = z.object({
  spendCents: z.number().int(),
  receiveCents: z.number().int().nullable(),
  note: z.string().nullable(),
  /** who set it: for the network's members only (null for anyone else) */
  setBy: z.string().nullable(),
  setAt: z.string(),
});
export const FundBudgets = z.object({
  year: z.number().int(),
  years: z.array(z.number().int()),
  currency: z.string(),
  subFunds: z.array(
    z.object({
      code: z.string(),
      names: Names,
      /** null: no budget set for the year */
      spendCents: z.number().int().nullable(),
      receiveCents: z.number().int().nullable(),
      spentCents: z.number().int(),
      receivedCents: z.number().int(),
      /** budget − spent; negative when spent beyond it */
      leftCents: z.number().int().nullable(),
      spentPercent: z.number().int().nullable(),
      /** every version, newest first */
      history: z.array(BudgetVersion),
    }),
  ),
  abilities: z.object({ setBudget: z.boolean() }),
});
export type FundBudgets = z.infer<typeof FundBudgets>;

/** A co-op's account with the fund: every movement naming it, oldest first, and what it owes the fund after each. */
export const CoopAccount = z.object({
  coopId: z.string(),
  coopName: z.string(),
  currency: z.string(),
  /** what the co-op owes the fund now; negative when the fund owes the co-op */
  balanceCents: z.number().int(),
  /** what the fund gave the co-op outright, in all */
  givenCents: z.number().int(),
  rows: z.array(
    z.object({
      movementId: z.string(),
      date: z.string(),
      kind: MovementKind,
      reason: z.string(),
      owedCents: z.number().int(),
      givenCents: z.number().int(),
      balanceCents: z.number().int(),
    }),
  ),
  /** the account holds more movements than were read: the oldest are shown */
  truncated: z.boolean(),
});
export type CoopAccount = z.infer<typeof CoopAccount>;

/** Who is behind with the fund: per co-op, what it owes past the due day (treasurers and coordinators). */
export const ArrearsList = z.object({
  items: z.array(
    z.object({
      coopId: z.string(),
      coopName: z.string(),
      overdueCents: z.number().int(),
      obligations: z.number().int(),
      since: z.string(),
    }),
  ),
});
export type ArrearsList = z.infer<typeof ArrearsList>;
