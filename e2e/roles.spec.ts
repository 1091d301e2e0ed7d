/**
 * Each role's first screen, in Spanish on a 360 px phone: the visitor, a
 * worker, a supporter, a cashier, a co-op admin, the treasurer and the
 * coordinator sign in (the visitor does not), land on what they do most and
 * do it. Every page on the way is checked for untranslated keys, raw codes,
 * ids and English (except what people wrote), and photographed: the
 * screenshots stay in the test's output folder.
 */
import { expect, type Page, test } from '@playwright/test';
import { expectSpanish, languageProblems, type PageWords, withCoopOffers, writtenByPeople } from './language.ts';
import { apiSession, DEMO, DEMO_PASSWORD, expectAccessible, uniqueId } from './support.ts';

test.use({ locale: 'es-ES', viewport: { width: 360, height: 740 } });
// Each journey visits several pages and checks each: on a slow machine it needs more than the default minute.
test.describe.configure({ timeout: 150_000 });

const CASHIER = 'amina.elidrissi@forn-de-la-placa.example';
const TREASURER = 'noelia.saez@ecomercat-de-benimaclet.example';
const SUPPORTER = 'enric.miralles@correo.example';
const CUSTOMER = { email: 'daniela.restrepo@bicis-del-turia.example', name: 'Daniela Restrepo Gómez' };

let shots = 0;
/** A full-page screenshot kept with the test's results. */
async function keep(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  const path = test.info().outputPath(`${String(++shots).padStart(2, '0')}-${name}-360.png`);
  await page.screenshot({ path, fullPage: true });
}

/** Checks the page as it is now: in Spanish, accessible, nothing wider than the phone; then photographs it. */
async function look(page: Page, name: string, written: PageWords): Promise<void> {
  await expect(page.getByText('Cargando…')).toHaveCount(0);
  await expectSpanish(page, written);
  await expectAccessible(page);
  expect(await page.evaluate(() => document.documentElement.scrollWidth), 'nothing scrolls sideways').toBeLessThanOrEqual(360);
  await keep(page, name);
}

async function signInEs(page: Page, email: string): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Correo electrónico').fill(email);
  await page.getByLabel('Contraseña', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Entrar', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Panel — / })).toBeVisible();
}

/** The first section of the dashboard: what the role does most. */
const firstSection = (page: Page) => page.getByRole('main').getByRole('heading', { level: 2 }).first();

test('the language check finds keys, codes, ids and English, and leaves what people wrote alone', () => {
  const words: PageWords = { written: ['The Bike Kitchen', 'We repair the bikes of the workers.'], codes: ['home care', 'bicycles'] };
  const found = (text: string) => languageProblems(text, words).map((p) => `${p.kind}:${p.text}`);
  expect(found('Panel — Oumar\nThe Bike Kitchen · We repair the bikes of the workers.\noumar.diallo@bicis-del-turia.example')).toEqual([]);
  expect(found('Todavía no has usado ninguna oferta; la venta sale a 9,00 €. No.')).toEqual([]);
  expect(found('dashboard.you.title')).toEqual(['key:dashboard.you.title']);
  expect(found('Resultado: no_quorum')).toEqual(['code:no_quorum']);
  expect(found('Sector: home care')).toEqual(['code:home care']);
  expect(found('Persona 0190a4c2-7d1e-7b3a-9f00-1c2d3e4f5a6b')).toEqual(['id:0190a4c2-7d1e-7b3a-9f00-1c2d3e4f5a6b']);
  expect(found('Tus datos · Sign in to vote')).toEqual(['english:Sign', 'english:to', 'english:vote']);
});

