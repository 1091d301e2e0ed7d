/**
 * No dead ends: each demo role walks the pages its navigation leads to and
 * the pages those link to (bounded), follows every link it is shown, and
 * opens every "new …" form it is offered (cancelled after): nothing it is
 * shown answers "You may not do this" or sends the person to "No access",
 * and the API refuses none of the requests the pages make (no 403).
 * Nothing is changed: forms are closed without saving.
 */
import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD } from './support.ts';
import { expectNoRefusal, kindOf, links, ROLES, SIGNED_IN, START, watchRefusals } from './walk.ts';

/** At most this many pages of one pattern (one proposal, one co-op… stands for the others). */
const PER_KIND = 1;
const MAX_PAGES = 14;

for (const [role, email] of Object.entries(ROLES)) {
  test(`a ${role} meets no refusal on any page or link they are shown`, async ({ page }) => {
    test.setTimeout(120_000);
    const refused = watchRefusals(page);
    if (email) {
      const res = await page.request.post('/api/v1/auth/login', { data: { email, password: DEMO_PASSWORD } });
      expect(res.status(), `login of ${email}`).toBe(200);
    }

    const queue = [...START, ...(email ? SIGNED_IN : [])];
    const seen = new Set<string>();
    const perKind = new Map<string, number>();
    while (queue.length > 0 && seen.size < MAX_PAGES) {
      const path = queue.shift()!;
      const kind = kindOf(path);
      if (seen.has(path) || (perKind.get(kind) ?? 0) >= PER_KIND) continue;
      seen.add(path);
      perKind.set(kind, (perKind.get(kind) ?? 0) + 1);

      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
      await page.waitForLoadState('networkidle');
      const main = page.locator('main');
      await expectNoRefusal(page, `${role} on ${path}`);

      // The forms a page offers open for whoever is shown them; each is closed unsaved.
      for (const name of [/^New offer$/, /^Invite workers$/]) {
        const button = main.getByRole('button', { name });
        if ((await button.count()) === 0) continue;
        await button.first().click();
        const dialog = page.getByRole('dialog');
        await expect(dialog).toBeVisible();
        await expect(dialog.getByText('You may not do this')).toHaveCount(0);
        await page.keyboard.press('Escape');
        await expect(dialog).toBeHidden();
      }
      for (const link of await links(page)) if (!seen.has(link)) queue.push(link);
    }
    expect(refused, `${role}: requests refused`).toEqual([]);
    expect(seen.size).toBeGreaterThan(4);
  });
}
