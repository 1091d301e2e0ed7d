/**
 * How modules react to each other's moments, wired in one place at start-up
 * (buildApp; a command that changes the same things without the app calls it
 * too) rather than as a side effect of importing a module. Calling it again
 * changes nothing: a listener is kept once.
 */
import { revokeCardsOfLeaver } from './modules/cards/index.ts';
import { provideFirstAdminInvitation } from './modules/coops/index.ts';
import { inviteFirstAdmin, onWorkerLeft } from './modules/people/index.ts';

export function wireModules(): void {
  // The worker's leaving and their card's death are one transaction.
  onWorkerLeft(revokeCardsOfLeaver);
  // An admitted co-op's first admin is invited in the transaction that admits it.
  provideFirstAdminInvitation(inviteFirstAdmin);
}
