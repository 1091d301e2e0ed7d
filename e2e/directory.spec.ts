/**
 * A visitor finds a co-op in the directory by name and by sector, and opens
 * its page. Map tiles never load here (no network): the page must not mind.
 */
import { expect, test } from '@playwright/test';
import { expectAccessible, shot } from './support.ts';

const COOP = { name: 'Bicis del Túria', sector: 'bicycles', sectorName: 'Bicycles', slug: 'bicis-del-turia' };

test('a visitor searches and filters the directory and opens a co-op', async ({ page, request }) => {
  const uncaught: Error[] = [];
  page.on('pageerror', (err) => uncaught.push(err));
  // Whatever the tile server, its tiles (…/z/x/y.png) fail, as they would without a network.
  let tilesRefused = 0;
  await page.route(
    (url) => /\/\d+\/\d+\/\d+\.png$/.test(url.pathname),
    (route) => {
      tilesRefused++;
      return route.abort('internetdisconnected');
    },
  );

  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Directory' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Directory' })).toBeVisible();
  const list = page.getByRole('region', { name: 'Member co-ops' });
  await expect(list.getByText(/^\d+ co-ops? found$/)).toBeVisible();
  const map = page.getByRole('region', { name: 'Map of member co-ops' });
  await expect(map).toBeVisible();
  // The markers are drawn although no tile loads.
  await expect(map.locator('path.leaflet-interactive').first()).toBeVisible();
  await expect.poll(() => tilesRefused).toBeGreaterThan(0);
  await expectAccessible(page);
  await shot(page, 'directory');

  // By name.
  const search = page.getByRole('search', { name: 'Search the directory' });
  await search.getByRole('searchbox', { name: 'Search co-ops' }).fill(COOP.name);
  await expect(list.getByText('1 co-op found')).toBeVisible();
  await expect(list.getByRole('article')).toHaveCount(1);
  await expect(list.getByRole('article').getByRole('heading', { level: 3, name: COOP.name })).toBeVisible();
  await expectAccessible(page);
  await shot(page, 'directory-search');

  // By sector: as many as the API gives for it.
  await search.getByRole('searchbox', { name: 'Search co-ops' }).fill('');
  await expect(list.getByRole('article')).not.toHaveCount(1);
  const res = await request.get(`/api/v1/coops?sector=${encodeURIComponent(COOP.sector)}`);
  expect(res.ok()).toBe(true);
  const expected = ((await res.json()) as { total: number }).total;
  expect(expected).toBeGreaterThan(0);
  const sector = search.getByRole('combobox', { name: 'Sector' });
  await expect(sector.getByRole('option', { name: `${COOP.sectorName} (${expected})` })).toBeAttached();
  await sector.selectOption(COOP.sector);
  await expect(list.getByText(expected === 1 ? '1 co-op found' : `${expected} co-ops found`)).toBeVisible();
  await expect(list.getByRole('article')).toHaveCount(Math.min(expected, 12));
  const link = list.getByRole('heading', { level: 3, name: COOP.name }).getByRole('link', { name: COOP.name });
  await expect(link).toBeVisible();
  await expectAccessible(page);

  // Its page.
  await link.click();
  await expect(page.getByRole('heading', { level: 1, name: COOP.name })).toBeVisible();
  await expectAccessible(page);
  await shot(page, 'coop');

  expect(uncaught.map((e) => e.message)).toEqual([]);
});
