/**
 * An emergency grant from the solidarity fund, start to end: a co-op's admin
 * applies; two members of the fund committee approve it at their phones (a
 * third, who works at the applicant co-op, is offered no answer and refused
 * by the API); the treasurer pays it; the fund's page shows the sub-fund's
 * new balance and, to members, the grant. Checked with axe on every page.
 */
import { expect, type Browser, type Page, test } from '@playwright/test';
import { DEMO, apiSession, expectAccessible, shot, signIn, uniqueId } from './support.ts';

const TREASURER = 'noelia.saez@ecomercat-de-benimaclet.example';
/** The demo's fund committee: one works at Forn de la Plaça, the others elsewhere. */
const COMMITTEE = {
  ofApplicant: 'lucia.martinez@forn-de-la-placa.example',
  first: { email: 'carmen.romero@neteges-solidaries.example', name: 'Carmen Romero Pastor' },
  second: { email: 'raquel.montesinos@escoleta-el-niu.example', name: 'Raquel Montesinos Vidal' },
};

/** A person at their phone, signed in. */
async function atPhone(browser: Browser, baseURL: string, email: string): Promise<Page> {
  const context = await browser.newContext({
    baseURL,
    locale: 'en-GB',
    viewport: { width: 360, height: 740 },
    isMobile: true,
    hasTouch: true,
  });
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

const noSidewaysScroll = async (page: Page) =>
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

test('a co-op applies for an emergency grant; two of the committee approve at their phones; the treasurer pays; the fund shows it', async ({
  page,
  browser,
  baseURL,
}) => {
  const purpose = `The oven broke down ${uniqueId()}`;
  const { api } = await apiSession(baseURL!, DEMO.worker.email);
  const emergencyBefore = (
    (await (await api.get('/api/v1/fund')).json()) as { subFunds: { code: string; balanceCents: number }[] }
  ).subFunds.find((f) => f.code === 'emergency')!.balanceCents;

  // The co-op's admin applies.
  await signIn(page, DEMO.coopAdmin.email);
  await page.goto('/fund');
  await page.getByRole('link', { name: 'Applications to the fund' }).click();
  await page.getByRole('link', { name: 'Apply for your co-op' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Apply to the fund' })).toBeVisible();
  await expect(page.getByText('For Forn de la Plaça')).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('What you ask for').selectOption('emergency_grant');
  await page.getByLabel(/^Amount/).fill('1800');
  await page.getByLabel('What for').fill(purpose);
  await page.getByLabel('Plan').fill('A technician repairs it on Monday; we bake again on Tuesday.');
  await page.getByRole('button', { name: 'Send the application' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Emergency grant — Forn de la Plaça' })).toBeVisible();
  await expect(page.getByText('Waiting for a decision')).toBeVisible();
  await expect(page.getByText(/The fund committee, fast track: 2 approvals by/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Approve' })).toHaveCount(0);
  const url = page.url();
  const id = url.split('/').at(-1)!;
  await expectAccessible(page);

  // The committee member from the applicant co-op is offered no answer, and the API refuses hers.
  const conflicted = await atPhone(browser, baseURL!, COMMITTEE.ofApplicant);
  await conflicted.goto(url);
  await expect(conflicted.getByRole('heading', { level: 1, name: /Emergency grant/ })).toBeVisible();
  await expect(conflicted.getByRole('button', { name: 'Approve' })).toHaveCount(0);
  const { api: hers, csrf } = await apiSession(baseURL!, COMMITTEE.ofApplicant);
  const refused = await hers.post(`/api/v1/fund/applications/${id}/answers`, {
    headers: { 'x-csrf-token': csrf },
    data: { decision: 'approve' },
  });
  expect(refused.status()).toBe(403);
  expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('fund.conflict_of_interest');
  await conflicted.context().close();

  // Two others approve, each at their phone.
  for (const [member, status] of [
    [COMMITTEE.first, 'Waiting for a decision'],
    [COMMITTEE.second, 'Approved'],
  ] as const) {
    const phone = await atPhone(browser, baseURL!, member.email);
    // The committee member heard of it.
    await phone.goto('/notifications');
    await expect(phone.getByText('Forn de la Plaça applied to the fund: Emergency grant of €1,800.00. The committee decides.').first()).toBeVisible();
    await phone.goto('/fund/applications');
    await phone.getByRole('listitem').filter({ hasText: purpose }).getByRole('link').click();
    await expect(phone).toHaveURL(url);
    await expect(phone.getByText(purpose)).toBeVisible();
    await noSidewaysScroll(phone);
    await expectAccessible(phone);
    await phone.getByRole('button', { name: 'Approve' }).click();
    await expect(phone.getByText(`${member.name} approved it`, { exact: false })).toBeVisible();
    await expect(phone.getByText(status, { exact: true })).toBeVisible();
    await shot(phone, `fund-application-${member.email.split('@')[0]}`);
    await phone.context().close();
  }

  // The treasurer pays, after confirming (at a desk, in a browser of her own).
  await page.context().clearCookies();
  await signIn(page, TREASURER);
  await page.goto(url);
  await page.getByRole('button', { name: 'Pay' }).click();
  const dialog = page.getByRole('dialog', { name: 'Pay this application?' });
  await expect(dialog).toContainText('€1,800.00');
  await dialog.getByRole('button', { name: 'Pay' }).click();
  await expect(page.getByText('Paid', { exact: true })).toBeVisible();
  await expect(page.getByText(/^Paid by Noelia/)).toBeVisible();
  await expectAccessible(page);

  // The fund's page: the emergency sub-fund is 1,800.00 lighter, and members read the grant.
  await page.goto('/fund');
  const emergency = page.getByTestId('sub-fund-emergency');
  await expect(emergency).toContainText(
    `€${((emergencyBefore - 180_000) / 100).toLocaleString('en-GB', { minimumFractionDigits: 2 })}`,
  );
  const grant = page
    .getByRole('region', { name: 'The fund’s movements, newest first' })
    .getByRole('row')
    .filter({ hasText: purpose });
  await expect(grant).toContainText('Grant');
  await expect(grant).toContainText('Forn de la Plaça');
  await expect(grant).toContainText('€1,800.00');
  // Anyone reads what the fund gave, and to whom.
  const given = page.getByRole('region', { name: 'Grants, loans and programme funding paid out' });
  await expect(given.getByRole('row').filter({ hasText: 'Forn de la Plaça' }).filter({ hasText: '€1,800.00' }).first()).toBeVisible();
  await expectAccessible(page);
  await shot(page, 'fund-after-grant');
  await api.dispose();
  await hers.dispose();
});

test('a coordinator puts an application above the committee’s limits to the assembly’s vote', async ({
  page,
  baseURL,
}) => {
  const { api, csrf } = await apiSession(baseURL!, DEMO.coopAdmin.email);
  const me = (await (await api.get('/api/v1/me')).json()) as { coop: { id: string } };
  const purpose = `A new oven for the bakery ${uniqueId()}`;
  const made = await api.post('/api/v1/fund/applications', {
    headers: { 'x-csrf-token': csrf },
    data: { coopId: me.coop.id, kind: 'emergency_grant', amountCents: 2_500_000, purpose, plan: 'Buy it in January.' },
  });
  expect(made.status()).toBe(201);
  const id = ((await made.json()) as { id: string }).id;

  await signIn(page, DEMO.coordinator.email);
  await page.goto(`/fund/applications/${id}`);
  await expect(page.getByText('The assembly, by a vote')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Approve' })).toHaveCount(0);
  await page.getByRole('link', { name: 'Put to the assembly’s vote' }).click();
  await expect(page.getByLabel('Matter')).toHaveValue('fund_application');
  await expect(page.getByLabel('Application to the fund')).toHaveValue(id);
  await expect(page.getByLabel('Title')).toHaveValue('Emergency grant for Forn de la Plaça');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Create proposal' }).click();
  await expect(
    page.getByText('Give Forn de la Plaça an emergency grant of 25000.00 from the solidarity fund'),
  ).toBeVisible();
  await api.dispose();
});
