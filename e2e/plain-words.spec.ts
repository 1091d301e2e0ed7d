/**
 * People's words, not the machine's: a refused field is said once, on the
 * field, in the reader's language; the audit log reads as sentences and is
 * filtered by picking people by name.
 */
import { expect, test } from '@playwright/test';
import { DEMO, expectAccessible, shot, signIn } from './support.ts';

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