test('a visitor lands on the network’s home page and browses the directory and the offers', async ({ page, request }) => {
  const written = await writtenByPeople(request);
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await look(page, 'visitor-home', written);
  await page.getByRole('button', { name: 'Abrir el menú' }).click();
  await page.getByRole('link', { name: 'Directorio', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Directorio' })).toBeVisible();
  await look(page, 'visitor-directory', written);
  await page.goto('/offers');
  await expect(page.getByRole('heading', { level: 1, name: 'Ofertas' })).toBeVisible();
  await look(page, 'visitor-offers', written);
});

test('a worker lands on their card and opens it', async ({ page, request }) => {
  const written = await writtenByPeople(request);
  await signInEs(page, DEMO.worker.email);
  await expect(firstSection(page)).toHaveText('Tu tarjeta de socia');
  await look(page, 'worker-first', written);
  await page.getByRole('link', { name: 'Enseñar mi tarjeta' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mi tarjeta' })).toBeVisible();
  await expect(page.getByRole('img', { name: 'Código QR de tu tarjeta' })).toBeVisible();
  await expect(page.getByText('Tarjeta de socia', { exact: true })).toBeVisible();
  await expect(page.getByText(/^Válida hasta el \d{1,2} [a-z]{3} \d{4}$/)).toBeVisible();
  await look(page, 'worker-card', written);
});

test('a supporter lands on their card and the offers open to them', async ({ page, request }) => {
  const written = await writtenByPeople(request);
  await signInEs(page, SUPPORTER);
  await expect(firstSection(page)).toHaveText('Tu tarjeta de socia');
  await look(page, 'supporter-first', written);
  await page.getByRole('link', { name: 'Ver las ofertas' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ofertas' })).toBeVisible();
  await look(page, 'supporter-offers', written);
});

test('a cashier lands on the till, checks a card and records a discount', async ({ page, request, baseURL }) => {
  const title = `Pan del día ${uniqueId()}`;
  const admin = await apiSession(baseURL!, DEMO.coopAdmin.email);
  const session = (await (await admin.api.get('/api/v1/auth/session')).json()) as { person: { coopId: string } };
  const made = await admin.api.post(`/api/v1/coops/${session.person.coopId}/offers`, {
    data: { title, kind: 'percent', percent: 20, terms: 'Pan y coca; no en los encargos.' },
    headers: { 'X-CSRF-Token': admin.csrf },
  });
  expect(made.status(), await made.text()).toBe(201);
  await admin.api.dispose();
  const customer = await apiSession(baseURL!, CUSTOMER.email);
  const card = (await (await customer.api.get('/api/v1/me/card')).json()) as { shortCode: string };
  await customer.api.dispose();
  const written = await writtenByPeople(request);

  await signInEs(page, CASHIER);
  await expect(firstSection(page)).toHaveText('Caja');
  await look(page, 'cashier-first', written);
  await page.getByRole('link', { name: 'Caja de Forn de la Plaça' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Caja — Forn de la Plaça' })).toBeVisible();
  await expect(page.getByRole('status', { name: 'Conexión' })).toContainText('En línea');
  await page.getByLabel('Código de la tarjeta').fill(card.shortCode);
  await page.getByRole('button', { name: 'Comprobar', exact: true }).click();
  await expect(page.getByText(`Tarjeta aceptada: ${CUSTOMER.name}`)).toBeVisible();
  await page.getByRole('radio', { name: new RegExp(title) }).click();
  await page.getByLabel('Importe de la venta').fill('45,00');
  await expect(page.getByText(/^Descuento 9,00\s€ · A pagar 36,00\s€$/)).toBeVisible();
  await page.getByRole('button', { name: 'Registrar descuento' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Descuento registrado' })).toHaveText(new RegExp(`^Descuento registrado: 9,00\\s€ para ${CUSTOMER.name}\\.$`));
  await look(page, 'cashier-recorded', written);
});

test('a co-op admin lands on their co-op’s offers and adds one', async ({ page, request }) => {
  let written = await writtenByPeople(request);
  const title = `Coca de llanda ${uniqueId()}`;
  await signInEs(page, DEMO.coopAdmin.email);
  await expect(firstSection(page)).toHaveText(`Administración de ${DEMO.coopAdmin.coop}`);
  await look(page, 'admin-first', written);
  await page.getByRole('link', { name: 'Ofertas', exact: true }).first().click();
  await expect(page.getByRole('button', { name: 'Nueva oferta' })).toBeVisible();
  // The admin's list holds ended offers too, which the public catalogue does not.
  const coopId = /\/coops\/([^/]+)\/offers/.exec(page.url())![1]!;
  written = await withCoopOffers(written, page.request, coopId);
  await look(page, 'admin-offers', written);
  await page.getByRole('button', { name: 'Nueva oferta' }).click();
  const form = page.getByRole('dialog', { name: 'Nueva oferta' });
  await form.getByLabel('Título').fill(title);
  await form.getByRole('textbox', { name: 'Porcentaje' }).fill('10');
  await form.getByLabel('Condiciones').fill('Los sábados por la mañana.');
  await form.getByRole('button', { name: 'Crear oferta' }).click();
  await expect(form).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: `Se ha creado «${title}».` })).toBeVisible();
  await look(page, 'admin-offer-added', { ...written, written: [...written.written, title, 'Los sábados por la mañana.'] });
});

test('the treasurer lands on the treasury and reads the month’s accounts', async ({ page, request }) => {
  const written = await writtenByPeople(request);
  await signInEs(page, TREASURER);
  await expect(firstSection(page)).toHaveText('Tesorería');
  await look(page, 'treasurer-first', written);
  await page.getByRole('link', { name: 'Cuentas del mes' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Cuentas de reciprocidad' })).toBeVisible();
  await expect(page.getByRole('table').first()).toBeVisible();
  await look(page, 'treasurer-accounts', written);
});

test('the coordinator lands on the network’s coordination and reviews the applications', async ({ page, request, baseURL }) => {
  const coordinator = await apiSession(baseURL!, DEMO.coordinator.email);
  const written = await writtenByPeople(request, coordinator.api);
  await coordinator.api.dispose();
  await signInEs(page, DEMO.coordinator.email);
  await expect(firstSection(page)).toHaveText('Coordinación de la red');
  await look(page, 'coordinator-first', written);
  await page.getByRole('link', { name: 'Solicitudes', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Solicitudes de adhesión' })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Rechazar / }).first()).toBeVisible();
  await look(page, 'coordinator-applications', written);
});
