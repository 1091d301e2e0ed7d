/**
 * New co-ops: a worker proposes a venture at a phone's width, a worker of
 * another co-op offers a skill, the founder accepts it, and a coordinator
 * moves it on to its study; the pages have no accessibility violations.
 */
import { type Browser, expect, type Page, test } from '@playwright/test';
import { DEMO, expectAccessible, shot, signIn, uniqueId } from './support.ts';

async function as(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

const noSidewaysScroll = async (page: Page) =>
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

test('a member proposes a new co-op, another offers a skill, the team accepts and a coordinator moves it on', async ({
  browser,
}) => {
  const name = `Cuina ${uniqueId()}`;
  const [founder, helper, coordinator] = await Promise.all([
    as(browser, DEMO.worker.email),
    as(browser, DEMO.coopAdmin.email),
    as(browser, DEMO.coordinator.email),
  ]);

  // The founder reads the list (the demo's kitchen is being studied) and proposes one.
  await founder.goto('/ventures');
  await expect(founder.getByRole('heading', { level: 1, name: 'New co-ops' })).toBeVisible();
  await expect(
    founder.getByRole('region', { name: 'Study' }).getByRole('link', { name: 'Cuina del Cabanyal' }),
  ).toBeVisible();
  await noSidewaysScroll(founder);
  await expectAccessible(founder);
  await shot(founder, 'ventures-phone');
  await founder.getByRole('link', { name: 'Propose a new co-op' }).click();
  await founder.getByLabel('Name').fill(name);
  await founder
    .getByLabel('What it will do')
    .fill('Lunches for the schools, cooked <b>by</b> the people who run the kitchen.');
  await founder.getByLabel('Your role in the founding team').fill('Cook');
  await founder.getByRole('button', { name: 'Add a need' }).click();
  await founder.getByLabel('What exactly').fill('Someone who keeps accounts');
  await noSidewaysScroll(founder);
  await expectAccessible(founder);
  await founder.getByRole('button', { name: 'Propose it' }).click();
  await expect(founder.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(founder.getByText('cooked <b>by</b> the people')).toBeVisible();
  await expect(founder.getByText(`${DEMO.worker.name} — Cook`)).toBeVisible();
  const url = founder.url();

  // A worker of another co-op offers a skill.
  await helper.goto(url);
  await helper.getByLabel('Your skill').fill('Bookkeeping for small co-ops');
  await helper.getByRole('button', { name: 'Offer my skill' }).click();
  await expect(helper.getByRole('article', { name: `Offer from ${DEMO.coopAdmin.name}` })).toBeVisible();

  // The founder accepts it; it shows among the accepted help.
  await founder.reload();
  const offer = founder.getByRole('article', { name: `Offer from ${DEMO.coopAdmin.name}` });
  await offer.getByRole('button', { name: 'Accept' }).click();
  await expect(founder.getByRole('button', { name: 'Accept' })).toHaveCount(0);
  await expect(offer).toContainText('Bookkeeping for small co-ops');
  await noSidewaysScroll(founder);
  await expectAccessible(founder);
  await shot(founder, 'venture-phone');

  // A coordinator moves it on to its study: one step.
  await coordinator.goto(url);
  await coordinator.getByRole('button', { name: 'Move on to Study' }).click();
  await expect(coordinator.getByRole('button', { name: 'Move on to Founding' })).toBeVisible();
  await expect(coordinator.getByText(`Study, `)).toBeVisible();
  await noSidewaysScroll(coordinator);
});
