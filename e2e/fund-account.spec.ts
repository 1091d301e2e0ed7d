/**
 * A co-op's account with the fund: Forn's admin opens it from the
 * contributions page at a phone's width and reads the demo's year — dues
 * owed and paid — with what the co-op owes after each; the fund's figures
 * agree with the API's; a worker of another co-op finds nothing there.
 */
import { expect, test } from '@playwright/test';
import { DEMO, expectAccessible, shot, signIn } from './support.ts';

test('a co-op’s admin reads the co-op’s account with the fund at a phone’s width; another co-op’s worker cannot', async ({
  page,
  browser,
  baseURL,
}) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await signIn(page, DEMO.coopAdmin.email);
  await page.goto('/fund/contributions');
  await page.getByRole('link', { name: 'Our co-op’s account with the fund' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: `${DEMO.coopAdmin.coop}’s account with the fund` }),
  ).toBeVisible();
  const coopId = new URL(page.url()).pathname.split('/').at(-1)!;
  const account = await (await page.request.get(`/api/v1/fund/coops/${coopId}/account`)).json();
  expect(account.rows.length).toBeGreaterThan(5);
  const table = page.getByRole('region', { name: `Movements of the fund naming ${DEMO.coopAdmin.coop}, newest first` });
  await expect(table.locator('tbody tr')).toHaveCount(account.rows.length);
  // The newest first; its balance is what the co-op owes now.
  const newest = account.rows.at(-1);
  await expect(table.locator('tbody tr').first().getByRole('rowheader')).toContainText(newest.reason);
  await expect(page.getByText('Dues', { exact: false }).first()).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await expectAccessible(page);
  await shot(page, 'fund-coop-account-phone');

  const other = await browser.newContext({ baseURL });
  const worker = await other.newPage();
  await signIn(worker, DEMO.worker.email);
  const refused = await worker.request.get(`/api/v1/fund/coops/${coopId}/account`);
  expect(refused.status()).toBe(404);
  await worker.goto(`/fund/coops/${coopId}`);
  await expect(worker.getByRole('alert')).toBeVisible();
  await expect(worker.getByText(DEMO.coopAdmin.coop)).toHaveCount(0);
  await other.close();
});

test('a treasurer sees who is behind with the fund and opens that co-op’s account', async ({ page }) => {
  await signIn(page, 'noelia.saez@ecomercat-de-benimaclet.example');
  await page.goto('/fund/contributions');
  const behind = page.getByRole('region', { name: 'Co-ops behind with the fund' });
  // The demo's year: Fil i Agulla has not paid its latest dues.
  const row = behind.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Fil i Agulla' }) });
  await expect(row).toBeVisible();
  await expect(row.getByRole('cell').first()).toContainText(/€\d/);
  await expectAccessible(page);
  await row.getByRole('link', { name: 'Fil i Agulla' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Fil i Agulla’s account with the fund' })).toBeVisible();
  await expect(page.getByText('the co-op owes the fund', { exact: true })).toBeVisible();
});
