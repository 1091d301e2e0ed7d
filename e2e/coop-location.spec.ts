/**
 * A co-op applies and places itself on the map with a click (the coordinates
 * follow, and can still be typed); its address is the text it typed. A co-op
 * admin's edit form shows the co-op where it is. At 1280 and 360 px, in
 * English and Spanish, the forms mark what is required and pass axe.
 */
import { expect, type Page, test } from '@playwright/test';
import { DEMO, DEMO_PASSWORD, expectAccessible, shot, uniqueId } from './support.ts';

const MAP = 'Map: click to place the co-op';

async function coordinate(page: Page, label: 'Latitude' | 'Longitude'): Promise<number> {
  const value = await page.getByLabel(label).inputValue();
  expect(value).not.toBe('');
  return Number(value);
}

test('a co-op applies, placed on the map with a click', async ({ page }) => {
  const name = `Forn del Mapa ${uniqueId()}`;
  const address = `Carrer de <b>Sueca</b> 12 & "baix"`;
  await page.goto('/apply');
  await expect(page.getByRole('heading', { level: 1, name: 'Apply to join' })).toBeVisible();
  // Required fields are marked.
  await expect(page.getByLabel('Co-op name')).toHaveAttribute('required', '');
  const mark = (label: string) =>
    page
      .locator('label', { hasText: label })
      .first()
      .evaluate((el) => getComputedStyle(el, '::after').content);
  expect(await mark('Co-op name')).toContain('*');
  expect(await mark('Address')).toContain('*');
  expect(await mark('Website')).toBe('none');

  await page.getByLabel('Co-op name').fill(name);
  await page.getByLabel('Legal form').fill('cooperativa de trabajo');
  await page.getByLabel('Sector').selectOption({ index: 1 });
  await page.getByLabel('Address').fill(address);
  await page.getByLabel('City').fill('València');
  await page.getByLabel('Number of workers').fill('6');
  await page.getByLabel('Contact name').fill('Ana Ruiz');
  await page.getByLabel('Contact e-mail').fill(`ana.${uniqueId()}@mapa.example`);

  const map = page.getByRole('region', { name: MAP });
  await expect(map).toBeVisible();
  await expect(page.getByText('Not on the map yet.')).toBeVisible();
  // The map opens on the network's co-ops (around València), so a click lands near them.
  await map.click({ position: { x: 200, y: 120 } });
  await expect(page.getByText(/^On the map at /)).toBeVisible();
  const latitude = await coordinate(page, 'Latitude');
  const longitude = await coordinate(page, 'Longitude');
  expect(latitude).toBeGreaterThan(38.5);
  expect(latitude).toBeLessThan(40.5);
  expect(longitude).toBeGreaterThan(-1.5);
  expect(longitude).toBeLessThan(0.8);
  await expect(map.locator('.location-pin')).toHaveCount(1);

  // A second click moves it: west is a smaller longitude.
  await map.click({ position: { x: 60, y: 120 } });
  await expect.poll(() => coordinate(page, 'Longitude')).toBeLessThan(longitude);
  const placed = { latitude: await coordinate(page, 'Latitude'), longitude: await coordinate(page, 'Longitude') };
  await expectAccessible(page);
  await shot(page, 'apply-map');
  await page.setViewportSize({ width: 360, height: 740 });
  await expect(map).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await expectAccessible(page);
  await shot(page, 'apply-map');

  await page.getByRole('button', { name: 'Send application' }).click();
  await expect(page.getByRole('status')).toContainText(name);

  // The coordinators see the co-op where it was placed, with its address as typed.
  const login = await page.request.post('/api/v1/auth/login', {
    data: { email: DEMO.coordinator.email, password: DEMO_PASSWORD },
  });
  expect(login.status()).toBe(200);
  const pending = (await (await page.request.get('/api/v1/applications?status=pending&limit=100')).json()) as {
    items: { coop: { id: string; name: string } }[];
  };
  const applied = pending.items.find((a) => a.coop.name === name);
  expect(applied).toBeDefined();
  const coop = (await (await page.request.get(`/api/v1/coops/${applied!.coop.id}`)).json()) as Record<string, unknown>;
  expect(coop).toMatchObject({ address, ...placed });
});

test('typing the coordinates places the marker; a co-op admin sees their co-op on the edit form', async ({ page }) => {
  await page.goto('/apply');
  const map = page.getByRole('region', { name: MAP });
  await page.getByLabel('Latitude').fill('39.4699');
  await page.getByLabel('Longitude').fill('-0.3763');
  await expect(map.locator('.location-pin')).toHaveCount(1);
  await expect(page.getByText('On the map at 39.4699, -0.3763.')).toBeVisible();
  await page.getByRole('button', { name: 'Take off the map' }).click();
  await expect(page.getByLabel('Latitude')).toHaveValue('');
  await expect(map.locator('.location-pin')).toHaveCount(0);

  const login = await page.request.post('/api/v1/auth/login', {
    data: { email: DEMO.coopAdmin.email, password: DEMO_PASSWORD },
  });
  expect(login.status()).toBe(200);
  const me = (await (await page.request.get('/api/v1/me')).json()) as {
    coop: { slug: string; latitude: number | null };
  };
  await page.goto(`/coops/${me.coop.slug}`);
  const edit = page.getByRole('region', { name: 'Edit profile' });
  await expect(edit.getByRole('region', { name: MAP })).toBeVisible();
  if (me.coop.latitude !== null) {
    await expect(edit.getByRole('region', { name: MAP }).locator('.location-pin')).toHaveCount(1);
    await expect(edit.getByLabel('Latitude')).toHaveValue(String(me.coop.latitude));
  }
  await expectAccessible(page);
  await shot(page, 'coop-edit-map');
});

test.describe('in Spanish', () => {
  test.use({ locale: 'es-ES' });
  test('the application form on a phone: the map, the marked fields, no sideways scroll', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto('/apply');
    // The map comes in its own chunk (Leaflet), after the form.
    await expect(page.getByRole('region', { name: 'Mapa: haz clic para situar la cooperativa' })).toBeVisible({
      timeout: 20_000,
    });
    await expect(page.getByLabel('Dirección')).toHaveAttribute('required', '');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await expectAccessible(page);
    await shot(page, 'apply-map-es');
    await page.setViewportSize({ width: 1280, height: 800 });
    await shot(page, 'apply-map-es');
  });
});
