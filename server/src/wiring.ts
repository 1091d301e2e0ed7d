/**
 * How modules react to each other's moments, wired in one place at start-up
 * (buildApp; a command that changes the same things without the app calls it
 * too) rather than as a side effect of importing a module. Calling it again
 * changes nothing: a listener is kept once.
 */
import { revokeCardsOfLeaver } from './modules/cards/cards.service.ts';
import { onWorkerLeft } from './modules/people/index.ts';

export function wireModules(): void {
  // The worker's leaving and their card's death are one transaction.
  onWorkerLeft(revokeCardsOfLeaver);
}
