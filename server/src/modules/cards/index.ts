/**
 * The cards module's door: members' cards, the keys that sign them and the
 * cards a till may trust. Its repository and the printing are its own.
 */
export { cardsRootRoutes, cardsRoutes } from './cards.routes.ts';
export { type Holder, cardsPolicy } from './cards.policy.ts';
export { revokeCardsOfLeaver } from './cards.service.ts';
export { publishKey, retireCardKey, rotateCardKey, type Rotation } from './card-keys.ts';
export { type CardSigningKey, loadSigningKey } from './signing-key.ts';
/** What a till reads of cards: a presented card's row, whether its key is live, the published keys. */
export { type TillCard, cardForTill, isKeyLive, listKeys, publishedKeys } from './cards.repository.ts';
