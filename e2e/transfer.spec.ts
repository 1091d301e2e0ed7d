/**
 * What a phone downloads: the first visit to the home page gets the web app's
 * files compressed; the second gets only the HTML shell (revalidated) and API
 * answers over the network, every file named by its content from the
 * browser's cache (or the service worker's, which fills from it). Chromium's
 * own records (DevTools protocol) say what came from where.
 */
import { expect, test, type CDPSession, type Page } from '@playwright/test';


interface Fetched {
  url: string;
  status: number;
  encoding: string | undefined;
  cached: boolean;
  bytes: number;
}

async function record(page: Page): Promise<{ cdp: CDPSession; fetched: Map<string, Fetched> }> {
  const cdp = await page.context().newCDPSession(page);
  const fetched = new Map<string, Fetched>();
  await cdp.send('Network.enable');
  cdp.on('Network.responseReceived', (e) => {
    const headers = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), v]));
    fetched.set(e.requestId, {
      url: e.response.url,
      status: e.response.status,
      encoding: headers['content-encoding'],
      cached: Boolean(e.response.fromDiskCache || e.response.fromPrefetchCache),
      bytes: 0,
    });
  });
  cdp.on('Network.requestServedFromCache', (e) => {
    const f = fetched.get(e.requestId);
    if (f) f.cached = true;
  });
  cdp.on('Network.loadingFinished', (e) => {
    const f = fetched.get(e.requestId);
    if (f) f.bytes = e.encodedDataLength;
  });
  return { cdp, fetched };
}

async function visitHome(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByTestId('saved-month')).toBeVisible();
  await page.waitForLoadState('networkidle');
}

test('the second visit to the home page downloads only the shell and the API answers', async ({ page }) => {
  const { cdp, fetched } = await record(page);
  await visitHome(page);
  const first = [...fetched.values()];
  const assets = first.filter((f) => new URL(f.url).pathname.startsWith('/assets/'));
  expect(assets.length).toBeGreaterThan(3);
  for (const a of assets.filter((f) => /\.(js|css)$/.test(f.url) && f.bytes > 2048)) {
    expect(a.encoding, `${a.url} is sent compressed`).toBe('br');
  }
  const firstBytes = first.reduce((sum, f) => sum + f.bytes, 0);
  test.info().annotations.push({ type: 'first visit', description: `${Math.round(firstBytes / 1024)} KiB in ${first.length} requests` });

  fetched.clear();
  await visitHome(page);
  const second = [...fetched.values()];
  const overNetwork = second.filter((f) => !f.cached);
  const unexpected = overNetwork.filter((f) => {
    const path = new URL(f.url).pathname;
    return !(path === '/' || path.startsWith('/api/') || f.status === 304);
  });
  expect(unexpected.map((f) => `${f.status} ${f.url}`)).toEqual([]);
  // Every file the page named by its content came from the browser's cache.
  const secondAssets = second.filter((f) => new URL(f.url).pathname.startsWith('/assets/'));
  expect(secondAssets.length).toBeGreaterThan(3);
  for (const a of secondAssets) expect(a.cached, a.url).toBe(true);
  const secondBytes = overNetwork.reduce((sum, f) => sum + f.bytes, 0);
  test.info().annotations.push({ type: 'second visit', description: `${Math.round(secondBytes / 1024)} KiB over the network` });
  expect(secondBytes).toBeLessThan(firstBytes / 5);
  await cdp.detach();
});
