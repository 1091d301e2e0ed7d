/**
 * The network's sectors: a coordinator keeps the list with a name per
 * language; an applicant chooses the co-op's sector from it; every page that
 * shows a sector says its name in the reader's language, never its code.
 */
import { type Page, expect, test } from '@playwright/test';
import { DEMO, apiSession, expectAccessible, shot, signIn, uniqueId } from './support.ts';

const inSpanish = (page: Page) => page.addInitScript(() => window.localStorage.setItem('coopnet.language', 'es'));

async function bothWidths(page: Page, name: string) {
  await expectAccessible(page);
  await page.screenshot({ path: test.info().outputPath(`${name}-1280.png`), fullPage: true });
  await shot(page, name);
  await page.setViewportSize({ width: 360, height: 740 });
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await page.screenshot({ path: test.info().outputPath(`${name}-360.png`), fullPage: true });
  await shot(page, name);
  await page.setViewportSize({ width: 1280, height: 900 });
}

test('a coordinator adds a sector in Spanish, and an applicant chooses it from the list', async ({ page, browser, baseURL }) => {
  const id = uniqueId();
  const code = `rep-${id}`;
  await signIn(page, DEMO.coordinator.email);
  await inSpanish(page);
  await page.goto('/admin/network');
  await expect(page.getByRole('heading', { level: 2, name: 'Sectores' })).toBeVisible();
  // The list the network starts with, in Spanish.
  const bikes = page.getByRole('form', { name: 'Sector bicycles' });
  await expect(bikes.getByLabel('Nombre en español')).toHaveValue('Bicicletas');
  await expect(bikes.getByLabel('Nombre en inglés')).toHaveValue('Bicycles');

  const add = page.getByRole('form', { name: 'Añadir un sector' });
  await add.getByLabel('Código').fill(code);
  await add.getByLabel('Nombre en inglés').fill(`Repairs ${id}`);
  await add.getByLabel('Nombre en español').fill(`Reparaciones ${id}`);
  await add.getByRole('button', { name: 'Añadir sector' }).click();
  await expect(add.getByRole('status')).toHaveText('Sector añadido.');
  const added = page.getByRole('form', { name: `Sector ${code}` });
  await expect(added.getByLabel('Nombre en español')).toHaveValue(`Reparaciones ${id}`);
  // The same code twice: said in Spanish, nothing added.
  await add.getByLabel('Código').fill(code);
  await add.getByLabel('Nombre en inglés').fill('Again');
  await add.getByLabel('Nombre en español').fill('Otra vez');
  await add.getByRole('button', { name: 'Añadir sector' }).click();
  await expect(add.getByText('La red ya tiene un sector con este código.')).toBeVisible();
  await bothWidths(page, 'sectors-settings');

  // A visitor applies, in Spanish, choosing the new sector from the list.
  const visitor = await browser.newContext({ baseURL });
  const apply = await visitor.newPage();
  await inSpanish(apply);
  await apply.goto('/apply');
  const coop = apply.getByRole('group', { name: 'Tu cooperativa' });
  const sector = coop.getByRole('combobox', { name: 'Sector' });
  await expect(sector.getByRole('option', { name: 'Bicicletas' })).toBeAttached();
  await expect(sector.getByRole('option', { name: 'bicycles' })).toHaveCount(0);
  await sector.selectOption({ label: `Reparaciones ${id}` });
  await coop.getByLabel('Nombre de la cooperativa').fill(`Taller Arreglos ${id}`);
  await coop.getByLabel('Forma jurídica').fill('cooperativa de trabajo asociado');
  await coop.getByLabel('Dirección').fill('Carrer de Sueca 10');
  await coop.getByLabel('Ciudad').fill('València');
  await coop.getByLabel('Número de personas trabajadoras').fill('3');
  await coop.getByLabel('Descripción').fill('Arreglamos lo que otros tiran.');
  const person = apply.getByRole('group', { name: 'Persona de contacto' });
  await person.getByLabel('Nombre de contacto').fill(`Lola Arreglos ${id}`);
  await person.getByLabel('Correo electrónico de contacto').fill(`lola.${id}@arreglos.example`);
  await bothWidths(apply, 'sectors-apply');
  await apply.getByRole('button', { name: 'Enviar la solicitud' }).click();
  await expect(apply.getByRole('heading', { level: 1, name: 'Solicitud recibida' })).toBeVisible();
  await visitor.close();

  // The coordinator reads the application with the sector's name, and declines it (the journeys after this one count applications).
  await page.goto('/admin/applications');
  const card = page.getByRole('article').filter({ hasText: `Taller Arreglos ${id}` });
  await expect(card).toContainText(`Reparaciones ${id}`);
  await expect(card).not.toContainText(code);
  const coordinator = await apiSession(baseURL!, DEMO.coordinator.email);
  const list = await (await coordinator.api.get('/api/v1/applications?status=pending&limit=100')).json();
  const mine = (list.items as { id: string; coop: { name: string; sector: string } }[]).find((a) => a.coop.name === `Taller Arreglos ${id}`)!;
  expect(mine.coop.sector).toBe(code);
  const rejected = await coordinator.api.post(`/api/v1/applications/${mine.id}/reject`, {
    data: { reason: 'Prueba del navegador.' },
    headers: { 'x-csrf-token': coordinator.csrf },
  });
  expect(rejected.status()).toBe(200);
  await coordinator.api.dispose();
});

