/**
 * The till: the cashier of Forn de la Plaça scans the
 * card of a worker of Bicis del Túria with the camera, records the 20 %
 * discount of a 45.00 sale, and the worker sees the saving on their card
 * page; the same with the short code typed; and a worker of Forn de la Plaça
 * at their own co-op's till finds no reciprocal offer open to them.
 *
 * The camera is Chromium's fake camera playing a video of the worker's real
 * QR code (fake-camera.ts), in a browser of its own launched with it.
 */
import { rmSync } from 'node:fs';
import { chromium, expect, test, type Browser, type Page } from '@playwright/test';
import { writeQrVideo } from './fake-camera.ts';
import { apiSession, DEMO, expectAccessible, shot, signIn, uniqueId } from './support.ts';

const CASHIER = 'amina.elidrissi@forn-de-la-placa.example';
const FORN_WORKER = { email: 'pau.navarro@forn-de-la-placa.example', name: 'Pau Navarro Gil' };
const SECOND_WORKER = { email: 'daniela.restrepo@bicis-del-turia.example', name: 'Daniela Restrepo Gómez' };

interface MyCard {
  cardId: string;
  shortCode: string;
  token: string;
}

function baseUrl(): string {
  return test.info().project.use.baseURL!;
}

/** The co-op of a person, from their session. */
async function coopOf(email: string): Promise<string> {
  const { api } = await apiSession(baseUrl(), email);
  const session = (await (await api.get('/api/v1/auth/session')).json()) as { person: { coopId: string } };
  await api.dispose();
  return session.person.coopId;
}

/** A 20 % offer of the admin's co-op with a title no other run uses. */
async function createOffer(coopId: string, title: string): Promise<string> {
  const { api, csrf } = await apiSession(baseUrl(), DEMO.coopAdmin.email);
  const res = await api.post(`/api/v1/coops/${coopId}/offers`, {
    data: { title, kind: 'percent', percent: 20, terms: 'For the till journey.' },
    headers: { 'X-CSRF-Token': csrf },
  });
  expect(res.status(), await res.text()).toBe(201);
  const offer = (await res.json()) as { id: string };
  await api.dispose();
  return offer.id;
}

async function cardOf(email: string): Promise<MyCard> {
  const { api } = await apiSession(baseUrl(), email);
  const res = await api.get('/api/v1/me/card');
  expect(res.status(), await res.text()).toBe(200);
  const card = (await res.json()) as MyCard;
  await api.dispose();
  return card;
}

async function savingsOf(email: string): Promise<{ monthCents: number }> {
  const { api } = await apiSession(baseUrl(), email);
  const res = await api.get('/api/v1/me/savings');
  expect(res.status(), await res.text()).toBe(200);
  const savings = (await res.json()) as { monthCents: number };
  await api.dispose();
  return savings;
}

const result = (page: Page) => page.getByRole('status', { name: 'Card check result' });

