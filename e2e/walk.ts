/**
 * What the walks through every page share (no-dead-ends.spec.ts, every-button.spec.ts):
 * the demo's roles, where a walk starts, which pages it leaves alone, how pages
 * are grouped by kind, the links a page shows, and what counts as a refusal.
 */
import { expect, type Page } from '@playwright/test';

export const ROLES = {
  visitor: null,
  worker: 'oumar.diallo@bicis-del-turia.example',
  supporter: 'enric.miralles@correo.example',
  cashier: 'amina.elidrissi@forn-de-la-placa.example',
  coopAdmin: 'vicent.llopis@forn-de-la-placa.example',
  treasurer: 'noelia.saez@ecomercat-de-benimaclet.example',
  coordinator: 'marta.soler@codi-comu.example',
} as const;

/** Where a walk starts: the main links (the header's, signed in or not). */
export const START = ['/', '/directory', '/offers', '/proposals', '/governance'];
export const SIGNED_IN = ['/dashboard', '/card', '/account', '/notifications'];
/** Pages that end the walk or belong to someone else's journey. */
export const SKIP =
  /^\/(sign-in|sign-up|reset-password|invitations|apply)(\/|$)|\.(pdf|csv|ics|atom|blt|webmanifest)$|^\/api\//;

/** A page's kind: ids and slugs stand for any (one proposal, one co-op…). */
export const kindOf = (path: string) => path.replace(/\/[0-9a-z]{16,}|\/[a-z0-9]+(-[a-z0-9]+)+/g, '/:x');

/** The app's own links visible in the page's header and main part, without those `skip` leaves alone. */
export async function links(page: Page, skip: (path: string) => boolean = (p) => SKIP.test(p)): Promise<string[]> {
  const hrefs = await page
    .locator('main a[href^="/"], header a[href^="/"]')
    .evaluateAll((as) =>
      as.filter((a) => (a as HTMLElement).offsetParent !== null).map((a) => a.getAttribute('href')!),
    );
  return [...new Set(hrefs.map((h) => h.split('#')[0]!.split('?')[0]!))].filter((h) => h && !skip(h));
}

/** Collects every API request the page's scripts make that is refused (403), with the page it came from. */
export function watchRefusals(page: Page): string[] {
  const refused: string[] = [];
  page.on('response', (r) => {
    if (r.status() === 403 && r.url().includes('/api/'))
      refused.push(`${r.request().method()} ${new URL(r.url()).pathname} on ${page.url()}`);
  });
  return refused;
}

export async function expectNoRefusal(page: Page, where: string): Promise<void> {
  // Anywhere on the page: a dialog is drawn outside the main part.
  await expect(page.getByText('You may not do this'), where).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1, name: 'No access' }), where).toHaveCount(0);
}
