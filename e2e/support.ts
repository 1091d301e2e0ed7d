/** Helpers the journeys share: the accessibility scan and the caught mail. */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 3100);

/** Fails on serious or critical accessibility faults of the page as it is now. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

interface Caught {
  to: string[];
  raw: string;
}

/** Waits for a mail to `to` and returns the first link in it that matches `pattern`. */
export async function linkFromMail(to: string, pattern: RegExp): Promise<string> {
  for (let i = 0; i < 50; i++) {
    const res = await fetch(`http://127.0.0.1:${PORT + 26}/`);
    const mails = (await res.json()) as Caught[];
    for (const m of mails.filter((x) => x.to.includes(to.toLowerCase())).reverse()) {
      // Quoted-printable soft line breaks would split the link.
      const body = m.raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
      const match = body.match(pattern);
      if (match) return match[0];
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no mail to ${to} with a link matching ${pattern}`);
}

export const DEMO_PASSWORD = 'coopnet-demo';
