/**
 * A co-op applies, a coordinator puts its admission to a vote that passes, its
 * contact accepts the invitation
 * from the mail and becomes the co-op's admin, and invites a first worker who
 * joins through their own mail.
 */
import { expect, test } from '@playwright/test';
import {
  API_VOTERS,
  castThroughApi,
  DEMO,
  expectAccessible,
  linkFromMail,
  openVoting,
  shot,
  signIn,
  uniqueId,
} from './support.ts';

const INVITATION_LINK = /https?:\/\/[^\s/]+\/invitations\/[A-Za-z0-9_-]+/;

test('a co-op applies, is admitted by a vote, and its admin invites a worker', async ({ browser, page, baseURL }) => {
  // Its mails may queue behind those of another journey (an import sends 197).
  test.setTimeout(150_000);
  const id = uniqueId();
  const coopName = `Cooperativa Prova ${id}`;
  const contact = { name: `Rosa Prova ${id}`, email: `rosa.${id}@prova-${id}.example`, password: `contact-${id}-pw` };
  const worker = { name: `Joan Treball ${id}`, email: `joan.${id}@prova-${id}.example`, password: `worker-${id}-pw` };

  // A visitor applies.
  await page.goto('/apply');
  await expect(page.getByRole('heading', { level: 1, name: 'Apply to join' })).toBeVisible();
  await expectAccessible(page);
  const coop = page.getByRole('group', { name: 'Your co-op' });
  await coop.getByLabel('Co-op name').fill(coopName);
  await coop.getByLabel('Legal form').fill('cooperativa de trabajo asociado');
  await coop.getByLabel('Sector').selectOption({ label: 'Bicycles' });
  await coop.getByLabel('Address').fill('Carrer de Prova 1, Russafa');
  await coop.getByLabel('City').fill('València');
  await coop.getByLabel('Number of workers').fill('4');
  await coop.getByLabel('Description').fill('A co-op made up by the browser tests.');
  const person = page.getByRole('group', { name: 'Contact person' });
  await person.getByLabel('Contact name').fill(contact.name);
  await person.getByLabel('Contact e-mail').fill(contact.email);
  await person.getByLabel('Message to the network').fill('We would like to join.');
  await shot(page, 'apply-filled');
  await page.getByRole('button', { name: 'Send application' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Application received' })).toBeVisible();
  await expect(page.getByRole('status')).toContainText(coopName);
  await expectAccessible(page);
  await shot(page, 'apply-done');

  // A coordinator puts its admission to a vote of the assembly, in a browser of their own.
  const coordinatorContext = await browser.newContext();
  const coordinator = await coordinatorContext.newPage();
  await signIn(coordinator, DEMO.coordinator.email);
  await expectAccessible(coordinator);
  await coordinator
    .getByRole('region', { name: 'Network coordination' })
    .getByRole('link', { name: 'Applications', exact: true })
    .click();
  await expect(coordinator.getByRole('heading', { level: 1, name: 'Applications to join' })).toBeVisible();
  const application = coordinator.getByRole('article', { name: coopName });
  await expect(application).toBeVisible();
  await expectAccessible(coordinator);
  await shot(coordinator, 'applications');
  await application.getByRole('link', { name: `Put the admission of ${coopName} to a vote` }).click();
  await expect(coordinator.getByRole('heading', { level: 1, name: 'New proposal' })).toBeVisible();
  await coordinator.getByLabel('Text', { exact: true }).fill(`${coopName} asks to join the network.`);
  await coordinator.getByRole('button', { name: 'Create proposal' }).click();
  await expect(coordinator.getByRole('heading', { level: 1, name: `Admission of ${coopName}` })).toBeVisible();
  const proposalId = coordinator.url().split('/proposals/')[1]!;
  const electorate = await openVoting(coordinator, 20);
  await coordinatorContext.close();

  // Enough members vote yes to make the quorum (a quarter of the assembly); the clock closes the vote.
  const turnout = Math.ceil(electorate / 4) + 1;
  expect(turnout, 'enough demo workers to reach the quorum').toBeLessThanOrEqual(API_VOTERS.length);
  for (const email of API_VOTERS.slice(0, turnout)) {
    await castThroughApi(baseURL!, email, proposalId, { choice: 'yes' });
  }

  // The contact gets the invitation by mail, sets a password and runs the co-op.
  await page.goto(await linkFromMail(contact.email, INVITATION_LINK));
  await expect(page.getByRole('heading', { level: 1, name: 'Accept your invitation' })).toBeVisible();
  await expect(page.getByText(`You are invited to ${coopName} as Co-op admin.`)).toBeVisible();
  await expect(page.getByLabel('E-mail')).toHaveValue(contact.email);
  await expectAccessible(page);
  await shot(page, 'invitation-admin');
  await page.getByLabel('Display name').fill(contact.name);
  await page.getByLabel('Password', { exact: true }).fill(contact.password);
  await page.getByLabel('Confirm password').fill(contact.password);
  await page.getByRole('button', { name: 'Accept and sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Dashboard — ${contact.name}` })).toBeVisible();
  const administration = page.getByRole('region', { name: `Administration of ${coopName}` });
  await expect(administration).toBeVisible();
  await expectAccessible(page);
  await shot(page, 'dashboard-admin');

  // The new admin invites a worker.
  await administration.getByRole('link', { name: 'Invite' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Invite a worker' })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('E-mail').fill(worker.email);
  await page.getByLabel('Name', { exact: true }).fill(worker.name);
  await page.getByLabel('Role').selectOption('worker');
  await page.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByRole('status')).toContainText(`An invitation was sent to ${worker.email}.`);
  // The link is the invited person's alone: the admin is not shown it.
  await expect(page.getByText(INVITATION_LINK)).toHaveCount(0);
  await expect(
    page.getByRole('table', { name: 'Invitations' }).getByRole('row', { name: new RegExp(worker.email) }),
  ).toBeVisible();
  await expectAccessible(page);
  await shot(page, 'invite-sent');

  // The worker joins from their own mail, in their own browser.
  const workerContext = await browser.newContext();
  const joiner = await workerContext.newPage();
  await joiner.goto(await linkFromMail(worker.email, INVITATION_LINK));
  await expect(joiner.getByRole('heading', { level: 1, name: 'Accept your invitation' })).toBeVisible();
  await expect(joiner.getByText(`You are invited to ${coopName} as Worker.`)).toBeVisible();
  await expect(joiner.getByLabel('Display name')).toHaveValue(worker.name);
  await expectAccessible(joiner);
  await joiner.getByLabel('Password', { exact: true }).fill(worker.password);
  await joiner.getByLabel('Confirm password').fill(worker.password);
  await joiner.getByRole('button', { name: 'Accept and sign in' }).click();
  await expect(joiner.getByRole('heading', { level: 1, name: `Dashboard — ${worker.name}` })).toBeVisible();
  const you = joiner.getByRole('region', { name: 'You', exact: true });
  await expect(you).toContainText(worker.name);
  await expect(you).toContainText(worker.email);
  await expect(you.getByRole('link', { name: coopName })).toBeVisible();
  await expect(joiner.getByRole('region', { name: /^Administration of/ })).toHaveCount(0);
  await expectAccessible(joiner);
  await shot(joiner, 'dashboard-worker');
  await workerContext.close();
});
