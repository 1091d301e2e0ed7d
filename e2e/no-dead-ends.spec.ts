/**
 * No dead ends: each demo role walks the pages its navigation leads to and
 * the pages those link to (bounded), follows every link it is shown, and
 * opens every "new …" form it is offered (cancelled after): nothing it is
 * shown answers "You may not do this" or sends the person to "No access",
 * and the API refuses none of the requests the pages make (no 403).
 * Nothing is changed: forms are closed without saving.
 */
import { expect, type Page, test } from '@playwright/test';
import { DEMO_PASSWORD } from './support.ts';

const ROLES = {
  visitor: null,
  worker: 'oumar.diallo@bicis-del-turia.example',
  supporter: 'enric.miralles@correo.example',
  cashier: 'amina.elidrissi@forn-de-la-placa.example',
  coopAdmin: 'vicent.llopis@forn-de-la-placa.example',
  treasurer: 'noelia.saez@ecomercat-de-benimaclet.example',
  coordinator: 'marta.soler@codi-comu.example',
} as const;

/** Where a walk starts: the main links (the header's, signed in or not). */
const START = ['/', '/directory', '/offers', '/proposals', '/governance'];
const SIGNED_IN = ['/dashboard', '/card', '/account', '/notifications'];
/** Pages that end the walk or belong to someone else's journey. */
const SKIP = /^\/(sign-in|sign-up|reset-password|invitations|apply)(\/|$)|\.(pdf|csv|ics|blt|webmanifest)$|^\/api\//;
/** At most this many pages of one pattern (one proposal, one co-op… stands for the others). */
const PER_KIND = 1;
const MAX_PAGES = 14;

const kindOf = (path: string) => path.replace(/\/[0-9a-z]{16,}|\/[a-z0-9]+(-[a-z0-9]+)+/g, '/:x');

async function links(page: Page): Promise<string[]> {
  const hrefs = await page
    .locator('main a[href^="/"], header a[href^="/"]')
    .evaluateAll((as) => as.filter((a) => (a as HTMLElement).offsetParent !== null).map((a) => a.getAttribute('href')!));
  return [...new Set(hrefs.map((h) => h.split('#')[0]!.split('?')[0]!))].filter((h) => h && !SKIP.test(h));
}

for (const [role, email] of Object.entries(ROLES)) {
  test(`a ${role} meets no refusal on any page or link they are shown`, async ({ page }) => {
    test.setTimeout(120_000);
    const refused: string[] = [];
    page.on('response', (r) => {
      if (r.status() === 403 && r.url().includes('/api/')) refused.push(`${r.request().method()} ${new URL(r.url()).pathname} on ${page.url()}`);
    });
    if (email) {
      const res = await page.request.post('/api/v1/auth/login', { data: { email, password: DEMO_PASSWORD } });
      expect(res.status(), `login of ${email}`).toBe(200);
    }

    const queue = [...START, ...(email ? SIGNED_IN : [])];
    const seen = new Set<string>();
    const perKind = new Map<string, number>();
    while (queue.length > 0 && seen.size < MAX_PAGES) {
      const path = queue.shift()!;
      const kind = kindOf(path);
      if (seen.has(path) || (perKind.get(kind) ?? 0) >= PER_KIND) continue;
      seen.add(path);
      perKind.set(kind, (perKind.get(kind) ?? 0) + 1);

      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
      await page.waitForLoadState('networkidle');
      const main = page.locator('main');
      await expect(main.getByText('You may not do this'), `${role} on ${path}`).toHaveCount(0);
      await expect(page.getByRole('heading', { level: 1, name: 'No access' }), `${role} on ${path}`).toHaveCount(0);

      // The forms a page offers open for whoever is shown them; each is closed unsaved.
      for (const name of [/^New offer$/, /^Invite workers$/]) {
        const button = main.getByRole('button', { name });
        if ((await button.count()) === 0) continue;
        await button.first().click();
        const dialog = page.getByRole('dialog');
        await expect(dialog).toBeVisible();
        await expect(dialog.getByText('You may not do this')).toHaveCount(0);
        await page.keyboard.press('Escape');
        await expect(dialog).toBeHidden();
      }
      for (const link of await links(page)) if (!seen.has(link)) queue.push(link);
    }
    expect(refused, `${role}: requests refused`).toEqual([]);
    expect(seen.size).toBeGreaterThan(4);
  });
}
