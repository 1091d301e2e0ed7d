/**
 * An Atom feed (RFC 4287) as text, from a feed's facts and its entries. Pure:
 * the caller gives the addresses and times. The network's news and each
 * co-op's blog use it; campaigns may too (`atomFeed`).
 */

export interface AtomEntry {
  /** A permanent id: a tag: URI or urn:uuid:… */
  id: string;
  title: string;
  /** The page that shows the entry. */
  link: string;
  published: string;
  updated: string;
  /** Plain text: escaped here, never read as markup. */
  summary: string;
  /** Already-sanitized HTML, escaped here as the text of a type="html" element; or omitted. */
  contentHtml?: string;
  author?: string;
}

export interface AtomFeed {
  id: string;
  title: string;
  /** The feed's own address (rel=self) and the page it mirrors (rel=alternate). */
  self: string;
  alternate: string;
  author: string;
  /** When nothing is in the feed yet, the feed's updated time is this. */
  fallbackUpdated: string;
  entries: AtomEntry[];
}

/** What XML may not hold at all (control characters other than tab, newline, return), and the five markup characters escaped. */
export function xmlText(s: string): string {
  return s
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** RFC 3339 as Atom wants it (the ISO text our clock gives already is). */
const when = (iso: string) => new Date(iso).toISOString();

/** A tag: URI (RFC 4151) for a thing made on a day under an authority: tag:example.org,2026-12-06:news/<id>. */
export function tagUri(authority: string, day: string, specific: string): string {
  return `tag:${authority},${day}:${specific}`;
}

export function atomFeed(feed: AtomFeed): string {
  const updated =
    feed.entries.reduce((latest, e) => (e.updated > latest ? e.updated : latest), '') || feed.fallbackUpdated;
  const entries = feed.entries.map((e) =>
    [
      '  <entry>',
      `    <id>${xmlText(e.id)}</id>`,
      `    <title type="text">${xmlText(e.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${xmlText(e.link)}"/>`,
      `    <published>${when(e.published)}</published>`,
      `    <updated>${when(e.updated)}</updated>`,
      e.author ? `    <author><name>${xmlText(e.author)}</name></author>` : null,
      `    <summary type="text">${xmlText(e.summary)}</summary>`,
      e.contentHtml === undefined ? null : `    <content type="html">${xmlText(e.contentHtml)}</content>`,
      '  </entry>',
    ]
      .filter((l) => l !== null)
      .join('\n'),
  );
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${xmlText(feed.id)}</id>`,
    `  <title type="text">${xmlText(feed.title)}</title>`,
    `  <updated>${when(updated)}</updated>`,
    `  <author><name>${xmlText(feed.author)}</name></author>`,
    `  <link rel="self" type="application/atom+xml" href="${xmlText(feed.self)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xmlText(feed.alternate)}"/>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}
