/**
 * The fund's year in figures on its public page: a visitor sees where the
 * money came from and where it went (a picture with a name, and a table of
 * the same figures the API gives) and each sub-fund's budget against what it
 * spent, chooses another year, and on a phone nothing spills sideways; a
 * treasurer sets a sub-fund's budget and sees it, its earlier version kept.
 * Checked with axe at 1280 and 360 px.
 */
import { expect, type Page, test } from '@playwright/test';
import { apiSession, expectAccessible, shot, signIn } from './support.ts';

const TREASURER = 'noelia.saez@ecomercat-de-benimaclet.example';

interface Flows {
  year: number;
  years: number[];
  subFunds: { code: string; names: { en: string }; carriedForwardCents: number }[];
  sources: { source: string; subFund: string; cents: number }[];
}

const euros = (cents: number) =>
  new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'EUR' }).format(cents / 100);

/** The page never scrolls sideways, once the charts have followed the new width (a box may scroll inside itself). */
async function noSidewaysScroll(page: Page) {
  const width = page.viewportSize()!.width;
  await expect
    .poll(() => page.evaluate(() => document.documentElement.scrollWidth), { timeout: 5_000 })
    .toBeLessThanOrEqual(width);
}

test('a visitor sees where the money came from and went, and budgets against actual; a treasurer sets a budget', async ({
  page,
  baseURL,
}) => {
  const { api, csrf } = await apiSession(baseURL!, TREASURER);
  const flows = (await (await api.get('/api/v1/fund/flows')).json()) as Flows;
  const year = flows.year;

  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/fund');
  await expect(
    page.getByRole('heading', { level: 2, name: 'Where the money came from and where it went' }),
  ).toBeVisible();
  // The picture is an image with a name; the table beside it carries the same figures.
  await expect(page.getByRole('img', { name: new RegExp(`came from and where it went in ${year}`) })).toBeVisible();
  const table = page.getByRole('region', { name: `Where the money came from and went, by sub-fund, ${year}` });
  const emergency = flows.subFunds.find((f) => f.code === 'emergency')!;
  const held = table
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: emergency.names.en, exact: true }) })
    .filter({ hasText: 'Still held today' });
  await expect(held).toContainText(euros(emergency.carriedForwardCents));
  for (const s of flows.sources.filter((x) => x.subFund === 'emergency'))
    await expect(
      table
        .getByRole('row')
        .filter({ hasText: euros(s.cents) })
        .first(),
    ).toBeVisible();

  const budgets = page.getByRole('region', { name: `Budget against actual by sub-fund, ${year}` });
  await expect(budgets.getByRole('rowheader', { name: emergency.names.en, exact: true })).toBeVisible();
  // A visitor may not set one.
  await expect(page.getByRole('button', { name: /^Budget of / })).toHaveCount(0);
  await expectAccessible(page);
  await shot(page, 'fund-flows-visitor');

  // Another year: its own figures and budgets.
  if (flows.years.includes(year - 1)) {
    await page.getByRole('combobox', { name: 'Year' }).selectOption(String(year - 1));
    await expect(page.getByRole('img', { name: new RegExp(`went in ${year - 1}`) })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: `Budget against actual, ${year - 1}` })).toBeVisible();
    await page.getByRole('combobox', { name: 'Year' }).selectOption(String(year));
  }

  // On a phone: the picture scrolls inside its own box, the page never sideways.
  await page.setViewportSize({ width: 360, height: 740 });
  await expect(page.getByRole('img', { name: new RegExp(`went in ${year}`) })).toBeVisible();
  await noSidewaysScroll(page);
  await expectAccessible(page);
  await page.getByTestId('fund-flows-chart').scrollIntoViewIfNeeded();
  await page.getByTestId('fund-flows-chart').screenshot({ path: '/tmp/fund-flows-chart-360.png' });
  await shot(page, 'fund-flows-visitor');

  // A treasurer sets the emergency sub-fund's budget twice; the page shows the latest, the dialog both.
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, TREASURER);
  await page.goto('/fund');
  const row = page.getByTestId('budget-emergency');
  const spent = (
    (await (await api.get(`/api/v1/fund/budgets?year=${year}`)).json()) as {
      subFunds: { code: string; spentCents: number }[];
    }
  ).subFunds.find((f) => f.code === 'emergency')!.spentCents;
  for (const [amount, note] of [
    ['9000', 'First draft'],
    ['12345.50', 'As the assembly agreed'],
  ] as const) {
    await page.getByRole('button', { name: `Budget of ${emergency.names.en} for ${year}` }).click();
    const dialog = page.getByRole('dialog', { name: `Budget of ${emergency.names.en} for ${year}` });
    await dialog.getByRole('textbox', { name: 'To spend' }).fill(amount);
    await dialog.getByRole('textbox', { name: /Why, or who agreed it/ }).fill(note);
    await dialog.getByRole('button', { name: 'Save the budget' }).click();
    await expect(dialog).toHaveCount(0);
  }
  await expect(row.getByRole('cell').nth(0)).toHaveText(euros(1_234_550));
  await expect(row.getByRole('cell').nth(2)).toHaveText(euros(1_234_550 - spent));
  await page.getByRole('button', { name: `Budget of ${emergency.names.en} for ${year}` }).click();
  const dialog = page.getByRole('dialog', { name: `Budget of ${emergency.names.en} for ${year}` });
  await expect(dialog.getByRole('listitem')).toHaveCount(2);
  await expect(dialog.getByRole('listitem').first()).toContainText('As the assembly agreed');
  await expect(dialog.getByRole('listitem').nth(1)).toContainText(euros(900_000));
  await expectAccessible(page);
  await shot(page, 'fund-flows-budget-dialog');
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  // Anyone reads the budget the treasurer set.
  const seen = (await (await page.request.get(`/api/v1/fund/budgets?year=${year}`)).json()) as {
    subFunds: { code: string; spendCents: number }[];
  };
  expect(seen.subFunds.find((f) => f.code === 'emergency')!.spendCents).toBe(1_234_550);

  // In Spanish, on a phone.
  await page.getByRole('combobox', { name: 'Language' }).selectOption('es');
  await page.setViewportSize({ width: 360, height: 740 });
  await expect(page.getByRole('heading', { level: 2, name: 'De dónde vino el dinero y adónde fue' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: `Presupuesto y realidad, ${year}` })).toBeVisible();
  await expect(page.getByRole('img', { name: new RegExp(`adónde fue el dinero del fondo en ${year}`) })).toBeVisible();
  await noSidewaysScroll(page);
  await expectAccessible(page);
  await shot(page, 'fund-flows-treasurer-es');
  expect(csrf).toBeTruthy();
  await api.dispose();
});
