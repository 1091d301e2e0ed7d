/**
 * The campaigns' acceptance journey: a visitor, not signed in, opens the
 * strike fund from its shared address, pledges 10.00 a month anonymously and
 * gets the mail with the reference code; the treasurer imports a bank
 * statement holding the payment; the progress, the supporters ("anonymous")
 * and the fund's movements show it. The visitor cancels from the link in the
 * mail, and the pledge owes nothing more. Axe and 360 px.
 */
import { expect, test } from '@playwright/test';
import { DEMO, apiSession, expectAccessible, linkFromMail, signIn, uniqueId } from './support.ts';

const TREASURER = 'noelia.saez@ecomercat-de-benimaclet.example';

test('a visitor backs the strike fund monthly and anonymously, the bank statement books it, and the visitor cancels from the mail', async ({
  page,
  baseURL,
}) => {
  const email = `supporter-${uniqueId()}@example.org`;
  await page.goto('/campaigns/strike-fund');
  await expect(page.getByRole('heading', { level: 1, name: 'Strike fund for the laundry workers' })).toBeVisible();
  const raised = page.getByTestId('campaign-raised');
  const before = await raised.innerText();
  await expectAccessible(page);

  await page.getByLabel('Amount').fill('10.00');
  await expect(page.getByRole('radio', { name: 'Every month' })).toBeChecked();
  await page.getByLabel('Your e-mail').fill(email);
  await page.getByRole('button', { name: 'Pledge' }).click();
  const reference = (await page.getByTestId('pledge-reference').innerText()).trim();
  expect(reference).toMatch(/^P\d{6}-[0-9A-Z]{6}$/);
  expect(await linkFromMail(email, /P\d{6}-[0-9A-Z]{6}/)).toBe(reference);
  const link = await linkFromMail(email, /https?:\/\/\S+\/pledges\/[A-Za-z0-9_-]+/);

  // The treasurer's bank statement holds the transfer, and a transfer nobody owes.
  const { api, csrf } = await apiSession(baseURL!, TREASURER);
  const day = new Date().toISOString().slice(0, 10);
  const csv = `Fecha;Importe;Referencia;Concepto\n${day};10,00;${reference};Huelga\n${day};5,00;P000000-ZZZZZZ;??\n`;
  const imported = await api.post('/api/v1/fund/statements', {
    data: { csv, mapping: { date: 0, amount: 1, reference: 2, description: 3, header: true } },
    headers: { 'x-csrf-token': csrf },
  });
  expect(imported.status()).toBe(200);
  const result = (await imported.json()) as { matched: unknown[]; unmatched: unknown[] };
  expect([result.matched.length, result.unmatched.length]).toEqual([1, 1]);
  const movements = (await (await api.get('/api/v1/fund/movements?limit=50')).json()) as {
    items: { reason: string }[];
  };
  expect(movements.items.some((m) => m.reason.includes(reference))).toBe(true);

  await page.reload();
  await expect(raised).not.toHaveText(before);
  await expect(page.getByTestId('campaign-supporters').getByText(/^anonymous · €?10\.00/)).toBeVisible();

  // The visitor cancels from the link in the mail, without an account.
  await page.goto(new URL(link).pathname);
  await expect(page.getByRole('heading', { level: 1, name: 'Your pledge' })).toBeVisible();
  await expect(page.getByTestId('pledge-status')).toHaveText('Active.');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Cancel the pledge' }).click();
  await expect(page.getByTestId('pledge-status')).toHaveText('Cancelled.');
  // Nothing more is owed: the month's job passes cancelled pledges by (server/src/modules/campaigns/campaigns.test.ts runs it).
  const token = new URL(link).pathname.split('/').pop()!;
  const pledge = (await (await api.get(`/api/v1/pledges/${token}`)).json()) as { status: string; dues: unknown[] };
  expect([pledge.status, pledge.dues.length]).toEqual(['cancelled', 1]);

  await page.setViewportSize({ width: 360, height: 740 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await page.screenshot({ path: '/tmp/pledge-360.png', fullPage: true });
  await page.goto('/campaigns/strike-fund');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await page.screenshot({ path: '/tmp/campaign-360.png', fullPage: true });
});

test('a story holding known XSS payloads is shown harmless: no dialog opens, no script or handler reaches the page', async ({
  page,
  baseURL,
}) => {
  const { api, csrf } = await apiSession(baseURL!, DEMO.coordinator.email);
  const slug = `xss-${uniqueId()}`;
  const payloads = [
    '<script>alert(1)</script>',
    '<img src=x onerror="alert(2)">',
    '[click](javascript:alert(3))',
    '[data](data:text/html;base64,PHNjcmlwdD5hbGVydCg0KTwvc2NyaXB0Pg==)',
    '<svg><script>alert(5)</script></svg>',
    '<svg onload="alert(6)"></svg>',
    '<iframe src="javascript:alert(7)"></iframe>',
    '<a href="jav&#x09;ascript:alert(8)">tab</a>',
    '![img](javascript:alert(9))',
    '<div style="background:url(javascript:alert(10))" onmouseover="alert(11)">hover</div>',
    '<math><mtext><table><mglyph><style><img src=x onerror=alert(12)>',
    '<details open ontoggle="alert(13)">x</details>',
  ];
  const created = await api.post('/api/v1/campaigns', {
    data: {
      slug,
      ownerKind: 'network',
      ownerName: 'Coordinators',
      title: 'Hostile story',
      summary: '<b onmouseover=alert(14)>summary</b>',
      story: `# Safe heading\n\n${payloads.join('\n\n')}`,
      goalCents: 100_000,
      deadline: '2099-12-31',
      subFund: 'emergency',
    },
    headers: { 'x-csrf-token': csrf },
  });
  expect(created.status()).toBe(201);
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs++;
    void d.dismiss();
  });
  await page.goto(`/campaigns/${slug}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Safe heading' })).toBeVisible();
  await page.getByText('hover').hover();
  const story = page.getByTestId('campaign-story');
  for (const link of await story.getByRole('link').all()) {
    const href = (await link.getAttribute('href')) ?? '';
    expect(href).not.toMatch(/^\s*(javascript|data):/i);
  }
  expect(
    await story
      .locator('script, svg, math, iframe, style, [onerror], [onload], [onmouseover], [ontoggle], [style]')
      .count(),
  ).toBe(0);
  await expect(page.getByText('<b onmouseover=alert(14)>summary</b>')).toBeVisible();
  await page.waitForTimeout(300);
  expect(dialogs).toBe(0);
});

test('a signed-in person finds the pledges made with their address on their account page and cancels one there; the campaign page links its Atom feed', async ({
  page,
}) => {
  await page.goto('/campaigns/strike-fund');
  const feed = page.getByRole('link', { name: 'Follow its updates with a feed reader (Atom)' });
  await expect(feed).toHaveAttribute('href', '/feeds/campaigns/strike-fund.atom');
  const atom = await page.request.get('/feeds/campaigns/strike-fund.atom');
  expect([atom.status(), atom.headers()['content-type']]).toEqual([200, 'application/atom+xml; charset=utf-8']);
  expect(await atom.text()).toContain('<title type="text">Strike fund for the laundry workers</title>');

  const made = await page.request.post('/api/v1/campaigns/strike-fund/pledges', {
    data: { cents: 700, frequency: 'monthly', email: DEMO.worker.email },
  });
  expect(made.status()).toBe(201);
  const { reference } = (await made.json()) as { reference: string };

  await signIn(page, DEMO.worker.email);
  await page.goto('/account');
  const section = page.getByRole('region', { name: 'Your pledges' });
  const card = section.getByTestId('my-pledge').filter({ hasText: reference });
  await expect(card).toContainText('Waiting for the first payment');
  await expectAccessible(page);
  await card.getByRole('button', { name: 'Cancel the pledge' }).click();
  await expect(card).toContainText('Cancelled.');
  await page.setViewportSize({ width: 360, height: 740 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await page.reload();
  await card.scrollIntoViewIfNeeded();
  await page.screenshot({ path: '/tmp/account-pledges-360.png' });
});
