/**
 * People's words, not the machine's: a refused field is said once, on the
 * field, in the reader's language; the audit log reads as sentences and is
 * filtered by picking people by name.
 */
import { expect, test } from '@playwright/test';
import { apiSession, DEMO, expectAccessible, shot, signIn, uniqueId } from './support.ts';

test('a proposal with too short a title is refused once, on its field, in Spanish', async ({ page }) => {
  await signIn(page, DEMO.worker.email);
  await page.evaluate(() => window.localStorage.setItem('coopnet.language', 'es'));
  await page.goto('/proposals/new');
  await expect(page.getByRole('heading', { level: 1, name: 'Nueva propuesta' })).toBeVisible();
  await page.getByLabel('Título').fill('No');
  await page.getByLabel('Texto', { exact: true }).fill('Una propuesta sin título de verdad.');
  const refused = page.waitForResponse((r) => r.url().endsWith('/api/v1/proposals') && r.request().method() === 'POST');
  await page.getByRole('button', { name: 'Crear propuesta' }).click();
  expect((await refused).status()).toBe(400);

  const title = page.getByLabel('Título');
  await expect(title).toHaveAttribute('aria-invalid', 'true');
  await expect(title).toHaveAccessibleDescription(/Al menos 3 caracteres\./);
  // Said once: no general alert repeats it, and no machine words anywhere.
  await expect(page.getByText('Al menos 3 caracteres.')).toHaveCount(1);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.locator('main')).not.toContainText('Too small');
  await expect(page.locator('main')).not.toContainText('title:');
  await expectAccessible(page);
  await shot(page, 'proposal-title-refused');
  await page.setViewportSize({ width: 360, height: 740 });
  await expect(page.getByRole('button', { name: 'Abrir el menú' })).toBeVisible();
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await expect(title).toHaveAccessibleDescription(/Al menos 3 caracteres\./);
  await shot(page, 'proposal-title-refused');

  // Written out, it goes through.
  await page.getByLabel('Título').fill('Un título de verdad');
  await page.getByRole('button', { name: 'Crear propuesta' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Un título de verdad' })).toBeVisible();
});

test('the audit log reads as sentences, filtered by picking a person by name', async ({ page, baseURL }) => {
  const title = `Un huerto en la azotea ${uniqueId()}`;
  const { api, csrf } = await apiSession(baseURL!, DEMO.worker.email);
  const made = await api.post('/api/v1/proposals', {
    headers: { 'X-CSRF-Token': csrf },
    data: { matter: 'free', title, text: 'Plantamos tomates arriba.', subject: {} },
  });
  expect(made.status()).toBe(201);

  await signIn(page, DEMO.coordinator.email);
  await page.goto('/admin/audit');
  await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
  const filters = page.getByRole('form', { name: 'Filter the audit log' });
  const doneBy = filters.getByLabel('Done by', { exact: true });
  await doneBy.fill('oumar');
  await page.getByRole('option', { name: `${DEMO.worker.name} (${DEMO.worker.coop})` }).click();
  await filters.getByRole('button', { name: 'Filter', exact: true }).click();

  const events = page.getByRole('table', { name: 'Audit events' });
  await expect(events.getByRole('row').filter({ hasText: `${DEMO.worker.name} wrote the proposal “${title}”` })).toHaveCount(1);
  // Only their events, and no codes or ids anywhere.
  const rows = events.getByRole('row');
  for (const text of await rows.allInnerTexts()) if (!/^Time/.test(text)) expect(text).toContain(DEMO.worker.name);
  await expect(events).not.toContainText('proposal.created');
  await expect(events).not.toContainText(/[0-9a-f]{8}-[0-9a-f]{4}-/);
  await expectAccessible(page);
  await shot(page, 'audit-by-person');

  // The same in Spanish.
  await page.evaluate(() => window.localStorage.setItem('coopnet.language', 'es'));
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Registro de auditoría' })).toBeVisible();
  await expect(page.getByRole('table').getByText(/ escribió la propuesta «/).first()).toBeVisible();
  await shot(page, 'audit-es');
  await page.setViewportSize({ width: 360, height: 740 });
  await expect(page.getByRole('button', { name: 'Abrir el menú' })).toBeVisible();
  await expectAccessible(page);
  await shot(page, 'audit-es');
});
