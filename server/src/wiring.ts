/**
 * How modules plug into each other, wired in one place at start-up (buildApp)
 * rather than as a side effect of importing a module. A lower module offers a
 * seam or a hook; a module above it fills it here. Calling it again changes
 * nothing: the same definitions and listeners are kept once.
 */
import { roundDecision } from './modules/budgeting/index.ts';
import { paymentProviders, pledgeJob } from './modules/campaigns/index.ts';
import { revokeCardsOfLeaver } from './modules/cards/index.ts';
import { coopMatters, onCoopAdmitted, provideFirstAdminInvitation } from './modules/coops/index.ts';
import { fundMatters, registerDecisionCheck, registerFundJob, registerPaymentMatcher } from './modules/fund/index.ts';
import { governanceMatters, registerMatters } from './modules/governance/index.ts';
import { inviteFirstAdmin, onWorkerLeft } from './modules/people/index.ts';
import { reciprocityMatters } from './modules/reciprocity/index.ts';
import { ventureAdmitted } from './modules/ventures/index.ts';

export function wireModules(): void {
  // What a proposal can be about: governance's own (bylaw change, election, free motion),
  // the co-ops' (admission, suspension), the fund's (an application above the committee's bands)
  // and reciprocity's (settlement policy).
  registerMatters([...governanceMatters, ...coopMatters, ...fundMatters, ...reciprocityMatters]);
  // The worker's leaving and their card's death are one transaction.
  onWorkerLeft(revokeCardsOfLeaver);
  // An admitted co-op's first admin is invited in the transaction that admits it.
  provideFirstAdminInvitation(inviteFirstAdmin);
  // A venture whose co-op is admitted becomes a member in the transaction that admits it.
  onCoopAdmitted(ventureAdmitted);
  // Campaign pledges are matched by the fund's bank statement import, and owed each month on the fund's clock.
  for (const provider of paymentProviders) if (provider.matcher) registerPaymentMatcher(provider.matcher);
  registerFundJob(monthOfPledges);
  // A participatory budgeting round's close is the decision behind the movements that pay its funded projects.
  registerDecisionCheck('round', roundDecision);
}

const monthOfPledges = (deps: Parameters<typeof pledgeJob>[0]) => pledgeJob(deps);
