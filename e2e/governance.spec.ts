/**
 * Deciding together. A coordinator puts the admission of an applicant co-op
 * to a vote of the general assembly; workers vote yes in their own browsers;
 * when the clock closes the vote the proposal shows Passed and the co-op is a
 * member, with nobody admitting it by hand. Then a secret election of three
 * council delegates among five candidates by single transferable vote: a few
 * workers rank the candidates, and after the close the page shows the count
 * stage by stage.
 *
 * The quorum of the demo bylaws is a quarter of the electorate (60 workers),
 * more than three browsers: the rest of the turnout casts ballots through the
 * API, as a program holding a worker's session would.
 *
 * Votes close on the server's clock, every GOVERNANCE_TICK_SECONDS (2 in
 * e2e/serve.ts; with the default 30 the waits below would still suffice).
 */
import { type Browser, expect, test } from '@playwright/test';
import { API_VOTERS, castThroughApi, DEMO, expectAccessible, openVoting, shot, signIn, uniqueId } from './support.ts';

/** Workers of the demo co-ops (server/src/modules/demo/demo-data.ts), none of them a coordinator. */
const BROWSER_VOTERS = [
  { email: DEMO.worker.email, name: DEMO.worker.name },
  { email: 'amina.elidrissi@forn-de-la-placa.example', name: 'Amina El Idrissi' },
  { email: 'julia.marti@la-comuna-cafe.example', name: 'Júlia Martí' },
] as const;

const APPLICANT = { name: 'Mudances La Solidària', slug: 'mudances-la-solidaria' };

/** A worker signs in in a browser of their own, finds the open vote on their dashboard and opens it. */
async function voterPage(browser: Browser, email: string, title: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email);
  const openVotes = page.getByRole('region', { name: 'Open votes' });
  await openVotes.getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  return { context, page };
}

/** How many more ballots the quorum needs beyond the browsers' (a quarter of the electorate, and one to spare). */
function apiTurnout(electorate: number): number {
  const needed = Math.ceil(electorate / 4) + 1 - BROWSER_VOTERS.length;
  expect(needed, 'enough demo workers to reach the quorum').toBeLessThanOrEqual(API_VOTERS.length);
  return Math.max(0, needed);
}

test('the assembly admits an applicant co-op by a vote, and the clock carries it out', async ({
  browser,
  page,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const id = uniqueId();

  // Anyone can read how the network decides.
  await page.goto('/governance');
  await expect(page.getByRole('heading', { level: 1, name: 'Governance' })).toBeVisible();
  await expect(page.getByRole('article', { name: 'Council of delegates' })).toBeVisible();
  await expect(page.getByRole('table', { name: /^The bylaws/ })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Subscribe to the calendar' })).toHaveAttribute(
    'href',
    '/api/v1/assemblies.ics',
  );
  await expectAccessible(page);
  await shot(page, 'governance');

  // A coordinator puts the admission to a vote.
  await signIn(page, DEMO.coordinator.email);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Proposals' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Proposals' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: 'New proposal' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'New proposal' })).toBeVisible();
  await page.getByLabel('Matter').selectOption('admission');
  await page.getByLabel('Applicant co-op').selectOption({ label: APPLICANT.name });
  const title = `Admission of ${APPLICANT.name}`;
  await expect(page.getByLabel('Title')).toHaveValue(title);
  await page
    .getByLabel('Text', { exact: true })
    .fill(`They move houses with electric vans and would offer moves at cost to our workers. (${id})`);
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Create proposal' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByText('Draft', { exact: true })).toBeVisible();
  const proposalId = page.url().split('/proposals/')[1]!;

  const electorate = await openVoting(page, 40);
  await expect(page.getByText('Voting', { exact: true })).toBeVisible();
  await expect(page.getByText('more than 1/2 of yes and no votes')).toBeVisible();
  await expectAccessible(page);
  await shot(page, 'proposal-voting');

  // Three workers vote yes, each in their own browser; one of them also says why.
  for (const [k, voter] of BROWSER_VOTERS.entries()) {
    const { context, page: mine } = await voterPage(browser, voter.email, title);
    const ballot = mine.getByRole('radiogroup', { name: 'Your vote' });
    await ballot.getByRole('radio', { name: 'Yes' }).check();
    await mine.getByRole('button', { name: 'Cast ballot' }).click();
    const recorded = mine.getByRole('status').filter({ hasText: 'Your vote has been recorded' });
    await expect(recorded).toBeVisible();
    await expect(recorded).toContainText('Participation receipt:');
    if (k === 0) {
      await expectAccessible(mine);
      await shot(mine, 'proposal-voted');
      await mine.getByLabel('Comment', { exact: true }).fill('Good people: they moved our workshop last year.');
      await mine.getByRole('button', { name: 'Post comment' }).click();
      await expect(mine.getByRole('article', { name: `Comment by ${voter.name}` })).toBeVisible();
    }
    await context.close();
  }
  // The rest of the quorum takes part through the API, abstaining.
  for (const email of API_VOTERS.slice(0, apiTurnout(electorate))) {
    await castThroughApi(baseURL!, email, proposalId, { choice: 'abstain' });
  }

  // Nobody closes the vote: the clock does, and the page notices by itself.
  const result = page.getByRole('region', { name: 'Result' });
  await expect(result).toBeVisible({ timeout: 120_000 });
  await expect(result.getByText('Passed', { exact: true })).toBeVisible();
  await expect(result).toContainText('Yes 3, no 0');
  // The quorum and the threshold in sentences, with their figures, not the arithmetic.
  await expect(result.getByText(/^Quorum: \d+ of \d+ took part or were present; a quarter, \d+, was needed\. The quorum was reached\.$/)).toBeVisible();
  await expect(result.getByText('Threshold: Yes had 3 of the 3 yes and no votes; more than half, so 2, was needed. That was enough.')).toBeVisible();
  await expect(result).not.toContainText(' × ');
  // No tie was broken: the lot's seed and fingerprint are folded away, there to check on demand.
  const lot = page.getByRole('region', { name: 'The lot' });
  await expect(lot).toContainText('No tie had to be broken by the lot.');
  await expect(lot.getByText('Seed, revealed after the close')).toBeHidden();
  await lot.getByText('How the lot is drawn, and how to check it').click();
  await expect(lot.getByText('Seed, revealed after the close')).toBeVisible();
  await expectAccessible(page);
  await shot(page, 'proposal-passed');

  // The co-op is a member now: its page says since when, and no longer calls it an applicant.
  await page.goto(`/coops/${APPLICANT.slug}`);
  await expect(page.getByRole('heading', { level: 1, name: APPLICANT.name })).toBeVisible();
  await expect(page.getByText('Member since')).toBeVisible();
  await expect(page.getByText('Applicant', { exact: true })).toHaveCount(0);
});

