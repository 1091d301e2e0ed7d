/**
 * Number formatters, made once per language and style: making one costs far
 * more than using it, and a page of offers or figures formats hundreds of numbers.
 */
const made = new Map<string, Intl.NumberFormat>();
const MAX_KEPT = 64;

/** Throws as `new Intl.NumberFormat` does (e.g. an unknown currency); nothing is kept then. */
export function numberFormat(lang: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `${lang}|${JSON.stringify(options)}`;
  const kept = made.get(key);
  if (kept) return kept;
  const f = new Intl.NumberFormat(lang, options);
  if (made.size >= MAX_KEPT) made.clear();
  made.set(key, f);
  return f;
}
