/**
 * Which card the cashier has in front of them, and the proof that it was
 * there: the QR code's text, checked with the network's published keys
 * (shape, key, signature, network, dates), or the 8-character code printed
 * under it, looked up. A card id alone is no proof and is never accepted.
 * Either way the network's records then decide: an unknown card, a revoked
 * one (or a holder who left), an expired one are refused; so is a signed card
 * whose key has been retired since the keys were read (`unknown_key`, as once
 * the key set shows it retired), read with the card's record at no extra cost.
 */
import { credentials } from '@coopnet/domain';
import type { Db, Executor } from '../../db/database.ts';
import { type TillCard, cardForTill, isKeyLive } from '../cards/index.ts';
import { publishedKeys } from './card-keys.ts';
import { type CardRefused, cardRefusal, refusalOf } from './card-state.ts';

/** What the card's text proves before the network's records are read. */
export type Presented =
  /** a signed card, by key `kid`; `dates`: it was not valid at the time it was checked for (its signature and network are good) */
  | { ok: true; kind: 'token'; cardId: string; kid: string; dates: 'expired' | 'not_yet_valid' | null }
  /** the printed code, as typed (canonical form) */
  | { ok: true; kind: 'short'; shortCode: string }
  | { ok: false; reason: 'malformed' | 'unknown_key' | 'bad_signature' | 'wrong_network' };

export type CardCheck = { ok: true; card: TillCard } | ({ ok: false } & CardRefused);

const readers = new WeakMap<Db, ReturnType<typeof makeReader>>();

/** One reader per database: the till's checks and its sales share the keys it holds. */
export function cardReader(db: Db) {
  let reader = readers.get(db);
  if (!reader) readers.set(db, (reader = makeReader(db)));
  return reader;
}

function makeReader(db: Db) {
  const keys = publishedKeys(db);

  /** Reads the card as presented, checking a signed card's dates against `at` (the sale's time). No database read for a signed card the keys are known for. */
  async function read(text: string, networkId: string, at: Date): Promise<Presented> {
    const typed = text.trim();
    if (typed.startsWith(credentials.CARD_PREFIX)) {
      const verified = await keys.verifyCard(typed, networkId, at);
      if (verified.ok) return { ok: true, kind: 'token', cardId: verified.claims.cardId, kid: verified.kid, dates: null };
      if (verified.reason !== 'expired' && verified.reason !== 'not_yet_valid') return { ok: false, reason: verified.reason };
      // The dates are checked after the signature and network, so the card is genuine: read whose it is.
      const decoded = credentials.readCard(typed);
      if (!decoded.ok) return { ok: false, reason: 'malformed' };
      const kid = credentials.kidToHex(decoded.card.kid);
      return { ok: true, kind: 'token', cardId: decoded.card.claims.cardId, kid, dates: verified.reason };
    }
    const code = credentials.normalizeShortCode(typed);
    return code ? { ok: true, kind: 'short', shortCode: code } : { ok: false, reason: 'malformed' };
  }

  /** The network's record of the card presented (undefined if it has none). */
  function recordOf(ex: Executor, presented: Presented & { ok: true }) {
    return cardForTill(ex, presented.kind === 'token' ? { id: presented.cardId, kid: presented.kid } : { shortCode: presented.shortCode });
  }

  /**
   * Whether a signed card's key was retired after the keys in memory were
   * read (by this server or by another process on the same database): its
   * record says so; without a record (rare) the key is looked up.
   */
  async function keyRetired(ex: Executor, presented: Presented & { ok: true }, card: TillCard | undefined): Promise<boolean> {
    if (presented.kind !== 'token') return false;
    if (card) return !card.key_live;
    return !(await isKeyLive(ex, presented.kid));
  }

  /** The card checked at the counter now: its proof, then the network's records. */
  async function check(text: string, networkId: string, now: Date): Promise<CardCheck> {
    const presented = await read(text, networkId, now);
    if (!presented.ok) return presented;
    const card = await recordOf(db, presented);
    if (await keyRetired(db, presented, card)) return { ok: false, reason: 'unknown_key' };
    if (presented.kind === 'token' && presented.dates) return { ok: false, reason: presented.dates };
    const refused = cardRefusal(card, now.toISOString());
    return refused ? { ok: false, ...refusalOf(refused, card) } : { ok: true, card: card! };
  }

  return { read, recordOf, keyRetired, check };
}
