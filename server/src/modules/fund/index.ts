/**
 * The fund module's door. Its routes for the app; for the modules above it
 * (contributions, grants, loans, settlements), posting a movement inside
 * their own transaction. The ledger's rules are in domain/ledger.
 */
export { fundRoutes } from './fund.routes.ts';
export { type PostMeta, type Posted, type ReversalRequest, ledgerWriter, postIn, reverseIn, todayIn } from './ledger.service.ts';

// The assembly's vote on an application above the committee's bands, registered by server/src/wiring.ts.
export { fundMatters } from './matters.ts';

// The fund's clock, started by server/src/app.ts beside the governance clock.
export { type FundJob, fundJobs, registerFundJob, runFundJobs, startFundClock } from './fund-clock.ts';

// The fund's past replayed inside a caller's transaction, each step on the day it happened (`asOf`): the demo's year.
export { type LedgerDeps } from './ledger.service.ts';
export { answerIn, applyIn, approveByVoteIn, payApplicationIn } from './application-steps.ts';
export { monthDuesIn, payObligationIn as payDuesIn } from './contribution-books.ts';
export { repayIn, writeOffIn } from './loan-books.ts';

// Modules above the fund have their own references matched by the bank statement import (registered by server/src/wiring.ts).
export { type OwedElsewhere, type PaymentMatcher, registerPaymentMatcher } from './payment-matchers.ts';

// A module above vouches for its own kind of decision (a budgeting round's close), registered by server/src/wiring.ts.
export { type DecisionCheck, registerDecisionCheck } from './decision-checks.ts';

// A community programme's budget granted from the fund, read from the ledger.
export { fromTheFund } from './programme-budgets.ts';
