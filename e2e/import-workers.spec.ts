/**
 * A co-op admin imports 200 workers from a CSV file with three bad rows:
 * previews, imports, sees exactly the refused rows, and finds an imported
 * worker on the Workers page.
 */
import { expect, test } from '@playwright/test';
import { DEMO, expectAccessible, shot, signIn, uniqueId } from './support.ts';

test('a co-op admin imports workers from a CSV file', async ({ page }) => {
  const id = uniqueId();
  const email = (i: number) => `w${i}.${id}@import-e2e.example`;
  const name = (i: number) => `Treballadora ${i} ${id}`;
  // Line 1 is the header; worker i is on line i + 1.
  const rows = Array.from({ length: 200 }, (_, k) => `${email(k + 1)},${name(k + 1)}`);
  rows[9] = `not-an-email-${id},Sense Adreça`; // line 11
  rows[49] = `${email(50)},`; // line 51: no name
  rows[99] = `${email(5)},${name(5)} again`; // line 101: the e-mail of line 6
  const csv = ['email,display_name', ...rows].join('\n') + '\n';
  const refused = [
    ['11', `not-an-email-${id}`, 'Not a valid e-mail address'],
    ['51', email(50), 'The name is missing'],
    ['101', email(5), 'The same e-mail appears earlier in the file'],
  ];
  const found = 150; // an imported worker, on line 151

  await signIn(page, DEMO.coopAdmin.email);
  await page
    .getByRole('region', { name: `Administration of ${DEMO.coopAdmin.coop}` })
    .getByRole('link', { name: 'Import' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Import workers' })).toBeVisible();
  await expectAccessible(page);
  await shot(page, 'import-empty');

  // The file picker is a button like the form's others; choosing a file names it there.
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'CSV file' }).click();
  await (await chooser).setFiles({ name: `workers-${id}.csv`, mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(page.getByRole('button', { name: 'CSV file' })).toContainText(`workers-${id}.csv`);
  await expect(page.getByLabel('CSV content')).toHaveValue(csv);

  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  const result = page.getByRole('region', { name: 'Preview result' });
  await expect(result.getByRole('heading', { name: 'Preview result' })).toBeVisible();
  await expect(result.getByRole('status')).toContainText('197 would be imported');
  await expect(result.getByRole('status')).toContainText('200 rows read, 3 refused.');
  await expect(result.getByRole('table', { name: 'Refused rows' }).getByRole('row')).toHaveCount(1 + refused.length);

  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const imported = page.getByRole('region', { name: 'Import result' });
  await expect(imported.getByRole('status')).toContainText('197 imported', { timeout: 20_000 });
  await expect(imported.getByRole('status')).toContainText('200 rows read, 3 refused.');
  await expect(page.getByRole('progressbar', { name: 'Import progress' })).toHaveAttribute('aria-valuenow', '100');
  await expect(imported.getByRole('heading', { name: 'Refused rows' })).toBeVisible();
  const table = imported.getByRole('table', { name: 'Refused rows' });
  await expect(table.getByRole('columnheader')).toHaveText(['Line', 'E-mail', 'Reason']);
  const tableRows = table.getByRole('row');
  await expect(tableRows).toHaveCount(1 + refused.length);
  for (const [i, cells] of refused.entries()) {
    await expect(tableRows.nth(i + 1).getByRole('cell')).toHaveText(cells);
  }
  await expectAccessible(page);
  await shot(page, 'import-done');

  await page.getByRole('navigation', { name: 'Co-op administration' }).getByRole('link', { name: 'Workers' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Workers' })).toBeVisible();
  const workers = page.getByRole('table', { name: `Workers of ${DEMO.coopAdmin.coop}` });
  await expect(workers).toBeVisible();
  await page.getByRole('searchbox', { name: 'Search workers' }).fill(name(found));
  await expect(workers.getByRole('row')).toHaveCount(2);
  const row = workers.getByRole('row', { name: new RegExp(email(found).replace(/\./g, '\\.')) });
  await expect(row.getByRole('cell').nth(0)).toHaveText(name(found));
  await expect(row.getByRole('cell').nth(2)).toHaveText('Invited');
  await expectAccessible(page);
  await shot(page, 'workers-search');
});
