/**
 * The campaign editor's acceptance journey, at a phone's width: a
 * coordinator opens a campaign and types known XSS payloads into its story;
 * the live preview (the public page's own renderer, marked then DOMPurify)
 * runs none of them. They upload a real image as the cover and try a script
 * renamed .png and an SVG with a script, which are refused with a visible
 * error. The saved story on the public page opens no dialog, and the list of
 * open campaigns shows the campaign. Axe on the editor and the list.
 */
import { fileURLToPath } from 'node:url';
import { expect, type Locator, type Page, test } from '@playwright/test';
import { DEMO, expectAccessible, signIn, uniqueId } from './support.ts';

/** A real PNG: the web app's own icon. */
const ICON = fileURLToPath(new URL('../web/public/icons/icon-512.png', import.meta.url));

const PAYLOADS = [
  '<script>alert(1)</script>',
  '<img src=x onerror="alert(2)">',
  '[click](javascript:alert(3))',
  '[data](data:text/html;base64,PHNjcmlwdD5hbGVydCg0KTwvc2NyaXB0Pg==)',
  '<svg><script>alert(5)</script></svg>',
  '<svg onload="alert(6)"></svg>',
  '<iframe src="javascript:alert(7)"></iframe>',
  '<a href="jav&#x09;ascript:alert(8)">tab</a>',
  '![img](javascript:alert(9))',
  '<div style="background:url(javascript:alert(10))" onmouseover="alert(11)">hover</div>',
  '<math><mtext><table><mglyph><style><!--</style><img title="--&gt;&lt;img src=1 onerror=alert(12)&gt;"></table></mtext></math>',
  '<details open ontoggle="alert(13)">x</details>',
  '![svg](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMTQpPjwvc3ZnPg==)',
  '<object data="javascript:alert(15)"></object><embed src="javascript:alert(16)">',
  '<form action="javascript:alert(17)"><button>go</button></form>',
];

/** Nothing in `root` can run: no script, SVG, frame or handler, no javascript:/data: address. */
async function expectHarmless(root: Locator) {
  expect(await root.locator('script, svg, math, iframe, object, embed, form, style').count()).toBe(0);
  const bad = await root.evaluate((el) =>
    Array.from(el.querySelectorAll('*')).flatMap((node) =>
      Array.from(node.attributes)
        .filter(
          (a) =>
            a.name.startsWith('on') ||
            a.name === 'style' ||
            (['href', 'src', 'action', 'data', 'xlink:href'].includes(a.name) &&
              /^\s*(javascript|data|vbscript):/i.test(a.value)),
        )
        .map((a) => `${node.tagName} ${a.name}=${a.value}`),
    ),
  );
  expect(bad).toEqual([]);
}

const noSidewaysScroll = async (page: Page) =>
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

test('a coordinator writes a hostile story and uploads images at 360 px: nothing runs, the script renamed .png is refused', async ({
  page,
}) => {
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs++;
    void d.dismiss();
  });
  await page.setViewportSize({ width: 360, height: 740 });
  await signIn(page, DEMO.coordinator.email);
  const slug = `hostile-${uniqueId()}`;

  await page.goto('/campaigns/new');
  await expect(page.getByRole('heading', { level: 1, name: 'Open a campaign' })).toBeVisible();
  await page.getByLabel('Address').fill(slug);
  await page.getByLabel('Title', { exact: true }).fill('Bail for the arrested dockers');
  await page.getByLabel('Summary').fill('<b onmouseover=alert(18)>Legal costs</b> for twelve dockers.');
  await page.getByLabel('Story (Markdown)').fill(`# Safe heading\n\n**Bold** words.\n\n${PAYLOADS.join('\n\n')}`);
  const preview = page.getByTestId('story-preview');
  await expect(preview.getByRole('heading', { name: 'Safe heading' })).toBeVisible();
  await expect(preview.locator('strong')).toHaveText('Bold');
  await preview.getByText('hover').hover();
  await expectHarmless(preview);
  await page.getByLabel('Goal').fill('3000');
  await page.getByLabel('Deadline').fill('2099-06-30');
  await page.getByLabel('Owner’s name as shown').fill('The coordinators');
  await expectAccessible(page);
  await noSidewaysScroll(page);
  await page.screenshot({ path: '/tmp/campaign-new-360.png', fullPage: true });
  await page.getByRole('button', { name: 'Open the campaign' }).click();

  // The editor of the opened campaign: images.
  await expect(page).toHaveURL(new RegExp(`/campaigns/${slug}/edit$`));
  await expect(page.getByRole('heading', { level: 1, name: 'Edit “Bail for the arrested dockers”' })).toBeVisible();
  const file = page.getByLabel('Image file');
  await expect(page.getByLabel('Use as the cover (on the page and in shared links)')).toBeChecked();
  await file.setInputFiles(ICON);
  await page.getByRole('button', { name: 'Upload' }).click();
  const images = page.getByTestId('campaign-image');
  await expect(images).toHaveCount(1);
  await expect(images.first().getByText('Cover', { exact: true })).toBeVisible();

  for (const hostile of [
    { name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from('<script>alert(19)</script>') },
    {
      name: 'logo.png',
      mimeType: 'image/png',
      buffer: Buffer.from(
        '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(20)"><script>alert(21)</script></svg>',
      ),
    },
  ]) {
    await file.setInputFiles(hostile);
    await page.getByRole('button', { name: 'Upload' }).click();
    await expect(page.getByRole('alert')).toContainText('This file is not a PNG, JPEG or WebP image');
  }
  await expect(images).toHaveCount(1);

  await images.first().getByRole('button', { name: 'Put in the story' }).click();
  await expect(preview.locator('img[src^="/campaign-images/"]')).toHaveCount(1);
  await expectHarmless(preview);
  await expectAccessible(page);
  await noSidewaysScroll(page);
  await page.screenshot({ path: '/tmp/campaign-edit-360.png', fullPage: true });
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('status')).toContainText('Saved.');

  // The public page: the cover, the story with its image, and nothing that runs.
  await page.getByRole('link', { name: 'See the campaign’s page' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Bail for the arrested dockers' })).toBeVisible();
  await expect(page.getByTestId('campaign-cover')).toBeVisible();
  const story = page.getByTestId('campaign-story');
  await expect(story.getByRole('heading', { name: 'Safe heading' })).toBeVisible();
  await expect(story.locator('img[src^="/campaign-images/"]')).toHaveJSProperty('complete', true);
  await story.getByText('hover').hover();
  await expectHarmless(story);
  await expect(page.getByText('<b onmouseover=alert(18)>Legal costs</b> for twelve dockers.')).toBeVisible();
  await noSidewaysScroll(page);

  // The list of open campaigns, from the home page.
  await page.goto('/');
  await page.getByRole('link', { name: 'Back a campaign' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Campaigns' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Bail for the arrested dockers' })).toBeVisible();
  await expectAccessible(page);
  await noSidewaysScroll(page);
  await page.screenshot({ path: '/tmp/campaigns-360.png', fullPage: true });

  await page.waitForTimeout(200);
  expect(dialogs).toBe(0);
});
