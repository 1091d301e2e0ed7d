/**
 * Checks an Atom document against RFC 4287 with tools that are not the
 * project's: `xmllint --relaxng` with the RFC's own grammar (Appendix B,
 * fixtures/atom.rng), then the rules the grammar cannot say, read with
 * xmllint's XPath — the RFC's Schematron rules (every entry has an author or
 * its feed has one; every entry has an alternate link or content), ids that
 * are IRIs (section 4.2.6), and dates in RFC 3339's form with a time zone
 * (section 3.3). Answers the problems found; none means valid.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const GRAMMAR = join(import.meta.dirname, 'fixtures', 'atom.rng');
/** A scheme, a colon and no spaces: an IRI's outline (RFC 3987), as the ids we make are absolute. */
const IRI = /^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>"{}|\\^`]+$/u;
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

const el = (name: string) => `*[local-name()='${name}' and namespace-uri()='http://www.w3.org/2005/Atom']`;

export async function atomProblems(xml: string): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'coopnet-atom-'));
  const file = join(dir, 'feed.atom');
  writeFileSync(file, xml);
  const xpath = async (expr: string) => (await run('xmllint', ['--xpath', expr, file])).stdout.trim();
  const texts = async (name: string) => {
    const count = Number(await xpath(`count(//${el(name)})`));
    const out: string[] = [];
    for (let i = 1; i <= count; i++) out.push(await xpath(`string((//${el(name)})[${i}])`));
    return out;
  };
  try {
    const problems: string[] = [];
    try {
      await run('xmllint', ['--noout', '--relaxng', GRAMMAR, file]);
    } catch (e) {
      problems.push(`RELAX NG: ${String((e as { stderr?: string }).stderr ?? e)}`);
      return problems;
    }
    const feedAuthors = Number(await xpath(`count(/${el('feed')}/${el('author')})`));
    const entriesWithout = Number(await xpath(`count(//${el('entry')}[not(${el('author')})])`));
    if (feedAuthors === 0 && entriesWithout > 0)
      problems.push(`${entriesWithout} entries have no author and the feed has none`);
    const unlinked = Number(
      await xpath(
        `count(//${el('entry')}[not(${el('link')}[@rel='alternate' or not(@rel)]) and not(${el('content')})])`,
      ),
    );
    if (unlinked > 0) problems.push(`${unlinked} entries have neither an alternate link nor content`);
    for (const id of await texts('id')) if (!IRI.test(id)) problems.push(`id is not an IRI: ${id}`);
    for (const name of ['updated', 'published'])
      for (const d of await texts(name)) if (!RFC3339.test(d)) problems.push(`${name} is not an RFC 3339 date: ${d}`);
    return problems;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
