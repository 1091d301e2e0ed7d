/**
 * Every button, as each role: on a demo network of its own (a second server,
 * thrown away after), each demo role walks the pages it is led to and presses
 * every action it is shown — opening each dialog and sending it as it stands,
 * confirming each confirmation. Whatever the button does, it never ends in
 * "You may not do this" or "No access", and the API refuses (403) none of the
 * requests the pages make. A button shown to someone who may not use it is a
 * dead end; this walk finds it.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import { DEMO_PASSWORD } from './support.ts';
import { expectNoRefusal, kindOf, links, ROLES, SIGNED_IN, SKIP, START, watchRefusals } from './walk.ts';

const PORT = Number(process.env.E2E_PORT ?? 3100) + 200;
const BASE = `http://localhost:${PORT}`;

/** The till needs a camera: its own journeys press its buttons. */
const skip = (path: string) => SKIP.test(path) || /\/till(\/|$)/.test(path);
/** Buttons that end the session or only move around the page. */
const NOT_ACTIONS = /sign out|sign-out|close|cancel|previous|next|show password|copy/i;
const MAX_PAGES = 40;
/** Pages of one kind (a proposal, a co-op) walked at most; each in another state shows other buttons. */
const PER_KIND = 3;
const MAX_BUTTONS = 20;

let server: ChildProcess;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  server = spawn(process.execPath, ['--import', 'tsx', 'e2e/serve.ts', 'serve'], {
    cwd: join(import.meta.dirname, '..'),
    env: { ...process.env, E2E_PORT: String(PORT) },
    stdio: 'ignore',
  });
  for (let i = 0; i < 240; i++) {
    const up = await fetch(`${BASE}/api/v1/network`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('the second demo server did not start');
});

test.afterAll(() => {
  server?.kill('SIGTERM');
  rmSync(join(tmpdir(), `coopnet-e2e-${PORT}`), { recursive: true, force: true });
});

/** The names of the enabled buttons shown in the page's main part. */
async function buttonNames(page: Page): Promise<string[]> {
  const names = await page
    .locator('main button:not([disabled]):not([data-disabled])')
    .evaluateAll((bs) =>
      bs
        .filter((b) => (b as HTMLElement).offsetParent !== null)
        .map((b) => (b.getAttribute('aria-label') ?? b.textContent ?? '').trim()),
    );
  return [...new Set(names)].filter((n) => n && !NOT_ACTIONS.test(n));
}

/** Presses a button; a dialog it opens is sent as it stands (or confirmed), then closed. */
async function press(page: Page, name: string, where: string): Promise<void> {
  const button = page.locator('main').getByRole('button', { name, exact: true }).first();
  // The page may have changed since the names were read (a row gone, a form closed).
  const ready = await button.isEnabled({ timeout: 2_000 }).catch(() => false);
  if (!ready || !(await button.isVisible())) return;
  const clicked = await button.click({ timeout: 5_000 }).then(
    () => true,
    // Gone meanwhile (the button before it changed the page, e.g. opened the vote): nothing to press.
    async (error: unknown) => {
      if (await button.isVisible()) throw error;
      return false;
    },
  );
  if (!clicked) return;
  await page.waitForLoadState('networkidle');
  const dialog = page.getByRole('dialog');
  if (await dialog.isVisible()) {
    const buttons = dialog.getByRole('button').filter({ hasNotText: NOT_ACTIONS });
    const send = buttons.last();
    if ((await buttons.count()) > 0 && (await send.isEnabled({ timeout: 2_000 }).catch(() => false))) {
      await send.click({ timeout: 5_000 });
      await page.waitForLoadState('networkidle');
    }
    await expectNoRefusal(page, `${where}, in the dialog of "${name}"`);
    if (await dialog.isVisible()) await page.keyboard.press('Escape');
  }
  await expectNoRefusal(page, `${where}, after "${name}"`);
}

async function walk(context: BrowserContext, role: string, signedIn: boolean): Promise<void> {
  const page = await context.newPage();
  const refused = watchRefusals(page);
  const queue = [...(signedIn ? SIGNED_IN : []), ...START];
  const seen = new Set<string>();
  const kinds = new Map<string, number>();
  let pressed = 0;
  while (queue.length > 0 && seen.size < MAX_PAGES) {
    const path = queue.shift()!;
    const kind = kindOf(path);
    if (seen.has(path) || (kinds.get(kind) ?? 0) >= PER_KIND) continue;
    seen.add(path);
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
    await page.waitForLoadState('networkidle');
    await expectNoRefusal(page, `${role} on ${path}`);
    for (const link of await links(page, skip)) if (!seen.has(link)) queue.push(link);
    for (const name of (await buttonNames(page)).slice(0, MAX_BUTTONS)) {
      await press(page, name, `${role} on ${path}`);
      pressed++;
      // Back to the page as it is now, for the next button.
      if (new URL(page.url()).pathname !== path) await page.goto(path);
      await page.keyboard.press('Escape');
    }
  }
  test
    .info()
    .annotations.push({
      type: 'walked',
      description: `${[...seen].join(' ')} — ${pressed} buttons; left: ${queue.filter((q) => !seen.has(q)).join(' ')}`,
    });
  expect(refused, `${role}: requests refused`).toEqual([]);
  expect(seen.size, `${role}: pages walked`).toBeGreaterThan(4);
  expect(pressed, `${role}: buttons pressed`).toBeGreaterThan(0);
  await page.close();
}

for (const [role, email] of Object.entries(ROLES)) {
  test(`a ${role} presses every button they are shown and meets no refusal`, async ({ browser }) => {
    test.setTimeout(300_000);
    const context = await browser.newContext({ baseURL: BASE, locale: 'en-GB', acceptDownloads: true });
    if (email) {
      const res = await context.request.post('/api/v1/auth/login', { data: { email, password: DEMO_PASSWORD } });
      expect(res.status(), `login of ${email}`).toBe(200);
    }
    await walk(context, role, email !== null);
    await context.close();
  });
}
