/**
 * The card and savings kept on this device, so the card page opens without a
 * connection (at a till with no signal). One person per device: what is kept
 * belongs to the person who last opened the page, and the page forgets it when
 * it sees that nobody is signed in. The card is only the signed credential the
 * holder shows at a till anyway; it carries no password or session.
 */
import type { MyCard, MySavings } from './types.ts';

const KEY = 'coopnet.card';

export interface SavedCard {
  personId: string;
  card: MyCard | null;
  savings: MySavings | null;
  /** when the savings were last fetched, to say how old they are offline */
  savingsAt: string | null;
}

export function loadSaved(): SavedCard | null {
  try {
    const raw = window.localStorage.getItem(KEY);
    if (!raw) return null;
    const saved = JSON.parse(raw) as Partial<SavedCard>;
    // A damaged entry counts as nothing saved rather than a half-shown card.
    if (typeof saved.personId !== 'string') return null;
    return {
      personId: saved.personId,
      card: typeof saved.card?.token === 'string' ? saved.card : null,
      savings: Array.isArray(saved.savings?.recent) ? saved.savings : null,
      savingsAt: typeof saved.savingsAt === 'string' ? saved.savingsAt : null,
    };
  } catch {
    return null;
  }
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
