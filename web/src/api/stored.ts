/**
 * Reading back what this device kept in localStorage (the network, the till's
 * cache and queue, the member's card): parsed as `unknown` and narrowed by a
 * small check of the fields the pages rely on, never cast. The web app carries
 * no schema library for this. Whatever fails its check counts as not kept.
 */

export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export const isStringOrNull = (v: unknown): v is string | null => v === null || typeof v === 'string';

/** An object whose every value passes `is` (keys by id, co-ops by id). */
export const isRecordOf = <T>(v: unknown, is: (item: unknown) => item is T): v is Record<string, T> =>
  isObject(v) && Object.values(v).every(is);

export const isString = (v: unknown): v is string => typeof v === 'string';

/** What `key` holds if it passes `is`; null when missing, not JSON, failing the check or not readable (private mode). */
export function readStored<T>(key: string, is: (v: unknown) => v is T): T | null {
  try {
    const raw = window.localStorage.getItem(key);
    if (!raw) return null;
    const value: unknown = JSON.parse(raw);
    return is(value) ? value : null;
  } catch {
    return null;
  }
}
