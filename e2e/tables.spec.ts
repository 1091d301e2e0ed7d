/**
 * Every table of the app on a phone (360 px), in Spanish, as the people who see
 * it: no column is hidden without a visible way to reach it. A table either
 * fits, or scrolls sideways in its own named, focusable region that says so,
 * keeps its first column in view, and shows each column when scrolled to it.
 * The header keeps the network's whole name. The reciprocity matrix at 1280 px
 * says it scrolls too.
 */
import { expect, type Locator, type Page, test } from '@playwright/test';
import { DEMO, DEMO_PASSWORD, expectAccessible, shot, uniqueId } from './support.ts';

test.use({ locale: 'es-ES', viewport: { width: 360, height: 740 } });

interface Reach {
  name: string;
  columns: string[];
  scrolls: boolean;
  unreachable: string[];
  firstKept: boolean;
}

/** Scrolls the table's region to each column in turn and tells which columns could not be brought into view. */
async function reach(region: Locator): Promise<Reach> {
  return region.evaluate((box) => {
    const table = box.querySelector('table')!;
    const heads = Array.from(table.querySelectorAll<HTMLElement>('thead tr:first-child > th'));
    const first = heads[0]!;
    const scrolls = box.scrollWidth > box.clientWidth + 1;
    const unreachable: string[] = [];
    for (const th of heads) {
      const kept = th === first ? 0 : first.getBoundingClientRect().width;
      box.scrollLeft = Math.max(0, th.offsetLeft - kept);
      const r = th.getBoundingClientRect();
      const b = box.getBoundingClientRect();
      const from = Math.max(r.left, th === first ? b.left : first.getBoundingClientRect().right);
      const to = Math.min(r.right, b.right);
      if (to - from < Math.min(r.width, 40) - 1) unreachable.push(th.innerText);
    }
    box.scrollLeft = box.scrollWidth;
    const f = first.getBoundingClientRect();
    const b = box.getBoundingClientRect();
    const firstKept = f.left >= b.left - 1 && f.right <= b.right + 1;
    box.scrollLeft = 0;
    return {
      name: box.getAttribute('aria-label') ?? '',
      columns: heads.map((h) => h.innerText),
      scrolls,
      unreachable,
      firstKept,
    };
  });
}

/** The regions that hold a table (ScrollTable's scrolling box). */
function tableRegions(page: Page): Locator {
  return page.locator('[role="region"][tabindex="0"]:has(> table)');
}

async function expectTablesReachable(page: Page, atLeast: number, name: string): Promise<void> {
  const regions = tableRegions(page);
  if (atLeast > 0) await expect(regions.nth(atLeast - 1)).toBeVisible();
  const count = await regions.count();
  for (let i = 0; i < count; i++) {
    const region = regions.nth(i);
    await region.scrollIntoViewIfNeeded();
    const r = await reach(region);
    expect(r.unreachable, `${name}: "${r.name}" columns out of reach`).toEqual([]);
    expect(r.columns.length, `${name}: "${r.name}" has columns`).toBeGreaterThan(0);
    if (r.scrolls) {
      // It says so, in words and with a shadow on the edge that hides columns.
      const hint = page.locator(`#${await region.getAttribute('aria-describedby')}`);
      await expect(hint, `${name}: "${r.name}" says it scrolls`).toBeVisible();
      await expect(hint).toHaveText(/Desliza de lado/);
      const frame = region.locator('xpath=../..');
      await expect(frame).toHaveAttribute('data-more-after', 'true');
      expect(r.firstKept, `${name}: "${r.name}" keeps its first column`).toBe(true);
      // The keyboard scrolls it too.
      await region.focus();
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
      await expect(frame).toHaveAttribute('data-more-before', 'true');
      await region.evaluate((el) => (el.scrollLeft = 0));
    }
  }
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth),
    `${name}: the page does not scroll sideways`,
  ).toBeLessThanOrEqual(360);
}

