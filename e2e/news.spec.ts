/**
 * The network's news: a coordinator publishes a post at a phone's width; a
 * visitor reads it on the news page and its own page, and finds it in the
 * Atom feed. Axe-clean, no sideways scroll.
 */
import { expect, test } from '@playwright/test';
import { DEMO, expectAccessible, linkFromMail, signIn, uniqueId } from './support.ts';

test('a coordinator publishes news at a phone’s width; a visitor reads it and its feed', async ({
  page,
  browser,
  baseURL,
}) => {
  const title = `Spring assembly ${uniqueId()}`;
  await page.setViewportSize({ width: 360, height: 740 });
  await signIn(page, DEMO.coordinator.email);
  await page.goto('/news');
  await expect(page.getByRole('heading', { level: 1, name: 'News' })).toBeVisible();
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Summary').fill('The general assembly meets on 14 March.');
  await page.getByLabel('Text').fill('Come **along** <script>alert(1)</script>');
  await page.getByRole('button', { name: 'Publish' }).click();
  await expect(page.getByRole('link', { name: title })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await expectAccessible(page);
  await page.screenshot({ path: '/tmp/news-publish-360.png', fullPage: true });

  const context = await browser.newContext({ baseURL, viewport: { width: 360, height: 740 } });
  const visitor = await context.newPage();
  await visitor.goto('/news');
  // The demo's own news is there too.
  await expect(visitor.getByRole('link', { name: 'The spring assembly is on 14 March' })).toBeVisible();
  await expect(visitor.getByRole('heading', { level: 2, name: 'Publish news' })).toHaveCount(0);
  // The visitor follows the news by mail.
  const reader = `reader-${uniqueId()}@example.org`;
  await visitor.getByLabel('Your e-mail').fill(reader);
  await visitor.getByRole('button', { name: 'Follow' }).click();
  await expect(visitor.getByRole('status')).toContainText('open the link we sent to confirm');
  await expectAccessible(visitor);
  // Nothing is mailed until the address's owner confirms from the mail.
  await visitor.goto(await linkFromMail(reader, /https?:\/\/\S+\/news\/confirm\/[A-Za-z0-9_-]+/));
  await visitor.getByRole('button', { name: 'Yes, mail me new posts' }).click();
  await expect(visitor.getByRole('status')).toContainText('new posts will come by mail');
  expect(await visitor.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await expectAccessible(visitor);
  await visitor.goto('/news');
  await visitor.getByRole('link', { name: title }).click();
  await expect(visitor.getByRole('heading', { level: 1, name: title })).toBeVisible();
  // The Markdown is rendered; the script in it is dropped, never run.
  let dialogs = 0;
  visitor.on('dialog', (d) => {
    dialogs += 1;
    void d.dismiss();
  });
  await expect(visitor.getByTestId('campaign-story').locator('strong')).toHaveText('along');
  expect(await visitor.getByTestId('campaign-story').locator('script').count()).toBe(0);
  expect(dialogs).toBe(0);
  expect(await visitor.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await expectAccessible(visitor);
  await visitor.screenshot({ path: '/tmp/news-post-360.png', fullPage: true });
  const feed = await visitor.request.get('/feeds/news.atom');
  expect(feed.headers()['content-type']).toBe('application/atom+xml; charset=utf-8');
  expect(await feed.text()).toContain(title);
  // A co-op's blog, from its page: the demo's post by Forn's admin, and its own feed.
  const forn = (await (await visitor.request.get('/api/v1/news/posts?coop=forn-de-la-placa')).json()) as {
    items: { title: string }[];
  };
  expect(forn.items.map((p) => p.title)).toContain('Our new wood-fired oven');
  await visitor.goto('/coops/forn-de-la-placa');
  await visitor.getByRole('link', { name: 'Read its news' }).click();
  await expect(visitor.getByRole('heading', { level: 1, name: 'Forn de la Plaça: blog' })).toBeVisible();
  await expect(visitor.getByRole('link', { name: 'Our new wood-fired oven' })).toBeVisible();
  expect(await visitor.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await expectAccessible(visitor);
  await context.close();
});
