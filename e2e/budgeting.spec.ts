/**
 * A participatory budget at a phone's width: a member opens the demo's
 * round, spreads part of their share over its projects (seeing what is left
 * as they type) and saves it; a coordinator closes the round, and the results
 * show as bars and a table. Both pages pass the axe scan and never scroll
 * sideways.
 */
import { expect, type Page, test } from '@playwright/test';
import { DEMO, expectAccessible, shot, signIn } from './support.ts';

const noSidewaysScroll = async (page: Page) =>
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

test('a member allocates their share on a phone; a coordinator closes the round and the results show', async ({
  page,
}) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await signIn(page, DEMO.worker.email);
  await page.goto('/budgeting');
  await expect(page.getByRole('heading', { level: 1, name: 'Participatory budgets' })).toBeVisible();
  await page.getByRole('link', { name: 'Neighbourhood projects 2027' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Neighbourhood projects 2027' })).toBeVisible();

  const form = page.getByRole('region', { name: 'Your share' });
  const left = form.getByText(/^Left of your share: /);
  await form.getByLabel('Tools for a repair café').fill('');
  await form.getByLabel('A neighbourhood radio studio').fill('');
  await form.getByLabel('Saturday breakfast in the square').fill('');
  await form.getByLabel('More shelves and a fridge for the food bank').fill('5');
  const before = await left.textContent();
  await form.getByLabel('Tools for a repair café').fill('2.50');
  await expect(left).not.toHaveText(before!); // what is left goes down as they type
  await noSidewaysScroll(page);
  await expectAccessible(page);
  await shot(page, 'budgeting-round-phone');
  await form.getByRole('button', { name: 'Save my allocation' }).click();
  await expect(form.getByText('Your allocation is saved.')).toBeVisible();
  // Before the close the API shows the member their own allocation and no totals.
  const id = page.url().split('/').pop()!;
  const seen = await (await page.request.get(`/api/v1/budgeting/rounds/${id}`)).json();
  expect(seen.mine).toHaveLength(2);
  expect(seen.projects.every((p: { totalCents: number | null }) => p.totalCents === null)).toBe(true);

  await page.context().clearCookies();
  await signIn(page, DEMO.coordinator.email);
  await page.goto(`/budgeting/${id}`);
  await page.getByRole('button', { name: 'Close the round' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Close and count' }).click();
  const results = page.getByRole('region', { name: 'Results' });
  await expect(results).toBeVisible();
  await expect(results.getByRole('row')).toHaveCount(5); // the heading row and four projects
  await expect(results.getByText(/^Granted .*stays in the programmes sub-fund\.$/)).toBeVisible();
  await noSidewaysScroll(page);
  await expectAccessible(page);
  await shot(page, 'budgeting-results-phone');
});
