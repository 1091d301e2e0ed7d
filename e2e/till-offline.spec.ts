/**
 * The till with the network cut: opened online, it
 * caches the keys, offers and revoked cards; a worker of another co-op is
 * removed (their card revoked) and the till refreshes; then, offline, it
 * accepts a valid card, refuses the revoked one and a forged one, and queues
 * two sales; back online, the queue syncs and each sale is recorded once.
 */
import { expect, request, test, type APIRequestContext } from '@playwright/test';
import { apiSession, DEMO, DEMO_PASSWORD, expectAccessible, linkFromMail, shot, signIn, uniqueId } from './support.ts';

const CASHIER = 'amina.elidrissi@forn-de-la-placa.example';
const BICIS_ADMIN = 'jordi.ribes@bicis-del-turia.example';
const VALID = { email: 'rashid.benali@la-comuna-cafe.example', name: 'Rashid Benali' };

interface MyCard {
  cardId: string;
  token: string;
}

const baseUrl = () => test.info().project.use.baseURL!;

async function session(email: string): Promise<{ api: APIRequestContext; csrf: string; coopId: string }> {
  const { api, csrf } = await apiSession(baseUrl(), email);
  const me = (await (await api.get('/api/v1/auth/session')).json()) as { person: { coopId: string } };
  return { api, csrf, coopId: me.person.coopId };
}

async function cardOf(email: string): Promise<MyCard> {
  const { api } = await apiSession(baseUrl(), email);
  const res = await api.get('/api/v1/me/card');
  expect(res.status(), await res.text()).toBe(200);
  const card = (await res.json()) as MyCard;
  await api.dispose();
  return card;
}

/**
 * One character of the signature changed, the text still valid base45: the
 * first character of the last full three-character group is the low digit of
 * two bytes near the end, inside the 64-byte signature.
 */
function forge(token: string): string {
  const body = token.slice('CN1:'.length);
  const tail = body.length % 3; // 2 when the bytes end with a single one
  const at = 'CN1:'.length + body.length - tail - 3;
  const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';
  const digit = alphabet.indexOf(token[at]!);
  // The neighbouring digit, within the alphabet (the last one, ':', has none after it).
  const changed = alphabet[digit % 2 === 0 && digit + 1 < alphabet.length ? digit + 1 : digit - 1]!;
  return token.slice(0, at) + changed + token.slice(at + 1);
}

