/**
 * Offers: a co-op admin makes, pauses, resumes, edits and ends an offer
 * through the form; the form refuses what does not add up; a visitor finds
 * offers on the co-op's page and in the catalogue; "Open to me" leaves out
 * the worker's own co-op; "Near me" sorts by distance or says why it cannot;
 * a redemption a till synced over a limit is flagged for the admin.
 * Every offer made here has a title of its own, so earlier runs and other
 * journeys do not matter.
 */
import { type APIRequestContext, expect, type Locator, type Page, test } from '@playwright/test';
import { apiSession, DEMO, expectAccessible, shot, signIn, uniqueId } from './support.ts';

const FORN = { name: 'Forn de la Plaça', slug: 'forn-de-la-placa', sector: 'bakery', sectorName: 'Bakery', lat: 39.4619, lng: -0.3748 };
const BICIS = { name: 'Bicis del Túria', slug: 'bicis-del-turia', admin: 'jordi.ribes@bicis-del-turia.example' };
/** A worker of Forn de la Plaça who is not its admin. */
const FORN_WORKER = 'pau.navarro@forn-de-la-placa.example';

interface Made {
  id: string;
  title: string;
}

async function coopId(api: APIRequestContext, slug: string): Promise<string> {
  const res = await api.get(`/api/v1/coops/${slug}`);
  expect(res.ok()).toBe(true);
  return ((await res.json()) as { id: string }).id;
}

/** An offer made through the API by the co-op's admin, as a journey's starting point. */
async function makeOffer(baseURL: string, admin: string, slug: string, body: Record<string, unknown>): Promise<Made> {
  const { api, csrf } = await apiSession(baseURL, admin);
  const id = await coopId(api, slug);
  const res = await api.post(`/api/v1/coops/${id}/offers`, { data: body, headers: { 'X-CSRF-Token': csrf } });
  expect(res.status(), await res.text()).toBe(201);
  const made = (await res.json()) as Made;
  await api.dispose();
  return made;
}

/**
 * With E2E_SHOTS, what the screen shows of a dialog, top and bottom: a full-page
 * shot would draw the page under it, not the dialog's own scrolled content.
 */
async function dialogShots(page: Page, dialog: Locator, name: string): Promise<void> {
  if (!process.env.E2E_SHOTS) return;
  const width = page.viewportSize()?.width ?? 0;
  // The dialog's content box is what scrolls.
  const box = dialog;
  await box.evaluate((el) => el.scrollTo(0, 0));
  await page.screenshot({ path: `/tmp/e2e-shots/${name}-top-${width}.png` });
  await box.evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await page.screenshot({ path: `/tmp/e2e-shots/${name}-bottom-${width}.png` });
}

async function openManagePage(page: Page): Promise<void> {
  await page.goto(`/coops/${FORN.slug}`);
  await page.getByRole('navigation', { name: 'Manage this co-op' }).getByRole('link', { name: 'Manage offers' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Offers' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: "Your co-op's offers" })).toBeVisible();
}

test('a co-op admin creates an offer with a weekly limit, pauses, resumes, edits and ends it', async ({ page }) => {
  const title = `Bread for neighbours ${uniqueId()}`;
  await signIn(page, DEMO.coopAdmin.email);
  await openManagePage(page);
  await expect(page.getByRole('heading', { level: 2, name: 'Flagged redemptions' })).toBeVisible();
  await expectAccessible(page);
  await shot(page, 'offers-manage');

  await page.getByRole('button', { name: 'New offer' }).click();
  const form = page.getByRole('dialog', { name: 'New offer' });
  await form.getByLabel('Title').fill(title);
  await expect(form.getByRole('radio', { name: 'Percent off' })).toBeChecked();
  // Only the fields of the kind chosen are shown.
  await expect(form.getByLabel('Name of the item')).toHaveCount(0);
  await form.getByLabel('Percentage').fill('15');
  await form.getByRole('combobox', { name: 'Period' }).selectOption('week');
  await form.getByLabel('Uses per person').fill('3');
  await form.getByLabel('Discount per person').fill('12.5');
  await form.getByLabel('Terms').fill('Bread and coques; not on cakes to order.');
  await expectAccessible(page);
  await dialogShots(page, form, 'offers-form');
  await form.getByRole('button', { name: 'Create offer' }).click();
  await expect(form).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: `"${title}" has been created.` })).toBeVisible();

  const card = page.getByRole('article', { name: title });
  await expect(card.getByText('Active', { exact: true })).toBeVisible();
  await expect(card.getByText('15 % off')).toBeVisible();
  await expect(card.getByText('3 times and up to €12.50 a week per person')).toBeVisible();
  await expect(card.getByText('Workers of other co-ops', { exact: true })).toBeVisible();
  await expectAccessible(page);

  await card.getByRole('button', { name: `Pause ${title}` }).click();
  await expect(card.getByText('Paused', { exact: true })).toBeVisible();
  await card.getByRole('button', { name: `Resume ${title}` }).click();
  await expect(card.getByText('Active', { exact: true })).toBeVisible();

  await card.getByRole('button', { name: `Edit ${title}` }).click();
  const edit = page.getByRole('dialog', { name: `Edit ${title}` });
  // The stored cents come back as the decimal they were typed as.
  await expect(edit.getByLabel('Discount per person')).toHaveValue('12.50');
  await edit.getByLabel('Percentage').fill('20');
  await edit.getByLabel('Supporters').check();
  await edit.getByRole('button', { name: 'Save offer' }).click();
  await expect(edit).toHaveCount(0);
  await expect(card.getByText('20 % off')).toBeVisible();
  await expect(card.getByText('Workers of other co-ops and supporters')).toBeVisible();

  await card.getByRole('button', { name: `End ${title}` }).click();
  const confirm = page.getByRole('dialog', { name: 'End the offer' });
  await expect(confirm.getByText(`"${title}" will end for good`)).toBeVisible();
  await confirm.getByRole('button', { name: 'End offer' }).click();
  await expect(confirm).toHaveCount(0);
  await expect(card.getByText('Ended', { exact: true })).toBeVisible();
  await expect(card.getByRole('button')).toHaveCount(0);

  // The co-op page lists only active offers: the ended one is gone from it.
  await page.goto(`/coops/${FORN.slug}`);
  await expect(page.getByRole('heading', { level: 1, name: FORN.name })).toBeVisible();
  await expect(page.getByRole('article', { name: title })).toHaveCount(0);
});

