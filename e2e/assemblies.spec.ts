/**
 * A coordinator calls an assembly, keeps its minutes and records who came;
 * the calendar feed lists it. Then a change of the bylaws with an impossible
 * threshold is refused with the problem named.
 */
import { expect, test } from '@playwright/test';
import { DEMO, expectAccessible, localTime, signIn, uniqueId } from './support.ts';

test('a coordinator calls an assembly, keeps minutes and records attendance', async ({ page, request }) => {
  const id = uniqueId();
  const title = `Asamblea extraordinaria ${id}`;
  await signIn(page, DEMO.coordinator.email);
  await page.goto('/governance');
  await expect(page.getByRole('heading', { level: 1, name: 'Governance' })).toBeVisible();

  const call = page
    .getByRole('form', { name: 'Call an assembly' })
    .or(page.getByRole('region', { name: 'Call an assembly' }));
  await call.getByLabel('Body that meets').selectOption({ label: 'General assembly' });
  await call.getByLabel('Assembly title').fill(title);
  const start = Date.now() + 7 * 24 * 3600_000;
  await call.getByLabel('Starts at').fill(await localTime(page, start));
  await call.getByLabel('Ends at').fill(await localTime(page, start + 2 * 3600_000));
  await call.getByLabel('Place', { exact: true }).fill('Casal del Barri, Carrer Major 1');
  await call.getByRole('button', { name: 'Call assembly' }).click();

  const assembly = page.getByRole('article', { name: title });
  await expect(assembly).toBeVisible();
  await assembly.getByLabel(`Minutes of ${title}`).fill('The session opens at six.');
  await assembly.getByRole('button', { name: 'Save minutes' }).click();
  await expect(assembly.getByText('The minutes have been saved.')).toBeVisible();

  await assembly.getByLabel('Co-op', { exact: true }).selectOption({ label: 'Bicis del Túria' });
  await assembly.getByLabel('Person present').selectOption({ label: DEMO.worker.name });
  await assembly.getByRole('button', { name: 'Record attendance' }).click();
  await expect(assembly.getByRole('table', { name: `Attendance at ${title}` })).toContainText(DEMO.worker.name);
  await expectAccessible(page);

  const feed = await request.get('/api/v1/assemblies.ics');
  expect(feed.headers()['content-type']).toContain('text/calendar');
  const ics = (await feed.text()).replace(/\r\n[ \t]/g, '');
  expect(ics).toContain(`SUMMARY:${title}`);
});

test('a change of the bylaws with an impossible threshold is refused with the problem named', async ({ page }) => {
  await signIn(page, DEMO.coordinator.email);
  await page.goto('/proposals/new');
  await expect(page.getByRole('heading', { level: 1, name: 'New proposal' })).toBeVisible();
  await page.getByLabel('Matter', { exact: true }).selectOption('bylaw_change');
  await page.getByLabel('Matter to change').selectOption('free');
  await page.getByLabel('Threshold numerator').fill('3');
  await page.getByLabel('Threshold denominator').fill('2');
  await page.getByLabel('Title').fill('Free proposals by three halves');
  await page.getByLabel('Text', { exact: true }).fill('An impossible threshold, to see it refused.');
  await page.getByRole('button', { name: 'Create proposal' }).click();
  await expect(page.getByRole('alert', { name: 'Problems in the proposed bylaws' })).toBeVisible();
  await expect(page.getByText(/matters\.free\.threshold/)).toBeVisible();
  await expectAccessible(page);
});