test('offline, the till checks cards on the device, queues two sales and syncs them once each', async ({
  page,
  context,
}) => {
  const admin = await session(DEMO.coopAdmin.email);
  const forn = admin.coopId;
  const title = `Till offline 20 % ${uniqueId()}`;
  const created = await admin.api.post(`/api/v1/coops/${forn}/offers`, {
    data: { title, kind: 'percent', percent: 20 },
    headers: { 'X-CSRF-Token': admin.csrf },
  });
  expect(created.status(), await created.text()).toBe(201);
  const offerId = ((await created.json()) as { id: string }).id;
  const redemptionsOfOffer = async () => {
    const res = await admin.api.get(`/api/v1/coops/${forn}/redemptions`, { params: { limit: 200 } });
    expect(res.status(), await res.text()).toBe(200);
    const page = (await res.json()) as {
      total: number;
      items: { offerId: string; holderName: string; saleCents: number; discountCents: number; offline: boolean }[];
    };
    return { total: page.total, ours: page.items.filter((r) => r.offerId === offerId) };
  };
  const before = await redemptionsOfOffer();

  // A new worker of Bicis del Túria, who will be removed: invited and accepted through the API.
  const bicis = await session(BICIS_ADMIN);
  const leaver = { email: `till-leaver-${uniqueId()}@example.org`, name: `Till Leaver ${uniqueId()}` };
  const invited = await bicis.api.post(`/api/v1/coops/${bicis.coopId}/invitations`, {
    data: { email: leaver.email, displayName: leaver.name, role: 'worker' },
    headers: { 'X-CSRF-Token': bicis.csrf },
  });
  expect(invited.status(), await invited.text()).toBe(201);
  // The invitation link goes to the invited address only (older servers also showed it to the inviter).
  const shown = ((await invited.json()) as { link?: string }).link;
  const link = shown ?? (await linkFromMail(leaver.email, /https?:\/\/[^\s/]+\/invitations\/[A-Za-z0-9_-]+/));
  const token = link.split('/').pop()!;
  const leaverApi = await request.newContext({ baseURL: baseUrl() });
  const accepted = await leaverApi.post('/api/v1/auth/invitations/accept', {
    data: { token, password: DEMO_PASSWORD, displayName: leaver.name },
  });
  expect(accepted.status(), await accepted.text()).toBe(200);
  const leaverId = ((await accepted.json()) as { person: { id: string } }).person.id;
  const revokedCard = (await (await leaverApi.get('/api/v1/me/card')).json()) as MyCard;
  expect(revokedCard.token).toMatch(/^CN1:/);
  await leaverApi.dispose();
  const validCard = await cardOf(VALID.email);

  // Online: the cashier opens the till, which caches what it needs.
  await signIn(page, CASHIER);
  await page.goto(`/till/${forn}`);
  const connection = page.getByRole('status', { name: 'Connection' });
  await expect(connection).toContainText('Online');
  await expect(page.getByText(/^Ready to check cards without a connection/)).toBeVisible();

  // The worker leaves Bicis del Túria: their card is revoked with it. The till refreshes while still online.
  const removed = await bicis.api.delete(`/api/v1/coops/${bicis.coopId}/workers/${leaverId}`, {
    headers: { 'X-CSRF-Token': bicis.csrf },
  });
  expect(removed.status(), await removed.text()).toBe(200);
  const revocations = page.waitForResponse((r) => r.url().includes('/api/v1/cards/revoked') && r.ok());
  await page.reload();
  await revocations;
  await expect
    .poll(() => page.evaluate((id) => window.localStorage.getItem(`coopnet.till.${id}.cache`) ?? '', forn))
    .toContain(revokedCard.cardId);
  await expect(page.getByRole('radio')).toHaveCount(0);

  // The network is cut.
  await context.setOffline(true);
  await expect(connection).toContainText('Offline — cards are still checked here, and sales are kept until the connection is back');
  const result = page.getByRole('status', { name: 'Card check result' });
  const code = page.getByLabel('Card code');

  await code.fill(validCard.token);
  await code.press('Enter');
  await expect(result).toHaveText(`Card accepted on this device: ${VALID.name}`);
  await expect(page.getByRole('region', { name: 'Card holder' })).toContainText('La Comuna Cafè');
  await expect(page.getByText('Checked on this device. Limits are checked when the sale syncs.')).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('radio', { name: new RegExp(title) }).click();
  await page.getByLabel('Sale amount').fill('45,00');
  await expect(page.getByText('Discount €9.00 · To pay €36.00')).toBeVisible();
  await page.getByRole('button', { name: 'Record discount' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'No connection' })).toContainText('€9.00');
  await expect(connection).toContainText('1 sale waiting to be sent');

  await page.getByRole('button', { name: 'Another sale for this card' }).click();
  await page.getByLabel('Sale amount').fill('20');
  await expect(page.getByText('Discount €4.00 · To pay €16.00')).toBeVisible();
  await page.getByRole('button', { name: 'Record discount' }).click();
  await expect(connection).toContainText('2 sales waiting to be sent');
  await expect(page.getByRole('region', { name: 'Queued sales' }).getByRole('listitem')).toHaveCount(2);
  await expectAccessible(page);
  await shot(page, 'till-offline-queued');

  await code.fill(revokedCard.token);
  await code.press('Enter');
  await expect(result).toHaveText('Card refused: revoked');
  await expect(page.getByRole('region', { name: 'Card holder' })).toHaveCount(0);

  const forged = forge(validCard.token);
  expect([...forged].filter((c, i) => c !== validCard.token[i])).toHaveLength(1);
  await code.fill(forged);
  await code.press('Enter');
  await expect(result).toContainText('Card refused: not genuine');
  await expectAccessible(page);
  await shot(page, 'till-offline-forged');

  // Nothing was recorded while offline.
  expect((await redemptionsOfOffer()).ours).toHaveLength(before.ours.length);
  const queued = (await page.evaluate(
    (id) => JSON.parse(window.localStorage.getItem(`coopnet.till.${id}.queue`) ?? '[]'),
    forn,
  )) as { key: string; offerId: string; card: string; saleCents: number; redeemedAt: string }[];
  expect(queued.map((q) => q.saleCents).sort()).toEqual([2000, 4500]);
  // Each queued sale carries the card as scanned: the server checks its signature again when it syncs.
  expect(queued.map((q) => q.card)).toEqual([validCard.token, validCard.token]);

  // Back online: the queue syncs by itself.
  await context.setOffline(false);
  await expect(connection).toContainText('2 sales sent');
  await expect(connection).toContainText('No sales waiting');
  let after = await redemptionsOfOffer();
  expect(after.total).toBe(before.total + 2);
  expect(after.ours.map((r) => [r.holderName, r.saleCents, r.discountCents, r.offline]).sort()).toEqual([
    [VALID.name, 2000, 400, true],
    [VALID.name, 4500, 900, true],
  ]);

  // A second sync adds nothing: the till's queue is empty, and the same sales sent again are duplicates.
  await page.reload();
  await expect(connection).toContainText('Online');
  await expect(connection).toContainText('No sales waiting');
  const cashier = await session(CASHIER);
  const again = await cashier.api.post(`/api/v1/till/${forn}/redemptions/sync`, {
    data: {
      items: queued.map(({ key, offerId, card, saleCents, redeemedAt }) => ({
        key,
        offerId,
        card,
        saleCents,
        redeemedAt,
      })),
    },
    headers: { 'X-CSRF-Token': cashier.csrf },
  });
  expect(again.status(), await again.text()).toBe(200);
  expect(((await again.json()) as { items: { status: string }[] }).items.map((i) => i.status)).toEqual([
    'duplicate',
    'duplicate',
  ]);
  after = await redemptionsOfOffer();
  expect(after.total).toBe(before.total + 2);
  expect(after.ours).toHaveLength(2);

  await Promise.all([admin.api.dispose(), bicis.api.dispose(), cashier.api.dispose()]);
});
