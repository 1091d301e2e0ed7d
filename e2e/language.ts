/**
 * The language check of the per-role journeys: the text a person sees on a
 * Spanish page holds no untranslated key (`dashboard.you.title`), no raw
 * code (`no_quorum`, `card.issued`), no id (a UUID), and no English — except
 * in what people wrote (names, descriptions, titles), which the caller gives
 * as an allow-list and the check takes out of the page's text first.
 */
import { type APIRequestContext, expect, type Page } from '@playwright/test';

/** Words common in the app's English and never Spanish (nor Catalan, which co-ops' names use): not "has", "sale", "no". */
const ENGLISH = new Set(
  (
    'the and with your you from this that which will have been were sign save cancel loading error errors ' +
    'workers worker offers offer card cards till dashboard settings proposal proposals votes vote voting assembly assemblies ' +
    'member members supporter supporters cashier month year back search filter show hide more less please here there what ' +
    'when where who how page account password open closes until valid code of to by any none only not yes ' +
    'discount discounts amount record recorded check checked accepted refused network co-op co-ops applications ' +
    'application pending details profile invite import people add edit new today week'
  ).split(' '),
);

export interface LanguageProblem {
  kind: 'key' | 'code' | 'id' | 'english';
  text: string;
}

/** What the pages may show: what people wrote (names, descriptions, titles, places, minutes) and the codes they must not. */
export interface PageWords {
  written: string[];
  /** machine codes the API carries (sectors) that a page must show by their name, never as they are */
  codes: string[];
}

export async function writtenByPeople(api: APIRequestContext, coordinator?: APIRequestContext): Promise<PageWords> {
  const texts: string[] = [];
  const codes = new Set<string>();
  const addCodes = (v: unknown) => {
    for (const c of typeof v === 'string' ? v.split(',') : Array.isArray(v) ? v : []) if (typeof c === 'string' && c.trim()) codes.add(c.trim());
  };
  const add = (...values: unknown[]) => {
    for (const v of values) if (typeof v === 'string' && v.trim()) texts.push(v);
  };
  const get = async (path: string) => {
    const res = await api.get(path);
    return res.ok() ? ((await res.json()) as Record<string, unknown>) : {};
  };
  const items = (page: Record<string, unknown>) => (Array.isArray(page.items) ? (page.items as Record<string, unknown>[]) : []);
  const network = await get('/api/v1/network');
  add(network.name, network.description);
  for (const c of items(await get('/api/v1/coops?limit=100'))) {
    add(c.name, c.description, c.address, c.city, c.website, c.legalForm);
    addCodes(c.sector);
    addCodes(c.sectors);
  }
  for (const o of items(await get('/api/v1/offers?limit=100'))) {
    add(o.title, o.terms, o.coopName, o.item);
    addCodes(o.coopSector);
    addCodes(o.sectors);
  }
  for (const p of items(await get('/api/v1/proposals?limit=100'))) add(p.title, p.authorName);
  for (const a of items(await get('/api/v1/assemblies?limit=100'))) add(a.title, a.place, a.minutes);
  if (coordinator) {
    const res = await coordinator.get('/api/v1/applications?limit=100');
    for (const a of res.ok() ? items((await res.json()) as Record<string, unknown>) : []) {
      const coop = (a.coop ?? {}) as Record<string, unknown>;
      add(a.message, a.contactName, a.contactEmail, a.decisionNote, coop.name, coop.description, coop.address);
      addCodes(coop.sector);
    }
  }
  return { written: texts.sort((a, b) => b.length - a.length), codes: [...codes] };
}

/** Adds what a co-op wrote in all its offers, paused and ended ones too, as its admin (`api`, signed in) reads them. */
export async function withCoopOffers(words: PageWords, api: APIRequestContext, coopId: string): Promise<PageWords> {
  const res = await api.get(`/api/v1/coops/${coopId}/offers`);
  expect(res.ok(), await res.text()).toBe(true);
  const offers = ((await res.json()) as { items: { title: string; terms: string; item: string | null; sectors: string[] }[] }).items;
  const texts = offers.flatMap((o) => [o.title, o.terms, o.item ?? '']).filter((v) => v.trim());
  return {
    written: [...words.written, ...texts].sort((a, b) => b.length - a.length),
    codes: [...new Set([...words.codes, ...offers.flatMap((o) => o.sectors)])],
  };
}

/** The problems in a text as shown, once what people wrote is taken out. */
export function languageProblems(shown: string, { written, codes }: PageWords): LanguageProblem[] {
  const problems: LanguageProblem[] = [];
  let text = shown;
  for (const w of written) text = text.split(w).join(' ');
  // E-mail addresses and web addresses are people's too.
  text = text.replace(/\S+@\S+/g, ' ').replace(/\bhttps?:\/\/\S+/g, ' ').replace(/\b[\w-]+(\.[\w-]+)*\.example\b/g, ' ');
  // Each finding is taken out of the text before the next kind is looked for: a key is not English too.
  const take = (kind: LanguageProblem['kind'], pattern: RegExp) => {
    text = text.replace(pattern, (m) => {
      problems.push({ kind, text: m });
      return ' ';
    });
  };
  for (const c of codes) take('code', new RegExp(`(?<![\\p{L}])${c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'gu'));
  take('key', /\b[a-z][a-zA-Z]*(\.[a-z][a-zA-Z_]*)+\b/g);
  take('code', /\b[a-z]+(_[a-z]+)+\b/g);
  take('id', /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi);
  for (const m of text.matchAll(/[A-Za-z][A-Za-z-]*/g)) if (ENGLISH.has(m[0].toLowerCase()) && m[0] !== 'no') problems.push({ kind: 'english', text: m[0] });
  return problems;
}

/** Fails when the page's visible text (and its title) shows a key, a code, an id or English. */
export async function expectSpanish(page: Page, words: PageWords): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  const shown = await page.evaluate(() => `${document.title}\n${document.body.innerText}`);
  const problems = languageProblems(shown, words);
  expect(problems, `on ${new URL(page.url()).pathname}:\n${shown}`).toEqual([]);
}