async function openTill(page: Page, coopId: string): Promise<void> {
  await signIn(page, CASHIER);
  await page.goto(`/till/${coopId}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Till — Forn de la Plaça' })).toBeVisible();
  await expect(page.getByRole('status', { name: 'Connection' })).toContainText('Online');
  await expect(page.getByText(/^Ready to check cards without a connection/)).toBeVisible();
}

/** Chooses the offer, types the sale, checks the discount shown and records it. */
async function recordSale(page: Page, offerTitle: string, holderName: string): Promise<void> {
  await page.getByRole('radio', { name: new RegExp(offerTitle) }).click();
  await page.getByLabel('Sale amount').fill('45.00');
  await expect(page.getByText('Discount €9.00 · To pay €36.00')).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Record discount' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Discount recorded' })).toHaveText(
    `Discount recorded: €9.00 for ${holderName}.`,
  );
}

test.describe('the till', () => {
  let scanner: Browser | null = null;
  let video: string | null = null;
  test.afterAll(async () => {
    await scanner?.close();
    if (video) rmSync(video, { force: true });
  });

  test('the cashier scans a worker of another co-op with the camera, records 20 % of 45.00; the worker sees the saving', async ({
    browser,
  }) => {
    const forn = await coopOf(DEMO.coopAdmin.email);
    const title = `Till journey 20 % ${uniqueId()}`;
    await createOffer(forn, title);
    const card = await cardOf(DEMO.worker.email);
    const before = await savingsOf(DEMO.worker.email);

    // A browser whose camera shows the worker's QR code.
    video = writeQrVideo(card.token);
    scanner = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: [
        ...(test.info().project.use.launchOptions?.args ?? []),
        '--use-fake-ui-for-media-stream',
        '--use-fake-device-for-media-stream',
        `--use-file-for-fake-video-capture=${video}`,
      ],
    });
    const context = await scanner.newContext({ baseURL: baseUrl(), locale: 'en-GB', permissions: ['camera'] });
    const page = await context.newPage();
    await openTill(page, forn);
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Scan card' }).click();
    await expect(result(page)).toHaveText(`Card accepted: ${DEMO.worker.name}`, { timeout: 15_000 });
    // The camera stopped once the card was read.
    await expect(page.getByLabel('Camera view')).toHaveCount(0);
    const holder = page.getByRole('region', { name: 'Card holder' });
    await expect(holder).toContainText(DEMO.worker.name);
    await expect(holder).toContainText(DEMO.worker.coop);
    await expect(holder).toContainText('Card valid until');
    await expect(page.getByRole('radio', { name: new RegExp(title) })).toContainText('20 % off');
    await expectAccessible(page);
    await shot(page, 'till-scanned');
    await recordSale(page, title, DEMO.worker.name);
    await expectAccessible(page);
    await context.close();

    // The worker, in a browser of their own, finds the saving on their card page.
    const after = await savingsOf(DEMO.worker.email);
    expect(after.monthCents - before.monthCents).toBe(900);
    const workerContext = await browser.newContext({ locale: 'en-GB' });
    const workerPage = await workerContext.newPage();
    await signIn(workerPage, DEMO.worker.email);
    await workerPage.goto('/card');
    const money = (cents: number) =>
      new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'EUR' }).format(cents / 100);
    await expect(workerPage.getByRole('region', { name: 'My savings' })).toContainText(money(after.monthCents));
    await workerContext.close();
  });

  test('the cashier types the short code instead, at a phone-sized till', async ({ page }) => {
    const forn = await coopOf(DEMO.coopAdmin.email);
    const title = `Till short code 20 % ${uniqueId()}`;
    await createOffer(forn, title);
    const card = await cardOf(SECOND_WORKER.email);
    const before = await savingsOf(SECOND_WORKER.email);

    await page.setViewportSize({ width: 360, height: 740 });
    await openTill(page, forn);
    // Typed as a person would: lower case, with the dash the card prints.
    const typed = `${card.shortCode.slice(0, 4)}-${card.shortCode.slice(4)}`.toLowerCase();
    await page.getByLabel('Card code').fill(typed);
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await expect(result(page)).toHaveText(`Card accepted: ${SECOND_WORKER.name}`);
    await expect(page.getByRole('region', { name: 'Card holder' })).toContainText('Bicis del Túria');
    await recordSale(page, title, SECOND_WORKER.name);
    expect((await savingsOf(SECOND_WORKER.email)).monthCents - before.monthCents).toBe(900);

    // Nothing scrolls sideways at 360 px, and every button is big enough to hit.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    const heights = await page
      .locator('main button:visible')
      .evaluateAll((buttons) => buttons.map((b) => [b.textContent ?? '', b.getBoundingClientRect().height] as const));
    for (const [text, height] of heights) expect(height, `button "${text}"`).toBeGreaterThanOrEqual(44);
    await expectAccessible(page);
    await shot(page, 'till-recorded');
  });

  test('a worker of Forn de la Plaça at its own till finds no reciprocal offer open to them', async ({ page }) => {
    const forn = await coopOf(DEMO.coopAdmin.email);
    const title = `Till own co-op ${uniqueId()}`;
    await createOffer(forn, title);
    const card = await cardOf(FORN_WORKER.email);

    await openTill(page, forn);
    // A USB barcode scanner types the whole code and presses Enter.
    await page.getByLabel('Card code').fill(card.token);
    await page.getByLabel('Card code').press('Enter');
    await expect(result(page)).toHaveText(`Card accepted: ${FORN_WORKER.name}`);
    const offers = page.getByRole('region', { name: 'Offers' });
    await expect(offers).toContainText('No offer here is open to this card');
    await expect(offers).toContainText('own co-op');
    await expect(offers.getByRole('radio')).toHaveCount(0);
    await expect(offers.getByRole('listitem').filter({ hasText: title })).toContainText('own co-op');
    await expect(page.getByRole('button', { name: 'Record discount' })).toHaveCount(0);
    await expectAccessible(page);
    await shot(page, 'till-own-coop');
    await page.setViewportSize({ width: 360, height: 740 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await expectAccessible(page);
    await shot(page, 'till-own-coop');
  });

  test('a visitor is asked to sign in, and a worker who is not the cashier gets no access', async ({ page }) => {
    const forn = await coopOf(DEMO.coopAdmin.email);
    await page.goto(`/till/${forn}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Till' })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole('main').getByRole('link', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(new RegExp(`/sign-in\\?next=${encodeURIComponent(`/till/${forn}`)}`));

    await signIn(page, FORN_WORKER.email);
    await page.goto(`/till/${forn}`);
    await expect(page.getByRole('heading', { level: 1, name: 'No access' })).toBeVisible();
  });

  test('the dashboard leads the cashier to the till', async ({ page }) => {
    await signIn(page, CASHIER);
    await page.getByRole('region', { name: 'Cashier' }).getByRole('link', { name: 'Till of Forn de la Plaça' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Till — Forn de la Plaça' })).toBeVisible();
    const tillUrl = page.url();

    // Installing from here installs the till: its own manifest, starting at /till, which opens this till again.
    const href = await page.locator('link[rel="manifest"]').getAttribute('href');
    expect(href).toBe('/till.webmanifest');
    const manifest = await page.request.get(href!);
    expect(manifest.status()).toBe(200);
    expect(await manifest.json()).toMatchObject({ id: '/till', start_url: '/till', display: 'standalone', short_name: 'Till' });
    await page.goto('/till');
    await expect(page.getByRole('heading', { level: 1, name: 'Till — Forn de la Plaça' })).toBeVisible();
    expect(page.url()).toBe(tillUrl);
  });
});