test('the directory, a co-op page and the catalogue say sectors in Spanish', async ({ page }) => {
  await inSpanish(page);
  await page.goto('/directory');
  const list = page.getByRole('region', { name: 'Cooperativas socias' });
  const bikes = list.getByRole('article').filter({ has: page.getByRole('heading', { name: DEMO.worker.coop }) });
  await expect(bikes.getByText('Bicicletas', { exact: true })).toBeVisible();
  const filter = page.getByRole('combobox', { name: 'Sector' });
  await expect(filter.getByRole('option', { name: /^Bicicletas \(\d+\)$/ })).toBeAttached();
  await expect(filter.getByRole('option', { name: /^bicycles/ })).toHaveCount(0);
  await expect(page.locator('main')).not.toContainText('bicycles');
  await bothWidths(page, 'sectors-directory');

  await page.goto('/coops/bicis-del-turia');
  await expect(page.getByText('Bicicletas', { exact: true })).toBeVisible();
  await expect(page.locator('main')).not.toContainText('bicycles');

  await page.goto('/offers');
  const sector = page.getByRole('search').getByRole('combobox', { name: 'Sector' });
  await sector.selectOption({ label: 'Panadería' });
  await expect(page).toHaveURL(/[?&]sector=bakery/);
  const found = page.getByRole('region').filter({ has: page.getByRole('article') }).first();
  await expect(found.getByRole('article').first().getByText('Panadería', { exact: true })).toBeVisible();
  await expect(page.locator('main')).not.toContainText('bakery');
  await bothWidths(page, 'sectors-catalogue');
});

test('the bodies a network starts with, and the demo’s own words, read in Spanish', async ({ page }) => {
  await inSpanish(page);
  await page.goto('/governance');
  const bodies = page.getByRole('region', { name: 'Órganos' });
  for (const name of ['Asamblea general', 'Consejo de personas delegadas', 'Comisión del fondo'])
    await expect(bodies.getByRole('heading', { level: 3, name, exact: true })).toBeVisible();
  await expect(bodies.getByText('Todas las personas trabajadoras de todas las cooperativas socias.')).toBeVisible();
  for (const english of ['General assembly', 'Fund committee', 'Council of delegates', 'Every worker of every member co-op'])
    await expect(page.locator('main')).not.toContainText(english);
  await bothWidths(page, 'bodies-governance');

  // The demo co-ops write in Spanish (the software co-op, in English, as it would).
  await page.goto('/coops/forn-de-la-placa');
  await expect(page.getByText(/Pan de masa madre, coques y fartons/)).toBeVisible();
  await expect(page.getByText('20 % en pan y bollería')).toBeVisible();
  await expect(page.locator('main')).not.toContainText('Sourdough');
});
