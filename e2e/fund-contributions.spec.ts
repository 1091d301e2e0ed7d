/**
 * Contributions: the treasurer generates this month's dues, books one co-op's
 * payment by hand, and imports a bank statement that pays another co-op's dues
 * by its reference code (a line of money out and one with an unknown
 * reference are listed for her); importing the same statement again books
 * nothing. A co-op's worker sees their own co-op's dues. Axe and 360 px.
 */
import { expect, test } from '@playwright/test';
import { DEMO, expectAccessible, shot, signIn } from './support.ts';

const TREASURER = 'noelia.saez@ecomercat-de-benimaclet.example';

test('the treasurer generates the month’s dues, books a payment and imports a bank statement once', async ({
  page,
}) => {
  await signIn(page, TREASURER);
  await page.goto('/fund');
  await page.getByRole('link', { name: 'Contributions' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Contributions' })).toBeVisible();
  await page.getByRole('button', { name: 'Generate this month’s dues' }).click();
  await expect(page.getByRole('status').filter({ hasText: /now owe|already had them/ })).toBeVisible();
  const table = page.getByRole('region', { name: 'Dues of the month, by co-op' });
  const forn = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Forn de la Plaça' }) });
  const bicis = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Bicis del Túria' }) });
  await expect(forn).toBeVisible();
  await expectAccessible(page);

  // A payment by hand: Forn pays 10.00 of its dues.
  const fornOwed = await forn.getByRole('cell').nth(2).innerText();
  await forn.getByRole('button', { name: 'Book a payment from Forn de la Plaça' }).click();
  const dialog = page.getByRole('dialog', { name: 'A payment from Forn de la Plaça' });
  await dialog.getByLabel('Amount paid').fill('10');
  await dialog.getByRole('button', { name: 'Book it' }).click();
  await expect(dialog).toBeHidden();
  await expect(forn.getByRole('cell').nth(2)).not.toHaveText(fornOwed);

  // The bank's statement: Bicis pays its dues by reference; a bank fee; a transfer nobody owes.
  const reference = await bicis.getByRole('cell').nth(0).innerText();
  const due = (await bicis.getByRole('cell').nth(2).innerText()).replace(/[€,]/g, '');
  const day = new Date().toLocaleDateString('en-GB');
  const csv = `Fecha;Importe;Referencia;Concepto\n${day};${due.replace('.', ',')};${reference};Cuotas Bicis\n${day};-3,50;;Comisión\n${day};20,00;XYZ-123;Donativo\n`;
  const chooser = page.waitForEvent('filechooser');
  await page.getByLabel('Statement (CSV)').click();
  await (await chooser).setFiles({ name: 'extracto.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(page.getByLabel('Reference', { exact: true })).toHaveValue('2');
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(page.getByText('1 payment matched')).toBeVisible();
  await expect(page.getByText('Line 3: money out, not a payment')).toBeVisible();
  await expect(page.getByText('Line 4: no dues with that reference')).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Book 1 payment' }).click();
  await expect(page.getByText('1 payment booked')).toBeVisible();
  await expect(bicis.getByRole('cell').nth(2)).toHaveText('Paid');
  await shot(page, 'fund-contributions');

  // The same statement again: nothing new.
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(page.getByText('1 line was booked by an earlier import: not again.')).toBeVisible();
  await expect(page.getByRole('button', { name: /^Book \d+ payment/ })).toHaveCount(0);

  await page.setViewportSize({ width: 360, height: 740 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await shot(page, 'fund-contributions');
});

test('a worker sees the dues of their own co-op', async ({ page }) => {
  await signIn(page, DEMO.worker.email);
  await page.goto('/fund/contributions');
  await expect(page.getByRole('heading', { level: 1, name: 'Contributions' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Generate this month’s dues' })).toHaveCount(0);
  const rows = page.getByRole('region', { name: 'Dues of the month, by co-op' }).getByRole('rowheader');
  await expect(rows.first()).toHaveText(DEMO.worker.coop);
  expect(await rows.count()).toBe(1);
  await expectAccessible(page);
});
