import sharp from 'sharp';
import { beforeAll, expect, it } from 'vitest';
import { actorClient, makeCoop } from '../../../test/factories.ts';
import { Client, describeOnDatabases } from '../../../test/harness.ts';
import { makeApiToken } from '../../../test/people-factories.ts';

/** A real photo-like JPEG (no transparency) with camera metadata, larger than the 1200 px the server keeps. */
const photo = () =>
  sharp({ create: { width: 2400, height: 1600, channels: 3, background: { r: 200, g: 60, b: 40 } } })
    .jpeg()
    .withMetadata({ exif: { IFD0: { Copyright: 'secret-camera-owner', Artist: 'Jane Doe' } } })
    .toBuffer();
const smallPng = () =>
  sharp({ create: { width: 40, height: 30, channels: 4, background: { r: 0, g: 0, b: 255, alpha: 0.5 } } })
    .png()
    .toBuffer();
const webp = () =>
  sharp({ create: { width: 300, height: 200, channels: 3, background: { r: 0, g: 128, b: 0 } } })
    .webp()
    .toBuffer();

const SCRIPT = Buffer.from('<script>alert(document.cookie)</script>\n');
const SVG = Buffer.from(
  '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script><rect width="10" height="10"/></svg>',
);

describeOnDatabases('a campaign’s images', (t) => {
  let coordinator: Client;
  let admin: Client;
  let otherAdmin: Client;
  let worker: Client;
  let coordinatorToken: Client;
  const slug = 'food-bank-van';
  const visitor = () => new Client(t.app);
  const upload = (client: Client, body: Buffer, type = 'image/png', query = '') =>
    client.request('POST', `/api/v1/campaigns/${slug}/images${query}`, body, { 'content-type': type });
  const imageCount = async () =>
    Number(
      (await t.deps.db
        .selectFrom('campaign_images')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirst())!.n,
    );

  beforeAll(async () => {
    const coop = await makeCoop(t.deps, { name: 'Forn de la Plaça' });
    const other = await makeCoop(t.deps, { name: 'Bicis del Túria' });
    const co = await actorClient(t.deps, t.app, { roles: [{ role: 'coordinator' }] });
    coordinator = co.client;
    coordinatorToken = new Client(t.app);
    coordinatorToken.bearer = (await makeApiToken(t.deps, co.id, ['coordinator'])).token;
    admin = (await actorClient(t.deps, t.app, { coopId: coop.id, roles: [{ role: 'coop_admin', coopId: coop.id }] }))
      .client;
    otherAdmin = (
      await actorClient(t.deps, t.app, { coopId: other.id, roles: [{ role: 'coop_admin', coopId: other.id }] })
    ).client;
    worker = (await actorClient(t.deps, t.app, { coopId: coop.id })).client;
    const res = await coordinator.post('/api/v1/campaigns', {
      slug,
      ownerKind: 'coop',
      ownerCoopId: coop.id,
      ownerName: 'Forn de la Plaça',
      title: 'A van for the food bank',
      summary: 'To carry bread to the food bank.',
      goalCents: 1_500_000,
      deadline: '2099-12-31',
      subFund: 'programmes',
    });
    expect(res.statusCode).toBe(201);
  });

  it('takes the owner co-op admin’s photo as its cover: shrunk to 1200 px, re-encoded without its metadata, served for good', async () => {
    const original = await photo();
    expect((await sharp(original).metadata()).exif).toBeDefined();
    // The declared type is not believed either way: a JPEG sent as application/octet-stream is a JPEG.
    const res = await upload(admin, original, 'application/octet-stream', '?cover=true');
    expect(res.statusCode).toBe(201);
    const image = res.json();
    expect(image).toMatchObject({ width: 1200, height: 800, cover: true });
    expect(image.url).toMatch(/^\/campaign-images\/[0-9a-f]{64}\.jpg$/);

    const served = await visitor().get(image.url);
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/jpeg');
    expect(served.headers['x-content-type-options']).toBe('nosniff');
    expect(served.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const meta = await sharp(served.rawPayload).metadata();
    expect([meta.format, meta.width, meta.height, meta.exif]).toEqual(['jpeg', 1200, 800, undefined]);
    expect(served.rawPayload.includes('secret-camera-owner')).toBe(false);

    const list = (await visitor().get('/api/v1/campaigns')).json().items;
    expect(list.find((c: { slug: string }) => c.slug === slug).coverUrl).toBe(image.url);
  });

  it('takes PNG (kept with its transparency) and WebP from a coordinator, never enlarged', async () => {
    const png = await upload(coordinator, await smallPng());
    expect(png.statusCode).toBe(201);
    expect(png.json()).toMatchObject({ width: 40, height: 30, cover: false });
    expect(png.json().url).toMatch(/\.png$/);
    expect((await visitor().get(png.json().url)).headers['content-type']).toBe('image/png');
    const w = await upload(coordinator, await webp(), 'image/webp');
    expect(w.statusCode).toBe(201);
    expect(w.json()).toMatchObject({ width: 300, height: 200 });
    const draft = (await coordinator.get(`/api/v1/campaigns/${slug}/draft`)).json();
    expect(draft.images).toHaveLength(3);
    expect(draft.images.filter((i: { cover: boolean }) => i.cover)).toHaveLength(1);
  });

  it('refuses a script renamed .png, SVG, a PNG header before a script, a truncated PNG and an empty body', async () => {
    const before = await imageCount();
    const png = await sharp({ create: { width: 500, height: 500, channels: 3, background: '#888' } })
      .png()
      .toBuffer();
    const cases: [string, Buffer, string][] = [
      ['a script sent as image/png', SCRIPT, 'image/png'],
      ['SVG with a script', SVG, 'image/svg+xml'],
      ['SVG sent as image/png', SVG, 'image/png'],
      ['a PNG signature before a script', Buffer.concat([png.subarray(0, 8), SCRIPT]), 'image/png'],
      ['a truncated PNG', png.subarray(0, Math.floor(png.length / 2)), 'image/png'],
      ['HTML', Buffer.from('<!doctype html><html><body onload=alert(1)>'), 'text/html'],
    ];
    for (const [what, body, type] of cases) {
      const res = await upload(coordinator, body, type);
      expect(res.statusCode, what).toBe(400);
      expect(res.json().error.code, what).toBe('campaigns.not_an_image');
    }
    const empty = await upload(coordinator, Buffer.alloc(0), 'image/png');
    expect(empty.statusCode).toBe(400);
    expect(await imageCount()).toBe(before);
  });

  it('refuses a file over 8 MB with a clear 413', async () => {
    const big = Buffer.concat([(await photo()).subarray(0, 100), Buffer.alloc(8 * 1024 * 1024)]);
    const res = await upload(coordinator, big, 'image/jpeg');
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toMatchObject({
      code: 'campaigns.image_too_large',
      message: 'The image is larger than 8 MB.',
    });
  });

  it('refuses uploads from another co-op’s admin, a worker, a visitor and any API token', async () => {
    const before = await imageCount();
    const body = await smallPng();
    expect((await upload(otherAdmin, body)).statusCode).toBe(403);
    expect((await upload(worker, body)).statusCode).toBe(403);
    expect((await upload(visitor(), body)).statusCode).toBe(401);
    expect((await upload(coordinatorToken, body)).statusCode).toBe(403);
    expect(
      (await coordinator.request('POST', '/api/v1/campaigns/no-such/images', body, { 'content-type': 'image/png' }))
        .statusCode,
    ).toBe(404);
    expect(await imageCount()).toBe(before);
  });

  it('serves nothing for a name that is no stored image', async () => {
    for (const name of [`${'0'.repeat(64)}.jpg`, 'x.svg', '..%2F..%2Fsecrets.json', `${'0'.repeat(64)}.svg`])
      expect((await visitor().get(`/campaign-images/${name}`)).statusCode).toBe(404);
  });

  it('lets the editor pick another of its images as cover, or none, and no other campaign’s', async () => {
    const draft = (await coordinator.get(`/api/v1/campaigns/${slug}/draft`)).json();
    const other = draft.images.find((i: { cover: boolean }) => !i.cover);
    const res = await admin.patch(`/api/v1/campaigns/${slug}`, { coverImageId: other.id });
    expect(res.statusCode).toBe(200);
    expect(
      res
        .json()
        .images.filter((i: { cover: boolean }) => i.cover)
        .map((i: { id: string }) => i.id),
    ).toEqual([other.id]);
    expect((await admin.patch(`/api/v1/campaigns/${slug}`, { coverImageId: crypto.randomUUID() })).statusCode).toBe(
      400,
    );
    const none = await admin.patch(`/api/v1/campaigns/${slug}`, { coverImageId: null });
    expect(none.json().images.some((i: { cover: boolean }) => i.cover)).toBe(false);
  });
});
