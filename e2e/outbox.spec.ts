/**
 * A mail the mail server refuses: a co-op admin invites someone whose mailbox
 * the (real, local) SMTP server does not know; the coordinator's outbox shows
 * the mail queued, its failed attempt and what the server said, also on a
 * phone; and the server's log has the attempt, the address masked.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { SERVER_LOG } from './server-log.ts';
import { DEMO, expectAccessible, shot, signIn, uniqueId } from './support.ts';

/** One attempt, or more if the mailer's next pass (every 30 s) came in between. */
const FAILED_ATTEMPTS = /^\d failed attempts?$/;

test('a refused mail shows in the outbox as queued, with its failed attempt and the server’s answer', async ({
  browser,
  page,
}) => {
  const refused = `bounce-${uniqueId()}@forn.example`;

  await signIn(page, DEMO.coopAdmin.email);
  await page
    .getByRole('region', { name: `Administration of ${DEMO.coopAdmin.coop}` })
    .getByRole('link', { name: 'Invite' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Invite a worker' })).toBeVisible();
  await page.getByLabel('E-mail').fill(refused);
  await page.getByLabel('Name', { exact: true }).fill('Nobody Here');
  await page.getByLabel('Role').selectOption('worker');
  await page.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByRole('status')).toContainText(`An invitation was sent to ${refused}.`);

  const coordinatorContext = await browser.newContext();
  const coordinator = await coordinatorContext.newPage();
  await signIn(coordinator, DEMO.coordinator.email);
  const row = coordinator.getByRole('table', { name: 'Mail' }).getByRole('row').filter({ hasText: refused });
  // The mailer tries it right after the invitation; the page shows it once it has.
  await expect(async () => {
    await coordinator.goto('/admin/outbox');
    await expect(row.getByRole('cell').nth(3).getByText(FAILED_ATTEMPTS)).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  const state = row.getByRole('cell').nth(3);
  await expect(state).toContainText('Queued: will be tried again');
  await expect(state).toContainText(/550 .*no such mailbox/);
  await expectAccessible(coordinator);
  await shot(coordinator, 'outbox-refused');

  await row.getByRole('button').click();
  const mail = coordinator.getByRole('dialog');
  await expect(mail.getByText(/^The mail server said at the last attempt: .*550 .*no such mailbox/)).toBeVisible();
  await expect(mail.getByText(FAILED_ATTEMPTS)).toBeVisible();
  await expectAccessible(coordinator);
  await shot(coordinator, 'outbox-refused-mail');
  await mail.getByRole('button', { name: 'Close' }).click();

  // On a phone the table scrolls sideways; the opened mail shows the state whole.
  await coordinator.setViewportSize({ width: 360, height: 740 });
  await coordinator.reload();
  await expect(row.getByRole('cell').nth(3).getByText(FAILED_ATTEMPTS)).toBeAttached();
  await expectAccessible(coordinator);
  await shot(coordinator, 'outbox-refused');
  await row.getByRole('button').click();
  await expect(mail.getByText(/^The mail server said at the last attempt: .*550 .*no such mailbox/)).toBeVisible();
  await expectAccessible(coordinator);
  await shot(coordinator, 'outbox-refused-mail');
  await coordinatorContext.close();

  // The server's log has the attempt: the mail's id, the SMTP answer, the address masked, no link.
  const attempts = readFileSync(SERVER_LOG, 'utf8')
    .split('\n')
    .filter((l) => l.includes('"msg":"mail not sent'))
    .map(
      (l) =>
        JSON.parse(l) as {
          level: number;
          mail: { id: string; attempt: number; to: string };
          smtp: { responseCode: number };
        },
    );
  expect(attempts).toContainEqual(
    expect.objectContaining({
      level: 40,
      mail: expect.objectContaining({ attempt: 1, to: 'b***@forn.example' }),
      smtp: expect.objectContaining({ responseCode: 550 }),
    }),
  );
  expect(readFileSync(SERVER_LOG, 'utf8')).not.toContain(refused);
});
