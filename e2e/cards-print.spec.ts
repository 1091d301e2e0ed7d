/**
 * A co-op admin finds "Print cards" on the co-op's Workers page and gets a PDF
 * of the workers' cards; a worker without the role sees no such link.
 */
import { expect, test } from '@playwright/test';
import { DEMO, expectAccessible, shot, signIn } from './support.ts';

test('a co-op admin prints the co-op’s member cards from the Workers page', async ({ page }) => {
  await signIn(page, DEMO.coopAdmin.email);
  await page
    .getByRole('region', { name: `Administration of ${DEMO.coopAdmin.coop}` })
    .getByRole('link', { name: 'Workers' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Workers' })).toBeVisible();
  const coopId = /\/coops\/([^/]+)\/workers/.exec(page.url())![1]!;

  const link = page.getByRole('link', { name: 'Print cards' });
  await expect(link).toHaveAttribute('href', `/api/v1/coops/${coopId}/cards.pdf`);
  await expect(link).toHaveAccessibleDescription(/valid for a year/);
  await expectAccessible(page);
  await shot(page, 'workers-print-cards');
  await page.setViewportSize({ width: 360, height: 740 });
  await expect(link).toBeVisible();
  await shot(page, 'workers-print-cards');

  const pdf = await page.request.get(`/api/v1/coops/${coopId}/cards.pdf`);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');

  // A worker without the role is not shown the page, nor the link.
  await page.context().clearCookies();
  await signIn(page, DEMO.worker.email);
  await page.goto(`/coops/${coopId}/workers`);
  await expect(page.getByRole('heading', { name: 'No access' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Print cards' })).toHaveCount(0);
});
