/**
 * A community programme: a worker finds the demo's food bank among the
 * programmes at a phone's width, signs up to a shift, sees the places left go
 * down, and withdraws; the page has no accessibility violations.
 */
import { expect, test } from '@playwright/test';
import { DEMO, expectAccessible, shot, signIn } from './support.ts';

test('a worker signs up to a food bank shift and withdraws, at a phone’s width', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await signIn(page, DEMO.worker.email);
  await page.goto('/programmes');
  await expect(page.getByRole('heading', { level: 1, name: 'Community programmes' })).toBeVisible();
  await page.getByRole('link', { name: 'Benimaclet food bank' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Benimaclet food bank' })).toBeVisible();
  // Its impact: the demo's weeks of meals served, drawn and in a table.
  await expect(page.getByRole('region', { name: 'Meals served, week by week' }).locator('tbody tr')).toHaveCount(8);
  const shift = page.getByRole('article', { name: 'Handing out baskets' }).first();
  await expect(shift.getByText('6 places left')).toBeVisible();
  await shift.getByRole('button', { name: 'Sign up' }).click();
  await expect(shift.getByText('You are signed up')).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await expectAccessible(page);
  await shot(page, 'programme-phone');
  // A private calendar link: the feed it gives holds the shift.
  await page.getByRole('button', { name: 'Make my calendar link' }).click();
  const feedUrl = (await page.getByText('/api/v1/programmes/calendar/').textContent())!.trim();
  const feed = await page.request.get(feedUrl);
  expect(feed.headers()['content-type']).toMatch(/^text\/calendar/);
  expect(await feed.text()).toContain('SUMMARY:Handing out baskets');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await shift.getByRole('button', { name: 'Withdraw' }).click();
  await expect(shift.getByText('6 places left')).toBeVisible();
});
