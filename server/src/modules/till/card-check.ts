/**
 * Which card the cashier has in front of them: the QR code's text, checked
 * with the network's published keys (shape, key, signature, network, dates),
 * or a typed short code, which proves nothing by itself and is only looked
 * up. Either way the network's records then decide: an unknown card, a
 * revoked one (or a holder who left), an expired one are refused.
 */
import type { CardRefusal } from '@coopnet/contract/till';
import { credentials } from '@coopnet/domain';
import type { Db } from '../../db/database.ts';
import { type TillCard, cardForTill } from '../cards/cards.repository.ts';
import { publishedKeys } from './card-keys.ts';
import { cardRefusal } from './card-state.ts';

export type CardCheck = { ok: true; card: TillCard } | { ok: false; reason: CardRefusal };

export function cardChecker(db: Db) {
  const keys = publishedKeys(db);

  return async function checkCard(text: string, networkId: string, now: Date): Promise<CardCheck> {
    const typed = text.trim();
    let card: TillCard | undefined;
    if (typed.startsWith(credentials.CARD_PREFIX)) {
      const verified = await keys.verifyCard(typed, networkId, now);
      if (!verified.ok) return { ok: false, reason: verified.reason };
      card = await cardForTill(db, { id: verified.claims.cardId });
    } else {
      const code = credentials.normalizeShortCode(typed);
      if (!code) return { ok: false, reason: 'malformed' };
      card = await cardForTill(db, { shortCode: code });
    }
    const refused = cardRefusal(card, now.toISOString());
    return refused ? { ok: false, reason: refused } : { ok: true, card: card! };
  };
}
