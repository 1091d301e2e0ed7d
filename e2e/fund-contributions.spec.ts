/**
 * Contributions: the treasurer generates this month's dues, books one co-op's
 * payment by hand, and imports a bank statement that pays another co-op's dues
 * by its reference code (a line of money out and one with an unknown
 * reference are listed for her); importing the same statement again books
 * nothing. A co-op's worker sees their own co-op's dues. Axe and 360 px.
 *
 * The dues are generated a batch of co-ops at a time, a bar showing how far;
 * the treasurer records a gift and sees it listed (and on the public page,
 * the giver not named). A co-op's admin declares the year's surplus at a
 * phone's width and sees what the co-op owes of it, with its reference.
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
  // The bar went through every co-op of the network, batch by batch.
  const bar = page.getByRole('progressbar', { name: 'Dues generated, co-op by co-op' });
  await expect(bar).toHaveAttribute('aria-valuenow', '100');
  await expect(page.getByText(/^(\d+) of \1 co-ops$/)).toBeVisible();
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

test('the treasurer records a gift; it is listed, and on the public page the giver who did not agree is not named', async ({
  page,
}) => {
  await signIn(page, TREASURER);
  await page.goto('/fund/contributions');
  await page.getByRole('button', { name: 'Record a gift' }).click();
  const dialog = page.getByRole('dialog', { name: 'A gift to the fund' });
  await dialog.getByRole('radio', { name: 'A person or an organisation' }).check();
  await dialog.getByLabel('Their name').fill('Amparo Ferrer');
  await dialog.getByLabel('Amount received').fill('125,50');
  await dialog.getByLabel('Into').selectOption({ label: 'Emergency' });
  await dialog.getByLabel('Note').fill('Collected at her shop <b>counter</b>');
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Record the gift' }).click();
  await expect(dialog).toBeHidden();
  const gifts = page.getByRole('region', { name: 'Gifts of the last twelve months' });
  const row = gifts.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Amparo Ferrer' }) });
  await expect(row).toContainText('€125.50');
  // Text stays text.
  await expect(row).toContainText('Collected at her shop <b>counter</b>');
  await expectAccessible(page);

  // The public page, signed out: the gift is there, its giver not named (she did not agree), the note not shown.
  await page.context().clearCookies();
  await page.goto('/fund');
  const publicGifts = page.getByRole('region', { name: 'Gifts of the last twelve months' });
  await expect(publicGifts.getByRole('row').filter({ hasText: '€125.50' }).first()).toContainText('A supporter');
  await expect(publicGifts).not.toContainText('Amparo Ferrer');
  await expect(publicGifts).not.toContainText('Collected at her shop');
});

test('a co-op’s admin declares the year’s surplus at a phone’s width and sees what the co-op owes of it; a treasurer corrects it', async ({
  page,
}) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await signIn(page, DEMO.coopAdmin.email);
  await page.goto('/fund/contributions');
  const section = page.getByRole('region', { name: `The year’s surplus of ${DEMO.coopAdmin.coop}` });
  await expect(section).toBeVisible();
  const year = new Date().getFullYear() - 1;
  await section.getByLabel('Year', { exact: true }).selectOption(String(year));
  await section.getByLabel('Day the accounts closed').fill(`${year}-12-31`);
  await section.getByLabel('Surplus of the year').fill('48000');
  await section.getByRole('button', { name: 'Declare the year' }).click();
  // 3 % of 48,000.00 is 1,440.00, due 60 days after the closing.
  const owed = section.getByRole('status');
  await expect(owed).toContainText('Your co-op owes the fund €1,440.00 (3 % of the surplus)');
  await expect(owed).toContainText(new RegExp(`reference S${year}-[0-9A-Z]{6}`));
  const reference = /S\d{4}-[0-9A-Z]{6}/.exec(await owed.innerText())![0];
  const table = section.getByRole('region', { name: 'Years declared and their share of surplus' });
  await expect(table.getByRole('row').filter({ hasText: String(year) })).toContainText('€1,440.00');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await expectAccessible(page);
  await page.screenshot({ path: '/tmp/fund-surplus-360.png', fullPage: true });

  // The same year again with other figures: refused, in words.
  await section.getByLabel('Surplus of the year').fill('50000');
  await section.getByRole('button', { name: 'Declare the year' }).click();
  await expect(section.getByRole('alert')).toContainText('This year was declared already with other figures');

  // A treasurer corrects it: the share is booked again, under the same reference.
  await page.context().clearCookies();
  await signIn(page, TREASURER);
  await page.goto('/fund/contributions');
  const shares = page.getByRole('region', { name: 'Shares of surplus owed, by co-op' });
  const row = shares.getByRole('row').filter({ has: page.getByRole('rowheader', { name: DEMO.coopAdmin.coop }) });
  await expect(row).toContainText(reference);
  await row.getByRole('button', { name: `Correct the year ${year} of ${DEMO.coopAdmin.coop}` }).click();
  const dialog = page.getByRole('dialog', { name: `Correct the year ${year} of ${DEMO.coopAdmin.coop}` });
  await expect(dialog.getByLabel('Surplus of the year')).toHaveValue('48000.00');
  await dialog.getByLabel('Surplus of the year').fill('50000');
  await dialog.getByLabel('Why it is corrected').fill('The auditors’ figures');
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Correct the year' }).click();
  await expect(dialog).toBeHidden();
  await expect(row).toContainText('€1,500.00');
  await expect(row).toContainText(reference);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
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
