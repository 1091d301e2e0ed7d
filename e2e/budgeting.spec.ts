/**
 * A participatory budget at a phone's width: a coordinator opens a round; a
 * member proposes a project in it, then spreads part of their share over the
 * projects of the demo's round (seeing what is left as they type) and saves
 * it; a coordinator closes that round, and the results show as bars and a
 * table. Every page passes the axe scan and never scrolls sideways.
 */
import { expect, type Page, test } from '@playwright/test';
import { DEMO, expectAccessible, shot, signIn, uniqueId } from './support.ts';

const noSidewaysScroll = async (page: Page) =>
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

test('on a phone, a coordinator opens a round, a member proposes a project and allocates their share, and the results show after the close', async ({
  page,
}) => {
  await page.setViewportSize({ width: 360, height: 740 });
  // A coordinator opens a second round, taking proposals from yesterday to tomorrow.
  const day = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString().slice(0, 10);
  await signIn(page, DEMO.coordinator.email);
  await page.goto('/budgeting');
  await page.getByRole('button', { name: 'New round' }).click();
  const dialog = page.getByRole('dialog', { name: 'Open a round' });
  const title = `Spring round ${uniqueId()}`;
  await dialog.getByLabel('Title').fill(title);
  await dialog.getByLabel('Amount to share out, from the programmes sub-fund').fill('100');
  await dialog.getByLabel('Most one member may give one project').fill('10');
  await dialog.getByLabel('Proposals from').fill(day(-1));
  await dialog.getByLabel('Proposals until').fill(day(1));
  await dialog.getByLabel('Allocation from').fill(day(2));
  await dialog.getByLabel('Allocation until').fill(day(9));
  await noSidewaysScroll(page);
  await expectAccessible(page);
  await shot(page, 'budgeting-open-phone');
  await dialog.getByRole('button', { name: 'Open the round' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const spring = page.url();
  await page.context().clearCookies();

  await signIn(page, DEMO.worker.email);
  await page.goto(spring);
  const propose = page.getByRole('region', { name: 'Propose a project' });
  await propose.getByLabel('Title').fill('Bike repair in the square');
  await propose.getByLabel('What it does').fill('Tools and a stand, Saturday mornings.');
  await propose.getByLabel('The least it needs').fill('20');
  await propose.getByLabel('The most it can use').fill('60.50');
  await propose.getByLabel('The community programme it funds').selectOption({ label: 'Benimaclet food bank' });
  await noSidewaysScroll(page);
  await expectAccessible(page);
  await shot(page, 'budgeting-propose-phone');
  await propose.getByRole('button', { name: 'Propose' }).click();
  await expect(page.getByRole('article', { name: 'Bike repair in the square' })).toContainText('Benimaclet food bank');

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
