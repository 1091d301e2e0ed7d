/**
 * A fast-track application nobody decided in time: its deadline passes (the
 * journey moves the deadline back in the server's database, as time would),
 * the fund's clock tells the committee by mail, and a committee member at her
 * phone sees it marked overdue in the list of applications and on its page —
 * in English and in Spanish, with axe and no sideways scroll at 360 px.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { DEMO, DEMO_PASSWORD, apiSession, expectAccessible, linkFromMail, signIn, uniqueId } from './support.ts';
import { E2E_TEMP_DIR } from './temp-dir.ts';

/** On the demo's fund committee, of another co-op than the applicant. */
const MEMBER = 'carmen.romero@neteges-solidaries.example';

/** Moves an application's deadline an hour into the past in the server's database (the clock's "now" moved on). */
function deadlinePassed(id: string): void {
  const dataDir = readdirSync(E2E_TEMP_DIR).find((d) => d.startsWith('data-'))!;
  const db = new Database(join(E2E_TEMP_DIR, dataDir, 'coopnet.db'));
  try {
    db.prepare('UPDATE fund_applications SET due_at = ? WHERE id = ?').run(
      new Date(Date.now() - 3_600_000).toISOString(),
      id,
    );
  } finally {
    db.close();
  }
}

test('a fast-track application past its deadline is marked overdue, and the committee hears of it by mail', async ({
  browser,
  baseURL,
}) => {
  const purpose = `The freezer failed ${uniqueId()}`;
  const { api, csrf } = await apiSession(baseURL!, DEMO.coopAdmin.email);
  const coopId = ((await (await api.get('/api/v1/me')).json()) as { coop: { id: string } }).coop.id;
  const made = await api.post('/api/v1/fund/applications', {
    headers: { 'x-csrf-token': csrf },
    data: { coopId, kind: 'emergency_grant', amountCents: 90_000, purpose, plan: 'Replace it this week.' },
  });
  expect(made.status()).toBe(201);
  const { id, track } = (await made.json()) as { id: string; track: { dueAt: string; overdue: boolean } };
  expect(track.overdue).toBe(false);

  deadlinePassed(id);
  // The fund's clock (every 2 s in the journeys) tells the committee.
  const link = await linkFromMail(MEMBER, new RegExp(`http://localhost:\\d+/fund/applications/${id}`));
  expect(link).toContain(id);

  for (const [locale, words] of [
    ['en-GB', { list: 'Applications to the fund', overdue: 'Overdue', note: /The fast-track deadline has passed/ }],
    ['es-ES', { list: 'Solicitudes al fondo', overdue: 'Fuera de plazo', note: /El plazo de la vía rápida ha pasado/ }],
  ] as const) {
    const context = await browser.newContext({
      baseURL,
      locale,
      viewport: { width: 360, height: 740 },
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    if (locale === 'en-GB') await signIn(page, MEMBER);
    else {
      await page.goto('/sign-in');
      await page.locator('input[type="email"]').fill(MEMBER);
      await page.locator('input[type="password"]').fill(DEMO_PASSWORD);
      await page.locator('button[type="submit"]').click();
      await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'));
    }
    await page.goto('/fund/applications');
    await expect(page.getByRole('heading', { level: 1, name: words.list })).toBeVisible();
    const item = page.getByRole('listitem').filter({ hasText: purpose });
    await expect(item.getByText(words.overdue, { exact: true })).toBeVisible();
    await expectAccessible(page);
    await item.getByRole('link').click();
    await expect(page.getByText(words.overdue, { exact: true })).toBeVisible();
    await expect(page.getByText(words.note)).toBeVisible();
    await expectAccessible(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.screenshot({ path: `/tmp/D/overdue-${locale}-360.png`, fullPage: true });
    await context.close();
  }
});