test('a secret election by single transferable vote shows its count stage by stage', async ({
  browser,
  page,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const id = uniqueId();
  const candidates = ['Empar Climent', 'Rashid Benali', 'Fatou Ndiaye', 'Xavier Bonet', 'Gemma Tortosa'];
  const title = `Council delegates ${id}`;

  await signIn(page, DEMO.coordinator.email);
  await page.goto('/proposals/new');
  await page.getByLabel('Matter').selectOption('election');
  await page.getByLabel('Candidates (one per line)').fill(candidates.join('\n'));
  await page.getByLabel('Seats').fill('3');
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Text', { exact: true }).fill('Three delegates to the council for the coming year.');
  await page.getByRole('button', { name: 'Create proposal' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByText('Single transferable vote (Scottish rules)')).toBeVisible();
  const proposalId = page.url().split('/proposals/')[1]!;
  const electorate = await openVoting(page, 45);

  // Three workers rank candidates in their browsers.
  const rankings: number[][] = [
    [0, 1, 2],
    [1, 0, 3],
    [2, 4],
  ];
  for (const [k, voter] of BROWSER_VOTERS.entries()) {
    const { context, page: mine } = await voterPage(browser, voter.email, title);
    const ballot = mine.getByRole('group', { name: 'Your ranking' });
    if (k === 0) {
      // Two candidates with the same rank are caught before sending.
      await ballot.getByLabel(`Rank for ${candidates[0]}`).selectOption('1');
      await ballot.getByLabel(`Rank for ${candidates[1]}`).selectOption('1');
      await mine.getByRole('button', { name: 'Cast ballot' }).click();
      await expect(mine.getByRole('alert')).toContainText('Rank 1 is given to more than one candidate');
      await ballot.getByLabel(`Rank for ${candidates[1]}`).selectOption('—');
    }
    for (const [rank, option] of rankings[k]!.entries()) {
      await ballot.getByLabel(`Rank for ${candidates[option]}`).selectOption(String(rank + 1));
    }
    if (k === 0) {
      await expectAccessible(mine);
      await shot(mine, 'ballot-ranked');
    }
    await mine.getByRole('button', { name: 'Cast ballot' }).click();
    await expect(mine.getByRole('status').filter({ hasText: 'Your vote has been recorded' })).toBeVisible();
    // A secret ballot: this browser keeps the token that lets its voter change it, and uses it.
    expect(await mine.evaluate((pid) => localStorage.getItem(`coopnet.ballotToken.${pid}`), proposalId)).toBeTruthy();
    if (k === 0) {
      await expect(mine.getByText('You can change your ballot until the close')).toBeVisible();
      await ballot.getByLabel(`Rank for ${candidates[2]}`).selectOption('—');
      const changed = mine.waitForResponse((r) => r.url().endsWith(`/proposals/${proposalId}/ballots`));
      await mine.getByRole('button', { name: 'Cast ballot' }).click();
      const reply = await changed;
      expect(reply.status()).toBe(201);
      expect(JSON.parse(reply.request().postData() ?? '{}')).toMatchObject({ ballotToken: expect.any(String) });
      await expect(mine.getByText(/^1 of \d+ have voted$/)).toBeVisible();
    }
    await context.close();
  }
  const more = [
    [0, 2, 1],
    [1, 3],
    [3, 1, 0],
    [4, 2],
    [0, 1],
    [2, 0, 4],
    [1, 4, 0],
    [3, 4],
  ];
  for (const [k, email] of API_VOTERS.slice(0, apiTurnout(electorate)).entries()) {
    await castThroughApi(baseURL!, email, proposalId, { ranking: more[k % more.length] });
  }

  const result = page.getByRole('region', { name: 'Result' });
  await expect(result).toBeVisible({ timeout: 120_000 });
  await expect(result.getByText('Elected', { exact: true })).toBeVisible();
  const table = result.getByRole('table', { name: 'Count, stage by stage' });
  await expect(table).toBeVisible();
  await expect(table.getByRole('columnheader', { name: /^Stage 1/ })).toBeVisible();
  for (const name of candidates) await expect(table.getByRole('rowheader', { name })).toBeVisible();
  await expect(table.getByRole('rowheader', { name: 'Non-transferable' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'The lot' })).toContainText('Seed, revealed after the close');
  await expectAccessible(page);
  await shot(page, 'election-count');
  await page.setViewportSize({ width: 360, height: 740 });
  await expectAccessible(page);
  await shot(page, 'election-count');
});