test('the offer form refuses a percent of 150 and an amount with three decimals, on the fields', async ({ page }) => {
  const title = `Refused ${uniqueId()}`;
  await signIn(page, DEMO.coopAdmin.email);
  await openManagePage(page);
  await page.getByRole('button', { name: 'New offer' }).click();
  const form = page.getByRole('dialog', { name: 'New offer' });
  await form.getByLabel('Title').fill(title);

  // The server's bound, shown on its field.
  await form.getByLabel('Percentage').fill('150');
  await form.getByRole('button', { name: 'Create offer' }).click();
  await expect(form.getByLabel('Percentage')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByText('Give a whole percentage from 1 to 100.')).toBeVisible();
  await expect(form.getByText('The offer was not saved: some fields need attention.')).toBeVisible();

  // Money is never rounded behind the admin's back: a third decimal is refused before sending.
  await form.getByRole('radio', { name: 'Amount off' }).check();
  await expect(form.getByLabel('Percentage')).toHaveCount(0);
  await form.getByLabel('Discount amount').fill('4.555');
  await form.getByRole('button', { name: 'Create offer' }).click();
  await expect(form.getByLabel('Discount amount')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByText('At most 2 decimals, e.g. 4.50.')).toBeVisible();

  // A rule between fields (the server names the field): the offer cannot end before it starts.
  await form.getByLabel('Discount amount').fill('4.5');
  await form.getByLabel('Valid from').fill('2031-05-10');
  await form.getByLabel('Valid until').fill('2031-05-01');
  await form.getByRole('button', { name: 'Create offer' }).click();
  await expect(form.getByLabel('Valid until')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByText('The offer cannot end before it starts.')).toBeVisible();
  await expectAccessible(page);
  await dialogShots(page, form, 'offers-form-refused');

  await form.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('article', { name: title })).toHaveCount(0);
});

