/**
 * Accounts: a supporter signs up and out, types a wrong password, asks for a
 * reset link, switches the language; a coordinator reads the audit log and
 * the outbox (where that reset mail is) and signs out.
 */
import { expect, test, type Page } from '@playwright/test';
import { DEMO, DEMO_PASSWORD, expectAccessible, linkFromMail, shot, uniqueId } from './support.ts';

const RESET_LINK = /https?:\/\/[^\s/]+\/reset-password\/[A-Za-z0-9_-]+/;
const SIGN_UP_LINK = /https?:\/\/[^\s/]+\/sign-up\/[A-Za-z0-9_-]+/;

async function networkName(page: Page): Promise<string> {
  return ((await (await page.request.get('/api/v1/network')).json()) as { name: string }).name;
}

async function signOut(page: Page): Promise<void> {
  await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { level: 1, name: await networkName(page) })).toBeVisible();
  await expect(page.getByRole('banner').getByRole('link', { name: 'Sign in' })).toBeVisible();
}

test('sign-up, wrong password, reset mail, language, audit log, outbox and sign-out', async ({ page }) => {
  // Its mails (sign-up, reset) may queue behind those of another journey (an import sends 197).
  test.setTimeout(150_000);
  const id = uniqueId();
  const supporter = {
    name: `Carme Suport ${id}`,
    email: `carme.${id}@suport-e2e.example`,
    password: `supporter-${id}`,
  };
  const coordinator = DEMO.coordinator;

  // A supporter signs up (so that this journey's reset mail is its own) and out.
  await page.goto('/sign-in');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await page.getByRole('link', { name: 'Create a supporter account' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Create a supporter account' })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Your name').fill(supporter.name);
  await page.getByLabel('E-mail').fill(supporter.email);
  await page.getByLabel('Password', { exact: true }).fill(supporter.password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('status')).toContainText(`We sent a mail to ${supporter.email}.`);
  // The account is made when the link in the mail confirms the address.
  await page.goto(await linkFromMail(supporter.email, SIGN_UP_LINK));
  await expect(page.getByRole('heading', { level: 1, name: 'Confirm your account' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Confirm and sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Dashboard — ${supporter.name}` })).toBeVisible();
  const session = (await (await page.request.get('/api/v1/auth/session')).json()) as { person: { id: string } };
  await signOut(page);

  // A wrong password is refused with a message.
  await page.getByRole('banner').getByRole('link', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await page.getByLabel('E-mail').fill(supporter.email);
  await page.getByLabel('Password', { exact: true }).fill(`not-${supporter.password}`);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('Wrong e-mail or password.');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await expectAccessible(page);
  await shot(page, 'sign-in-wrong');

  // A reset link comes by mail (it is not used).
  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Reset your password' })).toBeVisible();
  await page.getByLabel('E-mail').fill(supporter.email);
  await page.getByRole('button', { name: 'Send reset link' }).click();
  await expect(page.getByRole('status')).toContainText(supporter.email);
  await expectAccessible(page);
  const resetLink = await linkFromMail(supporter.email, RESET_LINK);

  // Español, kept across a reload, and back to English.
  await page.goto('/sign-in');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Language' }).selectOption('es');
  await expect(page.getByRole('heading', { level: 1, name: 'Entrar' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Entrar', exact: true })).toBeVisible();
  await expect(page.getByLabel('Correo electrónico')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expectAccessible(page);
  await shot(page, 'sign-in-es');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Entrar' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Idioma' })).toHaveValue('es');
  await page.getByRole('combobox', { name: 'Idioma' }).selectOption('en');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();

  // A coordinator signs in.
  await page.getByLabel('E-mail').fill(coordinator.email);
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Dashboard — ${coordinator.name}` })).toBeVisible();
  const coordination = page.getByRole('region', { name: 'Network coordination' });
  await expect(coordination.getByText(/^\d+ pending applications?$/)).toBeVisible();
  await expectAccessible(page);
  await shot(page, 'dashboard-coordinator');

  // The audit log has the supporter's reset request.
  await coordination.getByRole('link', { name: 'Audit log' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
  const events = page.getByRole('table', { name: 'Audit events' });
  await expect(events).toBeVisible();
  await expectAccessible(page);
  await shot(page, 'audit');
  const filters = page.getByRole('form', { name: 'Filter the audit log' });
  // Picked by name, not by id; each event said as a sentence.
  const about = filters.getByLabel('About', { exact: true });
  await about.fill(`Carme Suport ${id}`);
  await page.getByRole('option', { name: supporter.name }).click();
  await filters.getByRole('button', { name: 'Filter', exact: true }).click();
  const request = events.getByRole('row').filter({ hasText: `${supporter.name} asked to reset their password` });
  await expect(request).toHaveCount(1);
  await expect(events).not.toContainText('password_reset.requested');
  await expect(events).not.toContainText(session.person.id);
  await request.getByRole('button', { name: /^Show the changes: .+ asked to reset their password, / }).click();
  const change = page.getByRole('dialog', { name: /asked to reset their password · / });
  await expect(change).toBeVisible();
  await expectAccessible(page);
  await change.getByRole('button', { name: 'Close' }).click();
  await expect(change).toBeHidden();

  // The outbox has the reset mail, sent, with its link hidden: only the SMTP server got it.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
  await page.getByRole('region', { name: 'Network coordination' }).getByRole('link', { name: 'Outbox' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Outbox' })).toBeVisible();
  const resetMail = page
    .getByRole('table', { name: 'Mail' })
    .getByRole('row')
    .filter({ hasText: supporter.email })
    .filter({ hasNotText: /Confirm/ }); // not the sign-up confirmation
  await expect(resetMail).toHaveCount(1);
  await expect(resetMail.getByRole('cell').nth(3)).toHaveText(/^Sent /);
  await expectAccessible(page);
  await shot(page, 'outbox');
  await resetMail.getByRole('button').click();
  const mail = page.getByRole('dialog');
  await expect(mail).toBeVisible();
  await expect(mail.locator('pre.mail-body')).toContainText('/reset-password/[link hidden]');
  await expect(mail.locator('pre.mail-body')).not.toContainText(resetLink);
  await expect(mail.getByText('This mail holds a secret link')).toBeVisible();
  await expectAccessible(page);
  await shot(page, 'outbox-mail');
  await mail.getByRole('button', { name: 'Close' }).click();
  await expect(mail).toBeHidden();

  // Signing out from a coordinator's page leads home, and the page is closed to visitors.
  await signOut(page);
  await page.goto('/admin/outbox');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
});
