/**
 * A loan repaid by a share of revenue, as decided over time: a co-op's admin
 * applies for it with the share; the fund committee approves and a treasurer
 * pays it out (through the API, as the loan journey does in the browser);
 * the co-op's admin declares a month's revenue at their phone and sees the
 * share due; a treasurer freezes the loan citing a passed proposal, and the
 * statement shows the freeze with its reason and the month's share frozen.
 * Axe on each state of the page; 360 px.
 */
import { expect, type Page, test } from '@playwright/test';
import { apiSession, expectAccessible, shot, signIn, uniqueId } from './support.ts';

const TREASURER = 'noelia.saez@ecomercat-de-benimaclet.example';
/** Bicis del Túria's admin: none of the fund committee works there. */
const APPLICANT = { email: 'jordi.ribes@bicis-del-turia.example', coop: 'Bicis del Túria' };
const COMMITTEE = [
  'carmen.romero@neteges-solidaries.example',
  'raquel.montesinos@escoleta-el-niu.example',
  'lucia.martinez@forn-de-la-placa.example',
];

async function as(page: Page, email: string) {
  await page.context().clearCookies();
  await signIn(page, email);
}

test('a co-op declares a month’s revenue for its loan at its phone; a treasurer freezes the loan on a passed proposal', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const purpose = `A cargo bike for deliveries ${uniqueId()}`;

  // The co-op's admin applies: a share of revenue asks for the share.
  await as(page, APPLICANT.email);
  await page.goto('/fund/apply');
  await page.getByLabel('What you ask for').selectOption('loan');
  await page.getByLabel(/^Amount/).fill('3000');
  await page.getByLabel('What for').fill(purpose);
  await page.getByLabel('Plan').fill('A cargo bike to deliver for the market’s stalls.');
  await page.getByLabel('Term (months)').fill('12');
  await page.getByLabel('Yearly interest (%)').fill('0');
  await expect(page.getByLabel('Share of monthly revenue (%)')).toHaveCount(0);
  await page.getByLabel('Repayment', { exact: true }).selectOption('revenue_share');
  await page.getByLabel('Share of monthly revenue (%)').fill('5');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Send the application' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Loan — ${APPLICANT.coop}` })).toBeVisible();
  const applicationId = page.url().split('/fund/applications/')[1]!;

  // The committee approves; a treasurer pays it out.
  for (const email of COMMITTEE) {
    const { api, csrf } = await apiSession(baseURL!, email);
    const res = await api.post(`/api/v1/fund/applications/${applicationId}/answers`, {
      data: { decision: 'approve' },
      headers: { 'X-CSRF-Token': csrf },
    });
    expect(res.status(), await res.text()).toBe(200);
    await api.dispose();
  }
  const { api, csrf } = await apiSession(baseURL!, TREASURER);
  const paid = await api.post(`/api/v1/fund/applications/${applicationId}/payment`, {
    data: {},
    headers: { 'X-CSRF-Token': csrf, 'Idempotency-Key': crypto.randomUUID() },
  });
  expect(paid.status(), await paid.text()).toBe(201);
  const loanId = ((await paid.json()) as { loanId: string }).loanId;
  const passed = await api.get('/api/v1/proposals', { params: { status: 'passed', limit: 1 } });
  const proposal = ((await passed.json()) as { items: { id: string; title: string }[] }).items[0]!;
  expect(proposal).toBeTruthy();
  await api.dispose();

  // The co-op's admin, at their phone, declares this month's revenue.
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(`/fund/loans/${loanId}`);
  await expect(page.getByRole('heading', { level: 1, name: `Loan to ${APPLICANT.coop}` })).toBeVisible();
  await expect(page.getByText('5 %', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Declare a month’s revenue' }).click();
  const declare = page.getByRole('dialog', { name: 'A month’s revenue' });
  await declare.getByLabel('Revenue of the month').fill('12345.67');
  await expectAccessible(page);
  await declare.getByRole('button', { name: 'Declare' }).click();
  await expect(declare).toBeHidden();
  const months = page.getByRole('region', { name: 'Each month’s revenue declared and the share of it due' });
  const row = months.getByRole('row').nth(1);
  await expect(row.getByRole('cell').nth(0)).toHaveText('€12,345.67');
  // 5 % of it, rounded down to the cent.
  await expect(row.getByRole('cell').nth(1)).toHaveText('€617.28');
  await expect(row).toContainText('Due on');
  await expect(page.getByText('Up to date')).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await expectAccessible(page);
  await shot(page, 'fund-loan-revenue-phone');
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: '/tmp/a-loan-revenue-360.png', fullPage: true });

  // A treasurer freezes the loan, citing the passed proposal; the reason is shown as text.
  await page.setViewportSize({ width: 1280, height: 720 });
  await as(page, TREASURER);
  await page.goto(`/fund/loans/${loanId}`);
  await page.getByRole('button', { name: 'Freeze' }).click();
  const freeze = page.getByRole('dialog', { name: `Freeze the loan to ${APPLICANT.coop}` });
  await freeze.getByRole('button', { name: 'Freeze' }).click();
  await expect(freeze.getByText('Choose the passed proposal that decided it.')).toBeVisible();
  await freeze.getByLabel('Passed proposal').selectOption(proposal.id);
  const reason = '<b>The workshop flooded</b> — nothing due until it reopens';
  await freeze.getByLabel('Reason').fill(reason);
  await expectAccessible(page);
  await freeze.getByRole('button', { name: 'Freeze' }).click();
  await expect(freeze).toBeHidden();
  await expect(page.getByText(/^Frozen since /)).toBeVisible();
  const changes = page.getByRole('region', { name: 'Changes decided' });
  await expect(changes.getByText(reason, { exact: true })).toBeVisible();
  await expect(changes.getByRole('link', { name: 'The proposal that decided it' })).toHaveAttribute(
    'href',
    `/proposals/${proposal.id}`,
  );
  await expect(months.getByRole('row').nth(1)).toContainText('Frozen: nothing due');
  await expectAccessible(page);

  // The proposal also said when the freeze ends: the treasurer records its end.
  await page.getByRole('button', { name: 'End the freeze' }).click();
  const end = page.getByRole('dialog', { name: `End the freeze of the loan to ${APPLICANT.coop}` });
  const endsOn = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
  await end.getByLabel('Passed proposal').selectOption(proposal.id);
  await end.getByLabel('Freeze ends on').fill(endsOn);
  await end.getByLabel('Reason').fill('The workshop reopens');
  await end.getByRole('button', { name: 'End the freeze' }).click();
  await expect(end).toBeHidden();
  await expect(changes.getByText(/^Freeze ended on /)).toBeVisible();
  await expect(page.getByText(/^Frozen from \w+ \d+, \d{4} until \w+ \d+, \d{4}$/)).toBeVisible();
  await expect(changes.getByRole('listitem')).toHaveCount(2);
  await expect(page.getByRole('button', { name: 'Freeze', exact: true })).toBeVisible();
  await page.setViewportSize({ width: 360, height: 740 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await expectAccessible(page);
  await shot(page, 'fund-loan-frozen-phone');
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: '/tmp/a-loan-frozen-360.png', fullPage: true });
});