test('a visitor sees a co-op’s active offers on its page and in the catalogue by sector', async ({ page, baseURL }) => {
  const title = `Free farton ${uniqueId()}`;
  await makeOffer(baseURL!, DEMO.coopAdmin.email, FORN.slug, {
    title,
    kind: 'free_item',
    item: 'farton',
    amountCents: 150,
    forWorkers: true,
    forSupporters: true,
    limitPeriod: 'month',
    limitCount: 1,
    capCents: 5000,
  });

  await page.goto(`/coops/${FORN.slug}`);
  await expect(page.getByRole('heading', { level: 1, name: FORN.name })).toBeVisible();
  const section = page.getByRole('region', { name: 'Offers' });
  const onPage = section.getByRole('article', { name: title });
  await expect(onPage.getByRole('heading', { level: 3, name: title })).toBeVisible();
  await expect(onPage.getByText('Free: farton (worth €1.50)')).toBeVisible();
  await expect(onPage.getByText('once a month per person')).toBeVisible();
  await expect(onPage.getByText('up to €50.00 a month for everyone together')).toBeVisible();
  await expectAccessible(page);
  await shot(page, 'offers-coop');

  await page.goto('/offers');
  await expect(page.getByRole('heading', { level: 1, name: 'Offers' })).toBeVisible();
  const filters = page.getByRole('search', { name: 'Filter offers' });
  // Signed out: no "Open to me".
  await expect(filters.getByRole('checkbox', { name: 'Open to me' })).toHaveCount(0);
  const results = page.getByRole('region', { name: 'Offers found' });
  await expect(results.getByText(/^[1-9]\d* offers?$/)).toBeVisible();
  await expectAccessible(page);
  await shot(page, 'offers-catalogue');

  await filters.getByRole('combobox', { name: 'Sector' }).selectOption(FORN.sector);
  await expect(page).toHaveURL(/[?&]sector=bakery/);
  // The filtered list has arrived: as many offers as the catalogue has for bakeries.
  const bakeries = (await (await page.request.get(`/api/v1/offers?sector=${FORN.sector}`)).json()) as { total: number };
  await expect(results.getByText(new RegExp(`^${bakeries.total} offers?$`))).toBeVisible();
  await expect(results.getByRole('article')).toHaveCount(bakeries.total);
  const card = results.getByRole('article', { name: title });
  await expect(card).toBeVisible();
  await expect(card.getByRole('link', { name: FORN.name })).toHaveAttribute('href', `/coops/${FORN.slug}`);
  // Every offer shown is of a bakery.
  for (const article of await results.getByRole('article').all()) await expect(article.getByText(FORN.sectorName, { exact: true })).toBeVisible();
  await expectAccessible(page);

  // Another sector: not there. The filter survives a reload, as it lives in the address.
  await filters.getByRole('combobox', { name: 'Sector' }).selectOption('bicycles');
  await expect(results.getByRole('article', { name: title })).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('search', { name: 'Filter offers' }).getByRole('combobox', { name: 'Sector' })).toHaveValue('bicycles');

  // A phone's width: nothing runs off the side.
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(`/offers?sector=${FORN.sector}`);
  await expect(page.getByRole('article', { name: title })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await expectAccessible(page);
  await shot(page, 'offers-catalogue');
});

test('"Open to me" leaves out the signed-in worker’s own co-op', async ({ page, baseURL }) => {
  const own = await makeOffer(baseURL!, DEMO.coopAdmin.email, FORN.slug, {
    title: `Own co-op ${uniqueId()}`,
    kind: 'percent',
    percent: 10,
  });
  const other = await makeOffer(baseURL!, BICIS.admin, BICIS.slug, {
    title: `Tyre check ${uniqueId()}`,
    kind: 'amount',
    amountCents: 500,
  });

  await signIn(page, FORN_WORKER);
  await page.goto('/offers');
  const filters = page.getByRole('search', { name: 'Filter offers' });
  const results = page.getByRole('region', { name: 'Offers found' });
  // Without the filter, the catalogue shows both (sorted by co-op: look them up by sector).
  await filters.getByRole('combobox', { name: 'Sector' }).selectOption(FORN.sector);
  await expect(results.getByRole('article', { name: own.title })).toBeVisible();

  // The box follows the address, which the router updates a moment after the click: click, then look.
  await filters.getByRole('checkbox', { name: 'Open to me' }).click();
  await expect(filters.getByRole('checkbox', { name: 'Open to me' })).toBeChecked();
  await expect(page).toHaveURL(/[?&]openToMe=1/);
  await expect(results.getByRole('article', { name: own.title })).toHaveCount(0);
  await filters.getByRole('combobox', { name: 'Sector' }).selectOption('bicycles');
  const card = results.getByRole('article', { name: other.title });
  await expect(card).toBeVisible();
  await expect(card.getByText('€5.00 off')).toBeVisible();
  await expectAccessible(page);
});

