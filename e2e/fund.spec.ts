/**
 * The solidarity fund's page: a treasurer books a gift into the emergency
 * sub-fund (through the API, as a bank import would) and undoes a mistaken
 * one; a visitor reads the sub-funds, the month's money in and the accounts,
 * with the figures the API gives; a worker also reads the movements, the
 * undone one marked. Checked with axe, in Spanish, and at 360 px.
 */
import { randomUUID } from 'node:crypto';
import { expect, type Page, test } from '@playwright/test';
import { DEMO, apiSession, expectAccessible, shot, signIn } from './support.ts';

const TREASURER = 'noelia.saez@ecomercat-de-benimaclet.example';

/** "€1,234.50" (en-GB) → 123450. */
function cents(text: string): number {
  const m = text.replace(/,/g, '').match(/(-?)€(\d+)\.(\d{2})/);
  if (!m) throw new Error(`not an amount: ${text}`);
  return (m[1] ? -1 : 1) * (Number(m[2]) * 100 + Number(m[3]));
}

async function figure(page: Page, testId: string): Promise<number> {
  return cents(await page.getByTestId(testId).locator('p').first().innerText());
}

test('a visitor reads what the fund holds; a worker also reads its movements', async ({ page, baseURL }) => {
  const { api, csrf } = await apiSession(baseURL!, TREASURER);
  const headers = (key = randomUUID()) => ({ 'x-csrf-token': csrf, 'idempotency-key': key });
  // Today in UTC: never after today in the network's time zone (Madrid's, ahead of UTC).
  const today = new Date().toISOString().slice(0, 10);
  const gift = (cents: number, reason: string) => ({
    kind: 'gift',
    date: today,
    reason,
    lines: [
      { account: 'assets:bank', cents },
      { account: 'income:gifts', subFund: 'emergency', cents: -cents },
    ],
  });
  const booked = await api.post('/api/v1/fund/movements', {
    headers: headers(),
    data: gift(125_050, 'Gift from the neighbourhood association'),
  });
  expect(booked.status()).toBe(201);
  const mistaken = await api.post('/api/v1/fund/movements', {
    headers: headers(),
    data: gift(99_900, 'Typed twice by mistake'),
  });
  expect(mistaken.status()).toBe(201);
  const undone = await api.post(`/api/v1/fund/movements/${(await mistaken.json()).id}/reversal`, {
    headers: headers(),
    data: { reason: 'Booked twice' },
  });
  expect(undone.status()).toBe(201);
  const shown = (await (await api.get('/api/v1/fund')).json()) as {
    totalCents: number;
    subFunds: { code: string; balanceCents: number }[];
  };

  // A visitor, from the site's links.
  await page.goto('/');
  await page.getByRole('link', { name: 'Fund', exact: true }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Solidarity fund' })).toBeVisible();
  expect(await figure(page, 'fund-total')).toBe(shown.totalCents);
  expect(await figure(page, 'sub-fund-emergency')).toBe(
    shown.subFunds.find((f) => f.code === 'emergency')!.balanceCents,
  );
  await expect(page.getByTestId('sub-fund-emergency')).toContainText('Emergency');
  const months = page.getByRole('region', { name: 'Money in and out of the fund, by month' });
  const thisMonth = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric' }).format(new Date());
  const row = months.getByRole('row').filter({ has: page.getByRole('rowheader', { name: thisMonth }) });
  // In this month: at least the gift and the mistaken one (undone by a movement out).
  expect(cents(await row.getByRole('cell').nth(0).innerText())).toBeGreaterThanOrEqual(125_050 + 99_900);
  expect(cents(await row.getByRole('cell').nth(1).innerText())).toBeGreaterThanOrEqual(99_900);
  await expect(
    page
      .getByRole('region', { name: 'The fund’s accounts and their balances' })
      .getByRole('rowheader', { name: /Bank account/ }),
  ).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Movements' })).toHaveCount(0);
  await expectAccessible(page);
  await shot(page, 'fund-visitor');

  // A worker reads the movements too: who booked what, and what was undone.
  await signIn(page, DEMO.worker.email);
  await page.goto('/fund');
  const movements = page.getByRole('region', { name: 'The fund’s movements, newest first' });
  const giftRow = movements.getByRole('row').filter({ hasText: 'Gift from the neighbourhood association' });
  await expect(giftRow).toContainText('€1,250.50');
  await expect(giftRow).toContainText('Noelia');
  await expect(movements.getByRole('row').filter({ hasText: 'Typed twice by mistake' })).toContainText('Undone');
  await expect(movements.getByRole('row').filter({ hasText: 'Booked twice' })).toContainText('Reversal');
  await expectAccessible(page);

  // In Spanish, on a phone: nothing spills sideways.
  await page.getByRole('combobox', { name: 'Language' }).selectOption('es');
  await page.setViewportSize({ width: 360, height: 740 });
  await expect(page.getByRole('heading', { level: 1, name: 'Fondo de solidaridad' })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await expectAccessible(page);
  await shot(page, 'fund-worker-es');
  await api.dispose();
});
