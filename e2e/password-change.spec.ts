/**
 * Changing one's password while signed in: a supporter of this run (no other
 * journey signs in with it) is signed in on two browsers, gives a wrong
 * current password, then changes it on their account page; the other browser
 * is signed out, the old password no longer signs in and the new one does.
 * The form is looked at in Spanish and on a phone's width.
 */
import { type Browser, expect, request, test, type Page } from '@playwright/test';
import { expectAccessible, linkFromMail, shot, signIn, uniqueId } from './support.ts';

const SIGN_UP_LINK = /https?:\/\/[^\s/]+\/sign-up\/[A-Za-z0-9_-]+/;

/** A new supporter account, made through the API as a program would: sign-up, then the link from the mail. */
async function newSupporter(baseURL: string) {
  const id = uniqueId();
  const supporter = { name: `Pau Clau ${id}`, email: `pau.${id}@clau-e2e.example`, password: `first-pass-${id}` };
  const api = await request.newContext({ baseURL });
  const asked = await api.post('/api/v1/auth/signup', {
    data: { email: supporter.email, displayName: supporter.name, password: supporter.password },
  });
  expect(asked.status()).toBe(202);
  const token = (await linkFromMail(supporter.email, SIGN_UP_LINK)).split('/').pop();
  const confirmed = await api.post('/api/v1/auth/signup/confirm', { data: { token } });
  expect(confirmed.status(), await confirmed.text()).toBe(201);
  // Confirming signs in; the program signs out, so that the journey's browsers hold the only sessions.
  const { csrfToken } = (await confirmed.json()) as { csrfToken: string };
  expect((await api.post('/api/v1/auth/logout', { headers: { 'X-CSRF-Token': csrfToken } })).status()).toBe(200);
  await api.dispose();
  return supporter;
}

async function openAccount(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Account' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Account' })).toBeVisible();
}

async function signInFails(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('Wrong e-mail or password.');
}

async function secondBrowser(browser: Browser, baseURL: string) {
  const context = await browser.newContext({ baseURL, locale: 'en-GB' });
  return { context, page: await context.newPage() };
}

test('a supporter changes their password: the other browser is signed out, the old password fails, the new works', async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const supporter = await newSupporter(baseURL!);
  const newPassword = `second-pass-${uniqueId()}`;

  const elsewhere = await secondBrowser(browser, baseURL!);
  await signIn(elsewhere.page, supporter.email, supporter.password);
  await signIn(page, supporter.email, supporter.password);
  await openAccount(page);
  const form = page.getByRole('region', { name: 'Password' });
  await expect(form).toBeVisible();
  await expectAccessible(page);

  // A wrong current password is said at its field, and changes nothing.
  await form.getByLabel('Current password').fill(`not-${supporter.password}`);
  await form.getByLabel('New password').fill(newPassword);
  await form.getByLabel('Confirm password').fill(newPassword);
  await form.getByRole('button', { name: 'Change password' }).click();
  await expect(form.getByText('The current password is not right.')).toBeVisible();
  await expect(form.getByLabel('Current password')).toHaveAccessibleDescription('The current password is not right.');
  await expectAccessible(page);

  // The two new ones must match before anything is sent.
  await form.getByLabel('Current password').fill(supporter.password);
  await form.getByLabel('Confirm password').fill(`${newPassword}x`);
  await form.getByRole('button', { name: 'Change password' }).click();
  await expect(form.getByText('The passwords do not match.')).toBeVisible();

  await form.getByLabel('Confirm password').fill(newPassword);
  await form.getByRole('button', { name: 'Change password' }).click();
  await expect(form.getByRole('status')).toHaveText('Your password has been changed, and 1 other session was signed out.');
  await expect(form.getByLabel('Current password')).toHaveValue('');
  await expectAccessible(page);
  await shot(page, 'account-password-changed');

  // This browser stays signed in; the other one is signed out.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Account' })).toBeVisible();
  await elsewhere.page.goto('/account');
  await expect(elsewhere.page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await elsewhere.context.close();

  // Signed out, the old password fails and the new one signs in.
  await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('banner').getByRole('link', { name: 'Sign in' })).toBeVisible();
  await signInFails(page, supporter.email, supporter.password);
  await page.getByLabel('Password', { exact: true }).fill(newPassword);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Dashboard — ${supporter.name}` })).toBeVisible();

  // In Spanish.
  await page.goto('/account');
  // Switched once the page is up: a page still mounting when the language changes keeps the old one.
  await expect(page.getByRole('region', { name: 'Password' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Language' }).selectOption('es');
  const formulario = page.getByRole('region', { name: 'Contraseña' });
  await expect(formulario.getByRole('button', { name: 'Cambiar la contraseña' })).toBeVisible();
  await formulario.getByLabel('Contraseña actual').fill('no-es-la-buena');
  await formulario.getByLabel('Nueva contraseña').fill(`tercera-${uniqueId()}`);
  await formulario.getByLabel('Confirmar la contraseña').fill(await formulario.getByLabel('Nueva contraseña').inputValue());
  await formulario.getByRole('button', { name: 'Cambiar la contraseña' }).click();
  await expect(formulario.getByText('La contraseña actual no es correcta.')).toBeVisible();
  await expectAccessible(page);
  await shot(page, 'account-password-es');

  // On a phone's width, nothing of the form runs off the screen.
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('/account');
  await expect(page.getByRole('region', { name: 'Contraseña' })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await expectAccessible(page);
  await shot(page, 'account-password-es-phone');
});
