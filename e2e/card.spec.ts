/**
 * The member's card page and the installable app.
 *
 * - The QR code the page draws is read back by an independent reader
 *   (`zbarimg`, Debian's zbar-tools) and the credential in it is verified with
 *   a standard COSE library (@ldclabs/cose-ts) and the network's published key,
 *   never with Coopnet's own code; a tampered copy fails the same check.
 * - Once opened (with the service worker controlling the page), the card and
 *   the savings open again with the network cut.
 * - It fits a phone 360 px wide, and is accessible online and offline.
 */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type * as Ed25519 from '@ldclabs/cose-ts/ed25519';
import type * as Iana from '@ldclabs/cose-ts/iana';
import type * as Sign1 from '@ldclabs/cose-ts/sign1';
import type * as Tag from '@ldclabs/cose-ts/tag';
import type * as Utils from '@ldclabs/cose-ts/utils';
import { expect, test, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { tsImport } from 'tsx/esm/api';
import { apiSession, DEMO, expectAccessible, shot, signIn, uniqueId } from './support.ts';
import { tempDir } from './temp-dir.ts';

// The base45 package (RFC 9285) is CommonJS without types.
const base45 = createRequire(import.meta.url)('base45') as {
  decode(text: string): Buffer;
  encode(bytes: Uint8Array): string;
};

// @ldclabs/cose-ts ships ES modules that import their siblings without a file extension, which
// Node's resolver (and so the test runner's) refuses; tsx's loader resolves them.
const load = <T>(name: string) => tsImport(`@ldclabs/cose-ts/${name}`, import.meta.url) as Promise<T>;
const [{ Ed25519Key }, { HeaderParameterKid }, { Sign1Message }, { Sign1MessagePrefix, skipTag }, { bytesToHex, decodeCBOR }] =
  await Promise.all([
    load<typeof Ed25519>('ed25519'),
    load<typeof Iana>('iana'),
    load<typeof Sign1>('sign1'),
    load<typeof Tag>('tag'),
    load<typeof Utils>('utils'),
  ]);

interface MyCard {
  cardId: string;
  shortCode: string;
  token: string;
  kind: 'worker' | 'supporter';
  holder: { displayName: string; coopName: string | null };
  expiresAt: string;
}

interface KeySet {
  network: { id: string; name: string };
  keys: { kid: string; alg: string; crv: string; x: string }[];
}

const QR_NAME = 'QR code of your card';
const shots = tempDir('card');
test.afterAll(() => rmSync(shots, { recursive: true, force: true }));

/** What a phone camera would do: photograph the QR code on the screen and read it with zbar. */
async function readQr(qr: Locator, name: string): Promise<string> {
  const png = join(shots, `${name}.png`);
  await qr.screenshot({ path: png });
  const out = execFileSync('zbarimg', ['--raw', '-q', png], { encoding: 'utf8' });
  // zbarimg ends each symbol with a newline; base45 itself may end in a space, so only that newline goes.
  return out.replace(/\n$/, '');
}

/**
 * The card checked as any other network's till could: base45 (RFC 9285), then
 * COSE_Sign1 (RFC 9052) with the Ed25519 key whose kid is in the protected
 * header, from the published key set. Returns the CWT claims; throws if the
 * signature does not hold.
 */
function verifyWithPublishedKey(token: string, keySet: KeySet): Map<number, unknown> {
  expect(token.startsWith('CN1:')).toBe(true);
  const cose = new Uint8Array(base45.decode(token.slice(4)));
  const [protectedBytes] = decodeCBOR(skipTag(Sign1MessagePrefix, cose)) as [Uint8Array];
  const header = decodeCBOR(protectedBytes) as Map<number, unknown>;
  const kid = bytesToHex(header.get(HeaderParameterKid) as Uint8Array);
  const published = keySet.keys.find((k) => k.kid === kid);
  expect(published, `a published key with kid ${kid}`).toBeDefined();
  expect(published!.crv).toBe('Ed25519');
  const key = Ed25519Key.fromPublic(new Uint8Array(Buffer.from(published!.x, 'base64url')));
  const message = Sign1Message.fromBytes(key, cose);
  return decodeCBOR(message.payload) as Map<number, unknown>;
}

/** The same token with one byte of its signed payload changed (the last claim, just before the 64-byte signature). */
function tamper(token: string): string {
  const cose = new Uint8Array(base45.decode(token.slice(4)));
  // …payload | 0x58 0x40 | 64 signature bytes: the payload's last byte sits just before the signature's header.
  cose[cose.length - 64 - 2 - 1]! ^= 0x01;
  return `CN1:${base45.encode(cose)}`;
}

async function myCard(request: APIRequestContext): Promise<MyCard> {
  const res = await request.get('/api/v1/me/card');
  expect(res.status()).toBe(200);
  return (await res.json()) as MyCard;
}

const readable = (code: string) => `${code.slice(0, 4)}-${code.slice(4)}`;

/** A co-op admin of another co-op gives the worker 20 % off a 45.00 sale at their till, the card presented as its QR text; returns the offer's title. */
async function redeemForWorker(baseURL: string, card: string): Promise<string> {
  const { api, csrf } = await apiSession(baseURL, DEMO.coopAdmin.email);
  const session = (await (await api.get('/api/v1/auth/session')).json()) as { person: { coopId: string } };
  const coopId = session.person.coopId;
  const title = `Card journey ${uniqueId()}`;
  const offer = await api.post(`/api/v1/coops/${coopId}/offers`, {
    data: { title, kind: 'percent', percent: 20, forWorkers: true, forSupporters: false },
    headers: { 'X-CSRF-Token': csrf },
  });
  expect(offer.status(), await offer.text()).toBe(201);
  const { id: offerId } = (await offer.json()) as { id: string };
  const redemption = await api.post(`/api/v1/till/${coopId}/redemptions`, {
    data: { offerId, card, saleCents: 4500 },
    headers: { 'X-CSRF-Token': csrf, 'Idempotency-Key': `card-journey-${uniqueId()}` },
  });
  expect(redemption.status(), await redemption.text()).toBe(201);
  await api.dispose();
  return title;
}

async function expectCardShown(page: Page, card: MyCard): Promise<Locator> {
  await expect(page.getByRole('heading', { level: 1, name: 'My card' })).toBeVisible();
  await expect(page.getByText(card.holder.displayName, { exact: true })).toBeVisible();
  await expect(page.getByText(card.holder.coopName!, { exact: true })).toBeVisible();
  await expect(page.getByText(readable(card.shortCode), { exact: true })).toBeVisible();
  await expect(page.getByText(/^Valid until /)).toBeVisible();
  const qr = page.getByRole('img', { name: QR_NAME });
  await expect(qr.locator('svg')).toBeVisible();
  return qr;
}

test('the QR code of a worker’s card decodes with zbarimg to a credential a standard COSE library verifies with the published key', async ({
  page,
}) => {
  await signIn(page, DEMO.worker.email);
  await page.goto('/card');
  const card = await myCard(page.request);
  expect(card.holder.displayName).toBe(DEMO.worker.name);
  expect(card.holder.coopName).toBe(DEMO.worker.coop);
  const qr = await expectCardShown(page, card);
  expect((await qr.boundingBox())!.width).toBeGreaterThanOrEqual(280);
  await expect(page.getByRole('link', { name: 'Offers open to me' })).toHaveAttribute('href', '/offers?openToMe=1');
  await expect(page.getByRole('region', { name: 'My savings' }).getByText('This month')).toBeVisible();
  await expectAccessible(page);
  await shot(page, 'card');

  // An independent reader gets exactly the credential the API hands out.
  const scanned = await readQr(qr, 'card');
  expect(scanned).toBe(card.token);

  // Verified with the key published at the well-known URL, by a library that is not Coopnet's.
  const keysRes = await page.request.get('/.well-known/coopnet-keys.json');
  expect(keysRes.status()).toBe(200);
  const keySet = (await keysRes.json()) as KeySet;
  const claims = verifyWithPublishedKey(scanned, keySet);
  expect(claims.get(1), 'iss: the network').toBe(keySet.network.id);
  expect(claims.get(2), 'sub: the card').toBe(card.cardId);
  expect(claims.get(-1), 'the holder’s name').toBe(DEMO.worker.name);

  // One byte of the payload changed: the same check refuses it.
  const forged = tamper(scanned);
  expect(forged).not.toBe(scanned);
  expect(() => verifyWithPublishedKey(forged, keySet)).toThrow(/signature/);
});

test('installable: the manifest is served and valid, the service worker controls the page, and the card and savings open offline', async ({
  page,
  context,
  baseURL,
}) => {
  await signIn(page, DEMO.worker.email);
  const card = await myCard(page.request);
  const offerTitle = await redeemForWorker(baseURL!, card.token);
  const savings = (await (await page.request.get('/api/v1/me/savings')).json()) as { monthCents: number };

  await page.goto('/card');
  await expectCardShown(page, card);
  const region = page.getByRole('region', { name: 'My savings' });
  // The redemption just recorded, in its own row: the offer, the sale (45.00) and the discount (20 %), and this month's total as the API sums it.
  const row = region.getByRole('row').filter({ hasText: offerTitle });
  await expect(row.getByRole('cell', { name: '€45.00', exact: true })).toBeVisible();
  await expect(row.getByRole('cell', { name: '€9.00', exact: true })).toBeVisible();
  const monthTotal = new Intl.NumberFormat('en', { style: 'currency', currency: 'EUR' }).format(savings.monthCents / 100);
  await expect(region.getByText(monthTotal).first()).toBeVisible();

  // The manifest: linked from the page, served, and what an install needs.
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  const manifestRes = await page.request.get(new URL(href!, page.url()).href);
  expect(manifestRes.status()).toBe(200);
  const manifest = (await manifestRes.json()) as Record<string, unknown> & {
    icons: { src: string; sizes: string; type: string; purpose?: string }[];
  };
  expect(manifest).toMatchObject({ short_name: 'Coopnet', start_url: '/card', scope: '/', display: 'standalone' });
  expect(typeof manifest.name).toBe('string');
  expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
  expect(manifest.background_color).toMatch(/^#[0-9a-f]{6}$/i);
  for (const size of ['192x192', '512x512']) {
    for (const purpose of ['any', 'maskable']) {
      const icon = manifest.icons.find((i) => i.sizes === size && (i.purpose ?? 'any').split(' ').includes(purpose));
      expect(icon, `a ${size} ${purpose} icon`).toBeDefined();
      const res = await page.request.get(new URL(icon!.src, page.url()).href);
      expect(res.status()).toBe(200);
      expect(res.headers()['content-type']).toBe('image/png');
    }
  }

  // The service worker installs, and controls the page once it is reloaded.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await expectCardShown(page, card);
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  await expect(region.getByText(offerTitle).first()).toBeVisible();
  // The shell is kept, and no API answer ever is.
  const kept = await page.evaluate(async () => {
    const names = await caches.keys();
    const urls: string[] = [];
    for (const name of names) for (const r of await (await caches.open(name)).keys()) urls.push(new URL(r.url).pathname);
    return urls;
  });
  expect(kept).toContain('/');
  expect(kept).toContain('/card');
  expect(kept.some((u) => u.startsWith('/assets/'))).toBe(true);
  expect(kept.filter((u) => u.startsWith('/api/'))).toEqual([]);

  // The network is cut: the page opens again, from this phone's copy.
  await context.setOffline(true);
  try {
    const shell = await page.reload();
    // The page came from the service worker's copy: the worker's own fetch is cut too.
    expect(shell?.fromServiceWorker()).toBe(true);
    const qr = await expectCardShown(page, card);
    await expect(page.getByRole('status').filter({ hasText: 'Offline — showing the card saved on this phone' })).toBeVisible();
    const row = region.getByRole('row').filter({ hasText: offerTitle });
    await expect(row.getByRole('cell', { name: '€45.00', exact: true })).toBeVisible();
    await expect(row.getByRole('cell', { name: '€9.00', exact: true })).toBeVisible();
    await expect(region.getByText(monthTotal).first()).toBeVisible();
    await expect(region.getByText(/^As saved on this phone on /)).toBeVisible();
    // The header still names the network, as last seen on this phone.
    await expect(page.getByRole('banner').getByRole('link', { name: 'Red de Cooperativas de Valencia' })).toBeVisible();
    expect(await readQr(qr, 'card-offline')).toBe(card.token);
    await expectAccessible(page);
    await shot(page, 'card-offline');
  } finally {
    await context.setOffline(false);
  }
});

test('on a phone 360 px wide the card fits with a big QR code; signing out forgets it; a visitor is asked to sign in', async ({ page, browser, baseURL }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await signIn(page, DEMO.worker.email);
  await page.goto('/card');
  const card = await myCard(page.request);
  const qr = await expectCardShown(page, card);
  await expect(page.getByRole('region', { name: 'My savings' }).getByText('This year')).toBeVisible();
  expect((await qr.boundingBox())!.width).toBeGreaterThanOrEqual(280);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await expectAccessible(page);
  await shot(page, 'card');
  expect(await readQr(qr, 'card-phone')).toBe(card.token);

  // Signing out takes the card kept on this phone with it.
  expect(await page.evaluate(() => localStorage.getItem('coopnet.card'))).toContain(card.cardId);
  await page.getByRole('button', { name: 'Open menu' }).click();
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('button', { name: 'Open menu' })).toBeVisible();
  await expect.poll(() => page.evaluate(() => localStorage.getItem('coopnet.card'))).toBeNull();

  // Nobody has signed in on this device: no card, a way to sign in that comes back here.
  const visitor = await browser.newContext({ baseURL, viewport: { width: 360, height: 740 } });
  try {
    const other = await visitor.newPage();
    await other.goto('/card');
    await expect(other.getByRole('heading', { level: 1, name: 'My card' })).toBeVisible();
    await expect(other.getByRole('link', { name: 'Sign in to see your card' })).toHaveAttribute(
      'href',
      '/sign-in?next=%2Fcard',
    );
    await expect(other.getByRole('img', { name: QR_NAME })).toHaveCount(0);
    await expectAccessible(other);
    await shot(other, 'card-signed-out');
  } finally {
    await visitor.close();
  }
});
