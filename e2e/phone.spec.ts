/**
 * The site on a phone 360 px wide: nothing scrolls sideways, the burger opens
 * the navigation, and a worker signs in to their dashboard.
 */
import { expect, test, type Page } from '@playwright/test';
import { DEMO, DEMO_PASSWORD, expectAccessible, shot } from './support.ts';

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(360);
}

async function openMenu(page: Page) {
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await page.getByRole('button', { name: 'Open menu' }).click();
  await expect(page.getByRole('button', { name: 'Close menu' })).toHaveAttribute('aria-expanded', 'true');
  const menu = page.getByRole('navigation', { name: 'Menu' });
  await expect(menu).toBeVisible();
  return menu;
}

test('a phone: home, directory and sign-in fit, the menu works, a worker signs in', async ({ page }) => {
  expect(page.viewportSize()?.width).toBe(360);

  await page.goto('/');
  const network = (await (await page.request.get('/api/v1/network')).json()) as { name: string };
  await expect(page.getByRole('heading', { level: 1, name: network.name })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'The network in figures' })).toBeVisible();
  await expectNoSidewaysScroll(page);
  await expectAccessible(page);
  await shot(page, 'phone-home');

  let menu = await openMenu(page);
  await expect(menu.getByRole('link', { name: 'Apply to join' })).toBeVisible();
  await expect(menu.getByRole('link', { name: 'Sign in' })).toBeVisible();
  await expectNoSidewaysScroll(page);
  await expectAccessible(page);
  await shot(page, 'phone-menu');
  await menu.getByRole('link', { name: 'Directory' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Directory' })).toBeVisible();
  // Following a link closes the menu.
  await expect(page.getByRole('button', { name: 'Open menu' })).toHaveAttribute('aria-expanded', 'false');
  await expect(menu.getByRole('link')).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Member co-ops' }).getByRole('article').first()).toBeVisible();
  await expect(page.getByRole('region', { name: 'Map of member co-ops' })).toBeVisible();
  await expectNoSidewaysScroll(page);
  await expectAccessible(page);
  await shot(page, 'phone-directory');

  menu = await openMenu(page);
  await menu.getByRole('link', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await expectNoSidewaysScroll(page);
  await expectAccessible(page);
  await shot(page, 'phone-sign-in');
  await page.getByLabel('E-mail').fill(DEMO.worker.email);
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();

  await expect(page.getByRole('heading', { level: 1, name: `Dashboard — ${DEMO.worker.name}` })).toBeVisible();
  await expect(page.getByRole('region', { name: 'You' }).getByRole('link', { name: DEMO.worker.coop })).toBeVisible();
  await expectNoSidewaysScroll(page);
  await expectAccessible(page);
  await shot(page, 'phone-dashboard');
  menu = await openMenu(page);
  await expect(menu.getByRole('link', { name: 'Dashboard' })).toHaveAttribute('aria-current', 'page');
  await expect(menu.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await expectNoSidewaysScroll(page);
});