test('"Near me" shows distances, and a refused position says so', async ({ browser, baseURL }) => {
  const title = `Near the oven ${uniqueId()}`;
  await makeOffer(baseURL!, DEMO.coopAdmin.email, FORN.slug, { title, kind: 'percent', percent: 5 });

  // A person standing about 150 m from the bakery who lets the browser say so.
  const near = await browser.newContext({
    baseURL,
    locale: 'en-GB',
    permissions: ['geolocation'],
    geolocation: { latitude: FORN.lat + 0.001, longitude: FORN.lng + 0.001 },
  });
  const page = await near.newPage();
  await page.goto(`/offers?sector=${FORN.sector}`);
  await page.getByRole('button', { name: 'Near me' }).click();
  await expect(page.getByRole('button', { name: 'Near me' })).toHaveAttribute('aria-pressed', 'true');
  const results = page.getByRole('region', { name: 'Offers found' });
  await expect(results.getByText(/offers? within 5 km, nearest first$/)).toBeVisible();
  await expect(results.getByRole('article', { name: title }).getByText(/^0\.\d km away$/)).toBeVisible();
  // The position itself stays out of the address.
  expect(page.url()).not.toMatch(/lat=|lng=/);
  await page.getByRole('combobox', { name: 'Within' }).selectOption('1');
  await expect(results.getByText(/within 1 km, nearest first$/)).toBeVisible();
  await expect(results.getByRole('article', { name: title })).toBeVisible();
  await expectAccessible(page);
  await near.close();

  // Someone who does not share their position.
  const refused = await browser.newContext({ baseURL, locale: 'en-GB', permissions: [] });
  const page2 = await refused.newPage();
  await page2.goto('/offers');
  await page2.getByRole('button', { name: 'Near me' }).click();
  await expect(page2.getByRole('alert').filter({ hasText: 'Your browser did not share your position' })).toBeVisible();
  await expect(page2.getByRole('button', { name: 'Near me' })).toHaveAttribute('aria-pressed', 'false');
  await expect(page2.getByRole('region', { name: 'Offers found' }).getByText(/^[1-9]\d* offers?$/)).toBeVisible();
  await expectAccessible(page2);
  await refused.close();
});

test('a redemption a till synced over the limit is flagged, and the admin accepts it', async ({ page, baseURL }) => {
  const offer = await makeOffer(baseURL!, DEMO.coopAdmin.email, FORN.slug, {
    title: `Once a day ${uniqueId()}`,
    kind: 'percent',
    percent: 10,
    limitPeriod: 'day',
    limitCount: 1,
  });
  // The worker's card, as the till would have scanned it.
  const worker = await apiSession(baseURL!, DEMO.worker.email);
  const cardRes = await worker.api.get('/api/v1/me/card');
  expect(cardRes.ok()).toBe(true);
  const { token: card } = (await cardRes.json()) as { token: string };
  await worker.api.dispose();

  // Two sales the same day, recorded offline: the second breaks the limit and is kept, flagged.
  const admin = await apiSession(baseURL!, DEMO.coopAdmin.email);
  const forn = await coopId(admin.api, FORN.slug);
  // Just after the offer was made: a sale dated before its offer is refused.
  const at = new Date().toISOString();
  const items = [uniqueId(), uniqueId()].map((k, i) => ({
    key: `offers-e2e-${k}-${i}`,
    offerId: offer.id,
    card,
    saleCents: 2000 + i * 1000,
    redeemedAt: at,
  }));
  const sync = await admin.api.post(`/api/v1/till/${forn}/redemptions/sync`, {
    data: { items },
    headers: { 'X-CSRF-Token': admin.csrf },
  });
  expect(sync.status(), await sync.text()).toBe(200);
  await admin.api.dispose();

  await signIn(page, DEMO.coopAdmin.email);
  await openManagePage(page);
  const table = page.getByRole('table', { name: 'Flagged redemptions of Forn de la Plaça' });
  const row = table.getByRole('row').filter({ hasText: offer.title });
  await expect(row).toHaveCount(1);
  await expect(row.getByText("Over the person's limit")).toBeVisible();
  await expect(row.getByText(DEMO.worker.name)).toBeVisible();
  await expect(row.getByText('€30.00')).toBeVisible();
  await expect(row.getByText('€3.00')).toBeVisible();
  await expectAccessible(page);
  await shot(page, 'offers-flagged');

  await row.getByRole('button', { name: /^Accept: / }).click();
  // A decision is final: it is confirmed first.
  const decide = page.getByRole('dialog', { name: 'Accept this discount?' });
  await expect(decide).toContainText('A decision is final');
  await decide.getByRole('button', { name: 'Accept', exact: true }).click();
  await expect(decide).toBeHidden();
  await expect(page.getByRole('row').filter({ hasText: offer.title })).toHaveCount(0);

  // The form at a phone's width.
  await page.setViewportSize({ width: 360, height: 740 });
  await page.getByRole('button', { name: 'New offer' }).click();
  const form = page.getByRole('dialog', { name: 'New offer' });
  await form.getByRole('radio', { name: 'Free item' }).check();
  await form.getByRole('combobox', { name: 'Period' }).selectOption('month');
  await expect(form.getByLabel('Name of the item')).toBeVisible();
  expect(await form.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
  await expectAccessible(page);
  await dialogShots(page, form, 'offers-form');
});
