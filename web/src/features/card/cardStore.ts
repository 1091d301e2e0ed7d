/**
 * The card and savings kept on this device, so the card page opens without a
 * connection (at a till with no signal). One person per device: what is kept
 * belongs to the person who last opened the page, and the page forgets it when
 * it sees that nobody is signed in. The card is only the signed credential the
 * holder shows at a till anyway; it carries no password or session.
 */
import { isObject, isString, isStringOrNull, readStored } from '../../api/stored.ts';
import type { MyCard, MySavings } from './types.ts';

const KEY = 'coopnet.card';

export interface SavedCard {
  personId: string;
  card: MyCard | null;
  savings: MySavings | null;
  /** when the savings were last fetched, to say how old they are offline */
  savingsAt: string | null;
}

/** The fields the card page shows. */
const isCard = (v: unknown): v is MyCard =>
  isObject(v) &&
  isString(v.token) &&
  isString(v.shortCode) &&
  isString(v.kind) &&
  isString(v.expiresAt) &&
  isObject(v.holder) &&
  isString(v.holder.displayName) &&
  isStringOrNull(v.holder.coopName);

/** The totals the savings show; the recent redemptions are kept as the server sent them. */
const isSavings = (v: unknown): v is MySavings =>
  isObject(v) &&
  isString(v.currency) &&
  ['monthCents', 'yearCents', 'monthCount', 'yearCount'].every((k) => typeof v[k] === 'number') &&
  Array.isArray(v.recent) &&
  v.recent.every(isObject);

export function loadSaved(): SavedCard | null {
  const saved = readStored(KEY, isObject);
  // A damaged entry counts as nothing saved rather than a half-shown card.
  if (!saved || !isString(saved.personId)) return null;
  return {
    personId: saved.personId,
    card: isCard(saved.card) ? saved.card : null,
    savings: isSavings(saved.savings) ? saved.savings : null,
    savingsAt: isString(saved.savingsAt) ? saved.savingsAt : null,
  };
}

/** Keeps one part for this person, and the other part only if it was theirs too. */
function update(personId: string, part: Partial<Omit<SavedCard, 'personId'>>): void {
  const before = loadSaved();
  const kept: SavedCard =
    before?.personId === personId ? before : { personId, card: null, savings: null, savingsAt: null };
  try {
    window.localStorage.setItem(KEY, JSON.stringify({ ...kept, ...part }));
  } catch {
    // private mode or full storage: the page still works while online
  }
}

export function saveCard(personId: string, card: MyCard): void {
  update(personId, { card });
}

export function saveSavings(personId: string, savings: MySavings): void {
  update(personId, { savings, savingsAt: new Date().toISOString() });
}

export function forgetSaved(): void {
  try {
    window.localStorage.removeItem(KEY);
  } catch {
    // nothing to forget
  }
}
