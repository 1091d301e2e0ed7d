/** Helpers the journeys share: the accessibility scan and the caught mail. */
import { AxeBuilder } from '@axe-core/playwright';
import { type APIRequestContext, expect, type Page, request } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 3100);

/** Fails on serious or critical accessibility faults of the page as it is now. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

interface Caught {
  to: string[];
  raw: string;
}

/**
 * Waits for a mail to `to` and returns the first link in it that matches `pattern`.
 * Mail leaves the outbox one message at a time (about 150 ms each to the catching server,
 * whose greeting alone waits 100 ms), so a mail queued behind a large import may take a
 * while: hence the generous deadline.
 */
export async function linkFromMail(to: string, pattern: RegExp, timeoutMs = 45_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let seen = 0;
  for (;;) {
    const res = await fetch(`http://127.0.0.1:${PORT + 26}/`);
    const mails = ((await res.json()) as Caught[]).filter((x) => x.to.includes(to.toLowerCase()));
    seen = mails.length;
    for (const m of mails.reverse()) {
      // Quoted-printable soft line breaks would split the link.
      const body = m.raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
      const match = body.match(pattern);
      if (match) return match[0];
    }
    if (Date.now() > deadline) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no mail to ${to} with a link matching ${pattern} within ${timeoutMs} ms (${seen} mails to them)`);
}

export const DEMO_PASSWORD = 'coopnet-demo';

/** The demo accounts the journeys sign in with (see server/src/modules/demo/demo-data.ts). */
export const DEMO = {
  coordinator: { email: 'marta.soler@codi-comu.example', name: 'Marta Soler Vidal' },
  coopAdmin: {
    email: 'vicent.llopis@forn-de-la-placa.example',
    name: 'Vicent Llopis Ferrer',
    coop: 'Forn de la Plaça',
  },
  worker: { email: 'oumar.diallo@bicis-del-turia.example', name: 'Oumar Diallo', coop: 'Bicis del Túria' },
} as const;

/** Something unique to this run, for names and e-mails that must not clash with earlier runs. */
export function uniqueId(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/** Signs in through the form and waits for the page it leads to (the dashboard by default). */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/sign-in');
  await expect(page.getByRole('heading', { name: 'Sign in', level: 1 })).toBeVisible();
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Dashboard — / })).toBeVisible();
}

/** With E2E_SHOTS set, a full-page screenshot in /tmp/e2e-shots/ (never in the repository) to look at. */
export async function shot(page: Page, name: string): Promise<void> {
  if (!process.env.E2E_SHOTS) return;
  const width = page.viewportSize()?.width ?? 0;
  // A fixed header would be drawn where the page is scrolled to.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `/tmp/e2e-shots/${name}-${width}.png`, fullPage: true });
}

/** Demo workers (server/src/modules/demo/demo-data.ts) who cast ballots through the API to make up a quorum. */
export const API_VOTERS = [
  'pau.navarro@forn-de-la-placa.example',
  'lucia.martinez@forn-de-la-placa.example',
  'ioana.popescu@forn-de-la-placa.example',
  'daniela.restrepo@bicis-del-turia.example',
  'marc.peris@bicis-del-turia.example',
  'carla.ortega@bicis-del-turia.example',
  'hugo.benavent@llibreria-la-rosa-dels-vents.example',
  'yasmin.haddad@llibreria-la-rosa-dels-vents.example',
  'nerea.aguilar@llibreria-la-rosa-dels-vents.example',
  'tomas.iglesias@llibreria-la-rosa-dels-vents.example',
  'rashid.benali@la-comuna-cafe.example',
  'diego.paredes@la-comuna-cafe.example',
  'mei.chen@la-comuna-cafe.example',
  'fatou.ndiaye@neteges-solidaries.example',
  'elena.vasile@neteges-solidaries.example',
  'carmen.romero@neteges-solidaries.example',
  'khadija.ouali@neteges-solidaries.example',
  'mohamed.chakir@construccions-horta-nord.example',
  'valentina.torres@construccions-horta-nord.example',
  'xavier.bonet@construccions-horta-nord.example',
  'priya.sharma@codi-comu.example',
  'alejandro.ruiz@codi-comu.example',
  'joan.cervera@ecomercat-de-benimaclet.example',
  'samira.amrani@escoleta-el-niu.example',
];

/** A time as a datetime-local field of the app takes it: on the network's wall clock (its time zone), not the browser's. */
export async function localTime(page: Page, at: number): Promise<string> {
  return page.evaluate(async (ms) => {
    const network = (await (await fetch('/api/v1/network')).json()) as { timeZone: string };
    const parts = new Intl.DateTimeFormat('en-US', {
      timeZone: network.timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    }).formatToParts(new Date(ms));
    const part = (type: string) => parts.find((p) => p.type === type)!.value;
    return `${part('year')}-${part('month')}-${part('day')}T${part('hour')}:${part('minute')}:${part('second')}`;
  }, at);
}

/** Opens the vote from the proposal page, closing `seconds` from now; returns the size of the electorate. */
export async function openVoting(page: Page, seconds: number): Promise<number> {
  const manage = page.getByRole('region', { name: 'Manage this proposal' });
  await manage.getByLabel('Voting closes at').fill(await localTime(page, Date.now() + seconds * 1000));
  await manage.getByRole('button', { name: 'Open voting' }).click();
  // Opening cannot be undone: it is confirmed first.
  const confirm = page.getByRole('dialog', { name: 'Open the vote now?' });
  await expect(confirm).toContainText('This cannot be undone.');
  await confirm.getByRole('button', { name: 'Open the vote' }).click();
  const counter = page.getByText(/^0 of \d+ have voted$/);
  await expect(counter).toBeVisible();
  return Number((await counter.textContent())!.match(/of (\d+)/)![1]);
}

/** A worker's session through the API, as a program would hold it. */
export async function apiSession(baseURL: string, email: string): Promise<{ api: APIRequestContext; csrf: string }> {
  const api = await request.newContext({ baseURL });
  const res = await api.post('/api/v1/auth/login', { data: { email, password: DEMO_PASSWORD } });
  expect(res.status(), `login of ${email}`).toBe(200);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { api, csrf: csrfToken };
}

export async function castThroughApi(
  baseURL: string,
  email: string,
  proposalId: string,
  ballot: unknown,
): Promise<void> {
  const { api, csrf } = await apiSession(baseURL, email);
  const res = await api.post(`/api/v1/proposals/${proposalId}/ballots`, {
    data: { ballot },
    headers: { 'X-CSRF-Token': csrf },
  });
  expect(res.status(), `ballot of ${email}: ${await res.text()}`).toBe(201);
  await api.dispose();
}
