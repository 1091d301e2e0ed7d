/**
 * The governance module's door: what the app, the commands and the modules
 * above it may use. Everything else here is governance's own; inside it, the
 * sub-folders use each other directly.
 */
// The API, mounted by modules/index.ts.
export { assembliesRoutes } from './assemblies/assemblies.routes.ts';

// The next assembly, for the network's home page.
export { upcomingAssembly } from './assemblies/assemblies.service.ts';
export { bodiesRoutes } from './bodies/bodies.routes.ts';
export { bylawsRoutes } from './bylaws/bylaws.routes.ts';
export { notificationsRoutes } from './notifications/notifications.routes.ts';
export { proposalsRoutes } from './proposals/proposals.routes.ts';

// Start-up: the first bylaws and bodies (and what a backup counts of them), and the clock that closes votes.
export { ensureGovernance, governanceAsFirstMade } from './bodies/first-start.repository.ts';
export { startGovernanceClock } from './proposals/governance-clock.ts';
export { closeDue } from './proposals/closing.ts';

// The matters seam: modules define matters, server/src/wiring.ts registers them; a setting chosen by vote is read back.
export { type MatterContext, type MatterDefinition, registerMatters } from './matters.ts';
export { governanceMatters } from './matters/index.ts';
export { type PassedDecision, isPassedProposal, lastPassed } from './proposals/decisions.ts';

// Telling people something in the caller's transaction (a notification, and a mail when asked).
export { type Notice, notify } from './notifications/notifications.ts';

// The fund committee's active members and the fund's rules in the bylaws in force, for the fund's applications.
export { type CommitteeMember, fundCommittee, fundRules } from './bodies/fund-committee.ts';

// The bylaws in force. adoptBylaws sets them outside a vote (first start, tests); the app changes them only by a passed bylaw_change.
export { adoptBylaws, currentBylaws } from './bylaws/bylaws.repository.ts';

// Setting a network up without its people (the demo seed, tests).
export { type SeededProposal, governanceBodies, scheduleAssembly, seedAgenda, seedProposal } from './seeding.ts';
