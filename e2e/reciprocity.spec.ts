/**
 * Reciprocity accounts: the coordinator reads the month's matrix (its total
 * is the sum of its cells), downloads it as CSV, sets the settlement policy
 * to "the fund reimburses givers" above a threshold, settles last month and
 * sees what the fund owes; a worker reads the same accounts without the
 * coordinator's forms. Checked with axe, and looked at 360 px wide.
 */
import { expect, type Locator, type Page, test } from '@playwright/test';
import { DEMO, expectAccessible, shot, signIn } from './support.ts';

const TREASURER = 'noelia.saez@ecomercat-de-benimaclet.example';
const MATRIX = 'Discounts given, by giving co-op (rows) and receiving co-op (columns)';

/** "€1,234.50" (en-GB) → 123450. */
function cents(text: string): number {
  const m = text.replace(/,/g, '').match(/(-?)\+?€?(-?)(\d+)\.(\d{2})/);
  if (!m) throw new Error(`not an amount: ${text}`);
  return (m[1] || m[2] ? -1 : 1) * (Number(m[3]) * 100 + Number(m[4]));
}

/** The amount shown in a cell, or 0 for an empty one (a dash). */
async function cellCents(cell: Locator): Promise<number> {
  const text = (await cell.innerText()).trim();
  return text.startsWith('—') ? 0 : cents(text.split('\n')[0]!);
}

async function lastMonthName(page: Page): Promise<{ value: string; name: string }> {
  return page.evaluate(() => {
    const d = new Date();
    const last = new Date(Date.UTC(d.getFullYear(), d.getMonth() - 1, 15));
    return {
      value: `${last.getUTCFullYear()}-${String(last.getUTCMonth() + 1).padStart(2, '0')}`,
      name: new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(last),
    };
  });
}

