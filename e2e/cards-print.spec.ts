/**
 * A co-op admin finds "Print cards" on the co-op's Workers page, is told that
 * every worker's card will be replaced, confirms, and downloads a PDF of the
 * workers' cards; a worker without the role sees no such button. Printing is
 * a POST with the session's CSRF token: a plain link (GET) prints nothing.
 */
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { DEMO, expectAccessible, shot, signIn } from './support.ts';

test('a co-op admin prints the co-op’s member cards from the Workers page, after confirming', async ({ page }) => {
  await signIn(page, DEMO.coopAdmin.email);
  await page
    .getByRole('region', { name: `Administration of ${DEMO.coopAdmin.coop}` })
    .getByRole('link', { name: 'Workers' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Workers' })).toBeVisible();
  const coopId = /\/coops\/([^/]+)\/workers/.exec(page.url())![1]!;
  const printUrl = `/api/v1/coops/${coopId}/cards.pdf`;
  const prints: string[] = [];
  page.on('request', (r) => {
    if (r.url().endsWith(printUrl)) prints.push(r.method());
  });

  const button = page.getByRole('button', { name: 'Print cards' });
  await expect(button).toHaveAccessibleDescription(/valid for a year/);
  await expect(page.getByRole('link', { name: 'Print cards' })).toHaveCount(0);
  await expectAccessible(page);
  await shot(page, 'workers-print-cards');

  // Asked first; cancelling prints nothing.
  await button.click();
  const dialog = page.getByRole('dialog', { name: 'Print new cards for every worker?' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(`Every worker of ${DEMO.coopAdmin.coop} gets a new card`);
  await expect(dialog).toContainText('The card on each worker\'s phone is replaced');
  await expectAccessible(page);
  await shot(page, 'workers-print-cards-confirm');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  expect(prints).toEqual([]);

  // Confirmed: one POST, and the PDF is downloaded.
  await button.click();
  const downloading = page.waitForEvent('download');
  await page.getByRole('dialog').getByRole('button', { name: 'Replace every card' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^cards-[a-z0-9-]+\.pdf$/);
  const pdf = await readFile((await download.path())!);
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: download.suggestedFilename() })).toBeVisible();
  expect(prints).toEqual(['POST']);

  await page.setViewportSize({ width: 360, height: 740 });
  await expect(button).toBeVisible();
  await shot(page, 'workers-print-cards');

  // The old link prints nothing; a POST with the cookie but without the CSRF header neither.
  const get = await page.request.get(printUrl);
  expect(get.status()).toBe(405);
  const noCsrf = await page.request.post(printUrl);
  expect(noCsrf.status()).toBe(403);
  expect((await noCsrf.json()).error.code).toBe('auth.csrf');

  // A worker without the role is not shown the page, nor the button.
  await page.context().clearCookies();
  await signIn(page, DEMO.worker.email);
  await page.goto(`/coops/${coopId}/workers`);
  await expect(page.getByRole('heading', { name: 'No access' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Print cards' })).toHaveCount(0);
});
