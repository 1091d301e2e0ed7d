/**
 * A loan without a bank, start to end: a co-op's admin applies for a loan
 * above the fund committee's limit; a coordinator puts it to the assembly's
 * vote, which passes; the treasurer pays it out; a repayment arrives in a
 * bank statement she imports; the co-op's loan statement shows it split into
 * interest and principal. Axe on every new page.
 */
import { expect, type Page, test } from '@playwright/test';
import { API_VOTERS, DEMO, castThroughApi, expectAccessible, openVoting, shot, signIn, uniqueId } from './support.ts';

const TREASURER = 'noelia.saez@ecomercat-de-benimaclet.example';

async function as(page: Page, email: string) {
  await page.context().clearCookies();
  await signIn(page, email);
}

test('a loan goes to the assembly, passes, is paid out, and a repayment from the bank shows on its statement', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(150_000);
  const purpose = `A delivery van for the bakery ${uniqueId()}`;

  // The co-op's admin applies.
  await as(page, DEMO.coopAdmin.email);
  await page.goto('/fund/apply');
  await page.getByLabel('What you ask for').selectOption('loan');
  await page.getByLabel(/^Amount/).fill('10500');
  await page.getByLabel('What for').fill(purpose);
  await page.getByLabel('Plan').fill('An electric van to deliver to the school canteens.');
  await page.getByLabel('Term (months)').fill('10');
  await page.getByLabel('Yearly interest (%)').fill('0');
  await page.getByLabel('How the co-op will repay').fill('From the canteen contract, every month.');
  await expectAccessible(page);
  // The form fits a phone too.
  await page.setViewportSize({ width: 360, height: 740 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.getByRole('button', { name: 'Send the application' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Loan — Forn de la Plaça' })).toBeVisible();
  await expect(page.getByText('The assembly, by a vote')).toBeVisible();
  await expect(page.getByText('10 months, 0 % simple yearly interest, 0 months’ grace')).toBeVisible();
  const application = page.url();

  // A coordinator puts it to the assembly's vote; the members vote yes.
  await as(page, DEMO.coordinator.email);
  await page.goto(application);
  await page.getByRole('link', { name: 'Put to the assembly’s vote' }).click();
  await expect(page.getByLabel('Title')).toHaveValue('Loan for Forn de la Plaça');
  await page.getByRole('button', { name: 'Create proposal' }).click();
  await expect(page.getByText('Draft', { exact: true })).toBeVisible();
  const proposalId = page.url().split('/proposals/')[1]!;
  const electorate = await openVoting(page, 25);
  const voters = API_VOTERS.slice(0, Math.min(API_VOTERS.length, Math.ceil(electorate / 4) + 2));
  for (const email of voters) await castThroughApi(baseURL!, email, proposalId, { choice: 'yes' });
  // The clock closes the vote and carries out its effect: the loan is approved.
  await expect(async () => {
    await page.goto(application);
    await expect(page.getByText('Approved', { exact: true })).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 90_000 });

  // The treasurer pays it out.
  await as(page, TREASURER);
  await page.goto(application);
  await page.getByRole('button', { name: 'Pay' }).click();
  await page.getByRole('dialog', { name: 'Pay this application?' }).getByRole('button', { name: 'Pay' }).click();
  await expect(page.getByText('Paid', { exact: true })).toBeVisible();
  await page.getByRole('link', { name: 'The loan’s statement' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Loan to Forn de la Plaça' })).toBeVisible();
  await expect(page.getByText('Up to date')).toBeVisible();
  const reference = (await page.getByText(/^L\d{6}-[0-9A-Z]{6}$/).innerText()).trim();
  const statement = page.url();
  await expectAccessible(page);

  // A repayment arrives in the bank statement.
  await page.goto('/fund/contributions');
  const day = new Date().toLocaleDateString('en-GB');
  const csv = `Fecha;Importe;Referencia;Concepto\n${day};500,00;${reference};Devolución préstamo\n`;
  const chooser = page.waitForEvent('filechooser');
  await page.getByLabel('Statement (CSV)').click();
  await (await chooser).setFiles({ name: 'extracto.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByRole('button', { name: 'Preview' }).click();
  await page.getByRole('button', { name: 'Book 1 payment' }).click();
  await expect(page.getByText('1 payment booked')).toBeVisible();

  // The co-op reads its statement: the repayment, split.
  await as(page, DEMO.coopAdmin.email);
  await page.goto(statement);
  const repayments = page.getByRole('region', { name: 'Repayments, split into interest and principal' });
  const row = repayments.getByRole('row').nth(1);
  await expect(row.getByRole('cell').nth(0)).toHaveText('€0.00');
  await expect(row.getByRole('cell').nth(1)).toHaveText('€500.00');
  await expect(page.getByText('€10,000.00')).toBeVisible();
  await expectAccessible(page);
  await shot(page, 'fund-loan-statement');
  await page.setViewportSize({ width: 360, height: 740 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await shot(page, 'fund-loan-statement');
});