test('a coordinator reads the accounts, sets the settlement policy and settles last month', async ({ page }) => {
  await signIn(page, DEMO.coordinator.email);
  await page.getByRole('link', { name: 'Reciprocity accounts' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Reciprocity accounts' })).toBeVisible();

  // Last month is whole in the demo's history: read it, and check that its cells add up to its total.
  const last = await lastMonthName(page);
  await page.getByLabel('Month', { exact: true }).selectOption(last.value);
  await expect(page).toHaveURL(new RegExp(`month=${last.value}`));
  // The month's figures have arrived (the summary names it) before the cells are read.
  const summary = page.getByText(/discounts in .+, worth .+ in total\./);
  await expect(summary).toContainText(last.name);
  const matrix = page.getByRole('region', { name: MATRIX });
  await expect(matrix.getByRole('rowheader', { name: 'Forn de la Plaça' })).toBeVisible();
  const amounts = matrix.locator('tbody td[data-cell="amount"]');
  // A row per co-op, a column per co-op and one for supporters.
  const rows = await matrix.locator('tbody tr').count();
  expect(rows).toBeGreaterThanOrEqual(12);
  expect(await amounts.count()).toBe(rows * (rows + 1));
  let sum = 0;
  for (const cell of await amounts.all()) sum += await cellCents(cell);
  const total = await cellCents(matrix.locator('tfoot td[data-cell="total"]'));
  expect(sum).toBeGreaterThan(0);
  expect(total).toBe(sum);
  expect(cents((await summary.innerText()).split('worth ')[1]!)).toBe(total);

  // Net = given − received, row by row.
  const positions = page.getByRole('region', { name: 'Net position of each co-op' });
  for (const row of await positions.locator('tbody tr').all()) {
    const [net, given, received] = await Promise.all([0, 1, 2].map((i) => row.locator('td').nth(i).innerText()));
    expect(cents(net!)).toBe(cents(given!) - cents(received!));
  }

  // The CSV of the month, as the link downloads it.
  const csv = page.getByRole('link', { name: 'Download CSV' });
  const res = await page.request.get((await csv.getAttribute('href'))!);
  expect(res.status()).toBe(200);
  expect(res.headers()['content-disposition']).toBe(`attachment; filename="reciprocity-${last.value}.csv"`);
  expect((await res.text()).split('\r\n')[0]).toBe('\uFEFFmonth,giver_id,giver,receiver_id,receiver,count,amount,amount_cents');

  await expectAccessible(page);
  await shot(page, 'reciprocity-matrix');

  // The fund reimburses what a co-op gives net above 10.00 a month.
  const policy = page.getByRole('region', { name: 'Settlement policy' });
  await policy.getByLabel('Policy', { exact: true }).selectOption('fund_reimburses_givers');
  await policy.getByLabel('Threshold a month').fill('10');
  await policy.getByRole('button', { name: 'Save policy' }).click();
  await expect(policy.getByRole('status')).toHaveText('The settlement policy has been saved.');
  await expect(policy.getByText('The solidarity fund reimburses each co-op for what it gives net above €10.00 a month.')).toBeVisible();
  await expect(policy.getByText(/^Set by a coordinator on /)).toBeVisible();

  // Settle last month: every co-op whose net is above 10.00 is owed the difference.
  const netAbove = new Map<string, number>();
  for (const row of await positions.locator('tbody tr').all()) {
    const net = cents(await row.locator('td').nth(0).innerText());
    if (net > 1000) netAbove.set((await row.getByRole('rowheader').innerText()).trim(), net);
  }
  expect(netAbove.size).toBeGreaterThan(0);
  const settlements = page.getByRole('region', { name: `What the fund owes for ${last.name}` });
  await expect(settlements.getByLabel('Month to settle')).toHaveValue(last.value);
  await settlements.getByRole('button', { name: 'Settle month' }).click();
  // A month is settled once: it is confirmed first, saying so.
  const confirm = page.getByRole('dialog', { name: `Settle ${last.name}?` });
  await expect(confirm).toContainText('this cannot be undone');
  await confirm.getByRole('button', { name: `Settle ${last.name}` }).click();
  await expect(confirm).toBeHidden();
  await expect(settlements.getByRole('status')).toHaveText(new RegExp(`^${last.name} is settled: ${netAbove.size} obligations?\\.$`));
  const owed = settlements.getByRole('region', { name: `Obligations of the solidarity fund for ${last.name}` });
  await expect(owed.locator('tbody tr')).toHaveCount(netAbove.size);
  for (const [coop, net] of netAbove) {
    const row = owed.getByRole('row').filter({ has: page.getByRole('rowheader', { name: coop, exact: true }) });
    const cells = row.getByRole('cell');
    expect(cents(await cells.nth(0).innerText())).toBe(net - 1000);
    expect(cents(await cells.nth(1).innerText())).toBe(net);
    expect(cents(await cells.nth(2).innerText())).toBe(1000);
    await expect(cells.nth(3)).toHaveText('Owed');
  }
  await expectAccessible(page);
  await shot(page, 'reciprocity-settled');

  // 360 px wide: the page does not scroll sideways; the wide tables scroll in their own regions.
  await page.setViewportSize({ width: 360, height: 740 });
  await expect(matrix).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await page.screenshot({ path: test.info().outputPath('reciprocity-360.png'), fullPage: true });
  await shot(page, 'reciprocity-phone');
});

test('a treasurer pays what the fund owes a giver for last month; the fund’s books show it', async ({ page }) => {
  await signIn(page, TREASURER);
  const last = await lastMonthName(page);
  const fundBefore = await (await page.request.get('/api/v1/fund')).json();
  const bank = (view: { accounts: { code: string; balanceCents: number }[] }) => view.accounts.find((a) => a.code === 'assets:bank')!.balanceCents;
  await page.goto(`/reciprocity?month=${last.value}`);
  const owed = page.getByRole('region', { name: `Obligations of the solidarity fund for ${last.name}` });
  const row = owed.locator('tbody tr').first();
  const coop = (await row.getByRole('rowheader').innerText()).trim();
  const amount = cents(await row.getByRole('cell').nth(0).innerText());
  await row.getByRole('button', { name: `Pay what the fund owes ${coop}` }).click();
  const dialog = page.getByRole('dialog', { name: `Pay ${coop}?` });
  await expectAccessible(page);
  await dialog.getByRole('button', { name: /^Pay / }).click();
  await expect(dialog).toBeHidden();
  await expect(row.getByRole('cell').nth(3)).toHaveText(/^Paid on /);
  await expect(row.getByRole('button', { name: `Pay what the fund owes ${coop}` })).toHaveCount(0);
  // The money left the fund's bank account, as a movement of its ledger.
  const fundAfter = await (await page.request.get('/api/v1/fund')).json();
  expect(bank(fundBefore) - bank(fundAfter)).toBe(amount);
  await page.goto('/fund');
  await expect(page.getByText(`Reimbursement to ${coop} for ${last.value} paid`).first()).toBeVisible();
});

test('a worker reads the accounts and the policy, without the coordinator’s forms', async ({ page }) => {
  await signIn(page, DEMO.worker.email);
  await page.goto('/reciprocity');
  await expect(page.getByRole('heading', { level: 1, name: 'Reciprocity accounts' })).toBeVisible();
  await expect(page.getByRole('region', { name: MATRIX })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Settlement policy' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Settlement policy' }).getByText(/^(No settlement|The solidarity fund reimburses)/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save policy' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Settle month' })).toHaveCount(0);
  await expectAccessible(page);
});

test('a supporter is told the accounts are the members’ and gets no link to them', async ({ page }) => {
  // The session says this person may not read the accounts, so the dashboard does not ask for them.
  const refused: string[] = [];
  page.on('response', (r) => {
    if (r.url().includes('/api/v1/') && r.status() === 403) refused.push(r.url());
  });
  await signIn(page, 'enric.miralles@correo.example');
  await expect(page.getByRole('link', { name: 'Profile and API tokens' })).toBeVisible();
  expect(refused).toEqual([]);
  await expect(page.getByRole('link', { name: 'Reciprocity accounts' })).toHaveCount(0);
  await page.goto('/reciprocity');
  await expect(page.getByRole('heading', { level: 1, name: 'Reciprocity accounts' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('The reciprocity accounts are open to the workers of the member co-ops.');
  await expect(page.getByRole('region', { name: MATRIX })).toHaveCount(0);
});
