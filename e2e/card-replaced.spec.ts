/**
 * A worker's phone card is replaced when their co-op prints new cards. The
 * old card shown at a till is refused with when it was replaced and a word
 * for the cashier: ask for the new one. Scanned, the till knows it from its
 * revocation list (on the device, offline too); typed by its code, from the
 * server. The new card is accepted.
 */
import { expect, test } from '@playwright/test';
import { apiSession, DEMO, expectAccessible, shot, signIn } from './support.ts';

const CASHIER = 'amina.elidrissi@forn-de-la-placa.example';
const WORKER = { email: 'lucia.martinez@forn-de-la-placa.example', name: 'Lucía Martínez Soler' };

interface MyCard {
  shortCode: string;
  token: string;
}

async function cardOf(baseURL: string, email: string): Promise<MyCard> {
  const { api } = await apiSession(baseURL, email);
  const res = await api.get('/api/v1/me/card');
  expect(res.status(), await res.text()).toBe(200);
  const card = (await res.json()) as MyCard;
  await api.dispose();
  return card;
}

test('a card replaced by printed cards is refused at the till with when it was replaced', async ({ page, context, baseURL }) => {
  const old = await cardOf(baseURL!, WORKER.email);
  const { api, csrf } = await apiSession(baseURL!, DEMO.coopAdmin.email);
  const session = (await (await api.get('/api/v1/auth/session')).json()) as { person: { coopId: string } };
  const forn = session.person.coopId;
  const printed = await api.post(`/api/v1/coops/${forn}/cards.pdf`, { headers: { 'X-CSRF-Token': csrf } });
  expect(printed.status()).toBe(200);
  await api.dispose();
  const fresh = await cardOf(baseURL!, WORKER.email);

  await signIn(page, CASHIER);
  // The till downloads the revoked cards as it opens.
  const revokedList = page.waitForResponse((r) => r.url().includes('/api/v1/cards/revoked') && r.ok());
  await page.goto(`/till/${forn}`);
  await revokedList;
  await expect(page.getByRole('status', { name: 'Connection' })).toContainText('Online');
  const result = page.getByRole('status', { name: 'Card check result' });
  const code = page.getByLabel('Card code');
  const replaced = /^This card was replaced on .*\d{4}.*: ask for the new one$/;

  // Typed by its code: the server says when it was replaced.
  await code.fill(old.shortCode);
  await code.press('Enter');
  await expect(result).toHaveText(replaced);
  await expectAccessible(page);
  await shot(page, 'till-card-replaced');

  // Scanned with no connection: the till's own revocation list says the same.
  await context.setOffline(true);
  await expect(page.getByRole('status', { name: 'Connection' })).toContainText('Offline');
  await code.fill(old.token);
  await code.press('Enter');
  await expect(result).toHaveText(replaced);
  await context.setOffline(false);
  await expect(page.getByRole('status', { name: 'Connection' })).toContainText('Online');

  // The new card is good.
  await code.fill(fresh.token);
  await code.press('Enter');
  await expect(result).toHaveText(`Card accepted: ${WORKER.name}`);
});