/** The network's name in the header, whole: not cut on either line. */
async function expectWholeName(page: Page): Promise<void> {
  const network = (await (await page.request.get('/api/v1/network')).json()) as { name: string };
  const link = page.getByRole('banner').getByRole('link', { name: network.name, exact: true });
  await expect(link).toBeVisible();
  const fits = await link.evaluate(
    (el) => el.scrollHeight <= el.clientHeight + 1 && el.scrollWidth <= el.clientWidth + 1,
  );
  expect(fits, 'the whole name shows').toBe(true);
  const box = (await link.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(360);
}

async function signInAs(page: Page, email: string): Promise<{ coopId: string | null; csrf: string }> {
  const res = await page.request.post('/api/v1/auth/login', { data: { email, password: DEMO_PASSWORD } });
  expect(res.status()).toBe(200);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const me = (await (await page.request.get('/api/v1/me')).json()) as { coop: { id: string } | null };
  return { coopId: me.coop?.id ?? null, csrf: csrfToken };
}

async function visit(page: Page, path: string, tables: number, name: string): Promise<void> {
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectWholeName(page);
  await expectTablesReachable(page, tables, name);
  await expectAccessible(page);
  await shot(page, `tables-${name}`);
}

test('a co-op admin on a phone reaches every column of their tables', async ({ page }) => {
  test.setTimeout(120_000);
  const { coopId, csrf } = await signInAs(page, DEMO.coopAdmin.email);
  expect(coopId).not.toBeNull();
  // A token, so the tokens table has a row.
  const made = await page.request.post('/api/v1/auth/tokens', {
    data: { name: `Caja ${uniqueId()}`, scopes: ['read'] },
    headers: { 'X-CSRF-Token': csrf },
  });
  expect(made.status()).toBe(201);
  // An invitation, so the invitations table has a row.
  const invited = await page.request.post(`/api/v1/coops/${coopId}/invitations`, {
    data: { email: `nueva.${uniqueId()}@forn-de-la-placa.example`, displayName: 'Nueva Persona', role: 'worker' },
    headers: { 'X-CSRF-Token': csrf },
  });
  expect(invited.status()).toBe(201);

  await visit(page, `/coops/${coopId}/workers`, 1, 'workers');
  const workers = tableRegions(page).first();
  await expect(workers.getByRole('columnheader', { name: 'Estado' })).toBeAttached();
  await visit(page, `/coops/${coopId}/invite`, 1, 'invite');
  await visit(page, `/coops/${coopId}/offers`, 0, 'offers');
  await visit(page, '/account', 1, 'account');
});

test('a coordinator on a phone reaches every column of the governance, accounts and administration tables', async ({
  page,
}) => {
  test.setTimeout(120_000);
  // A mail in the outbox: a password reset asked for a demo worker.
  const asked = await page.request.post('/api/v1/auth/password-reset', { data: { email: DEMO.worker.email } });
  expect(asked.status()).toBe(200);
  await signInAs(page, DEMO.coordinator.email);
  await visit(page, '/governance', 2, 'governance');
  await visit(page, '/governance/bylaws', 1, 'bylaws');
  await visit(page, '/reciprocity', 2, 'reciprocity');
  await visit(page, '/admin/audit', 1, 'audit');
  await visit(page, '/admin/outbox', 1, 'outbox');
  await visit(page, '/admin/applications', 0, 'applications');
});

test('a worker on a phone reaches every column of their savings and the accounts', async ({ page }) => {
  await signInAs(page, DEMO.worker.email);
  await visit(page, '/card', 0, 'card');
  await visit(page, '/reciprocity', 2, 'reciprocity-worker');
});

test('at 1280 px the reciprocity matrix says it scrolls when its columns do not fit', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await signInAs(page, DEMO.coordinator.email);
  await page.goto('/reciprocity');
  const matrix = tableRegions(page).first();
  await expect(matrix).toBeVisible();
  const r = await reach(matrix);
  expect(r.unreachable).toEqual([]);
  if (r.scrolls) {
    await expect(page.locator(`#${await matrix.getAttribute('aria-describedby')}`)).toBeVisible();
    await expect(matrix.locator('xpath=../..')).toHaveAttribute('data-more-after', 'true');
  }
  await expectAccessible(page);
  await shot(page, 'tables-reciprocity');
});
