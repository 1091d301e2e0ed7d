/**
 * The home page is the network's shop window: what members saved this month
 * and this year (the figure the reciprocity accounts add up to), offers, the
 * co-ops and the workers the network knows, in English and Spanish, on a wide
 * screen and a 360 px phone. A co-op's page says what it gave and what its
 * workers saved at the others.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { DEMO, apiSession, expectAccessible } from './support.ts';

interface Position {
  coopId: string;
  givenCents: number;
  receivedCents: number;
}

/** An amount as shown ("€1,234.50", "1234,50 €") read back as cents: its digits, two of them decimals. */
async function centsIn(figure: Locator): Promise<number> {
  const text = (await figure.locator('p').first().textContent()) ?? '';
  return Number(text.replace(/\D/g, ''));
}

async function look(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });
}

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(page.viewportSize()!.width);
}

test("the home page shows this month's savings as the reciprocity accounts count them, in English and Spanish, wide and on a phone", async ({
  page,
  baseURL,
}) => {
  const { api } = await apiSession(baseURL!, DEMO.worker.email);
  const accounts = (await (await api.get('/api/v1/reciprocity')).json()) as { month: string; totalCents: number; totalCount: number };
  expect(accounts.totalCount).toBeGreaterThan(0);
  const network = (await (await page.request.get('/api/v1/network')).json()) as { figures: { workers: number } };
  const directory = (await (await page.request.get('/api/v1/coops?limit=1000')).json()) as { items: { knownWorkers: number }[] };

  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/');
  const savings = page.getByRole('region', { name: 'What members save' });
  await expect(savings).toBeVisible();
  expect(await centsIn(savings.getByTestId('saved-month'))).toBe(accounts.totalCents);
  await expect(savings.getByTestId('saved-month')).toContainText(accounts.totalCount === 1 ? '1 discount' : `${accounts.totalCount.toLocaleString('en-GB')} discounts`);
  expect(await centsIn(savings.getByTestId('saved-year'))).toBeGreaterThanOrEqual(accounts.totalCents);

  // The workers the home page counts are the directory's, added up.
  const workersShown = page.getByRole('region', { name: 'The network in figures' }).getByText('Workers in the network').locator('..');
  await expect(workersShown).toContainText(network.figures.workers.toLocaleString('en-GB'));
  expect(directory.items.reduce((s, c) => s + c.knownWorkers, 0)).toBe(network.figures.workers);

  const offers = page.getByRole('region', { name: 'Offers open to members' });
  await expect(offers.getByRole('listitem').first()).toBeVisible();
  await expect(offers.getByRole('link', { name: 'See every offer' })).toBeVisible();
  const coops = page.getByRole('region', { name: 'The member co-ops' });
  await expect(coops.getByRole('link', { name: DEMO.worker.coop })).toBeVisible();
  await expect(coops.getByRole('link', { name: /^See all \d+ co-ops in the directory$/ })).toBeVisible();
  await expectAccessible(page);
  await look(page, 'home-en-1280');

  await page.setViewportSize({ width: 360, height: 740 });
  await expect(savings).toBeVisible();
  await expectNoSidewaysScroll(page);
  await expectAccessible(page);
  await look(page, 'home-en-360');

  // In Spanish.
  await page.evaluate(() => window.localStorage.setItem('coopnet.language', 'es'));
  await page.reload();
  const ahorro = page.getByRole('region', { name: 'Lo que ahorran las personas socias' });
  await expect(ahorro).toBeVisible();
  expect(await centsIn(ahorro.getByTestId('saved-month'))).toBe(accounts.totalCents);
  await expect(page.getByRole('region', { name: 'Ofertas para las personas socias' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Las cooperativas socias' })).toBeVisible();
  await expect(page.getByText('Personas trabajadoras en la red')).toBeVisible();
  await expectNoSidewaysScroll(page);
  await expectAccessible(page);
  await look(page, 'home-es-360');
  await page.setViewportSize({ width: 1280, height: 900 });
  await expectAccessible(page);
  await look(page, 'home-es-1280');
  await api.dispose();
});

test("a co-op's page says what it gave, what its workers saved at the others, and its workers as the network knows them", async ({ page, baseURL }) => {
  const { api } = await apiSession(baseURL!, DEMO.coopAdmin.email);
  const found = (await (await page.request.get(`/api/v1/coops?q=${encodeURIComponent(DEMO.coopAdmin.coop)}`)).json()) as { items: { slug: string }[] };
  const slug = found.items[0]!.slug;
  const coop = (await (await page.request.get(`/api/v1/coops/${slug}`)).json()) as { id: string; knownWorkers: number; workerCount: number };
  const accounts = (await (await api.get('/api/v1/reciprocity')).json()) as { positions: Position[] };
  const position = accounts.positions.find((p) => p.coopId === coop.id) ?? { givenCents: 0, receivedCents: 0 };
  const workers = (await (await api.get(`/api/v1/coops/${coop.id}/workers?status=active&limit=1`)).json()) as { total: number };
  expect(coop.knownWorkers).toBe(workers.total);

  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`/coops/${slug}`);
  await expect(page.getByRole('heading', { level: 1, name: DEMO.coopAdmin.coop })).toBeVisible();
  const part = page.getByRole('region', { name: 'Give and take' });
  await expect(part).toBeVisible();
  expect(await centsIn(part.getByTestId('coop-given'))).toBe(position.givenCents);
  expect(await centsIn(part.getByTestId('coop-received'))).toBe(position.receivedCents);
  // The workers it has in the network, and the head count it declared, labelled as declared.
  const facts = page.locator('dl');
  await expect(facts.getByText('Workers in the network', { exact: true }).locator('..')).toContainText(String(coop.knownWorkers));
  await expect(facts.getByText('Head count declared by the co-op', { exact: true }).locator('..')).toContainText(String(coop.workerCount));
  await expectAccessible(page);
  await look(page, 'coop-en-1280');

  await page.evaluate(() => window.localStorage.setItem('coopnet.language', 'es'));
  await page.setViewportSize({ width: 360, height: 740 });
  await page.reload();
  const parte = page.getByRole('region', { name: 'Dar y recibir' });
  await expect(parte).toBeVisible();
  expect(await centsIn(parte.getByTestId('coop-given'))).toBe(position.givenCents);
  await expectNoSidewaysScroll(page);
  await expectAccessible(page);
  await look(page, 'coop-es-360');
  await api.dispose();
});
