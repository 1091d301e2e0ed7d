import { randomUUID } from 'node:crypto';
import Parser from 'rss-parser';
import { beforeAll, expect, it } from 'vitest';
import { actorClient, makeCoop } from '../../../test/factories.ts';
import { Client, describeOnDatabases } from '../../../test/harness.ts';
import { makeApiToken } from '../../../test/people-factories.ts';

const draft = (o: Record<string, unknown> = {}) => ({
  coopId: null,
  title: 'Assembly in spring',
  summary: 'The general assembly meets on 14 March.',
  body: 'Come **along**.',
  visibility: 'public',
  ...o,
});

describeOnDatabases('news and co-op blogs', (t) => {
  let coordinator: Client;
  let coordinatorToken: Client;
  let admin: Client;
  let otherAdmin: Client;
  let worker: Client;
  let visitor: Client;
  let forn: { id: string; slug: string };

  beforeAll(async () => {
    const made = await makeCoop(t.deps, { name: 'Forn de la Plaça' });
    const other = await makeCoop(t.deps, { name: 'Bicis del Túria' });
    const { slug } = await t.deps.db
      .selectFrom('coops')
      .select('slug')
      .where('id', '=', made.id)
      .executeTakeFirstOrThrow();
    forn = { id: made.id, slug };
    const coord = await actorClient(t.deps, t.app, { roles: [{ role: 'coordinator' }] });
    coordinator = coord.client;
    coordinatorToken = new Client(t.app);
    coordinatorToken.bearer = (await makeApiToken(t.deps, coord.id, ['read', 'coordinator'])).token;
    admin = (await actorClient(t.deps, t.app, { coopId: forn.id, roles: [{ role: 'coop_admin', coopId: forn.id }] }))
      .client;
    otherAdmin = (
      await actorClient(t.deps, t.app, { coopId: other.id, roles: [{ role: 'coop_admin', coopId: other.id }] })
    ).client;
    worker = (await actorClient(t.deps, t.app, { coopId: forn.id })).client;
    visitor = new Client(t.app);
  });

  it('lets coordinators post the network’s news and a co-op’s admin its blog, nobody else', async () => {
    const news = await coordinator.post('/api/v1/news/posts', draft());
    expect(news.statusCode, news.body).toBe(201);
    expect(news.json()).toMatchObject({ coopId: null, title: 'Assembly in spring', visibility: 'public' });
    const blog = await admin.post('/api/v1/news/posts', draft({ coopId: forn.id, title: 'New oven' }));
    expect(blog.statusCode, blog.body).toBe(201);
    expect(blog.json()).toMatchObject({ coopSlug: forn.slug, coopName: 'Forn de la Plaça' });

    expect((await admin.post('/api/v1/news/posts', draft())).statusCode).toBe(403);
    expect((await otherAdmin.post('/api/v1/news/posts', draft({ coopId: forn.id }))).statusCode).toBe(403);
    expect((await worker.post('/api/v1/news/posts', draft({ coopId: forn.id }))).statusCode).toBe(403);
    expect((await coordinator.post('/api/v1/news/posts', draft({ coopId: forn.id }))).statusCode).toBe(403);
    expect((await visitor.post('/api/v1/news/posts', draft())).statusCode).toBe(401);
    // An API token posts nothing, not even a coordinator's.
    expect((await coordinatorToken.post('/api/v1/news/posts', draft())).statusCode).toBe(403);
    // Nothing refused was published.
    const titles = (await visitor.get(`/api/v1/news/posts?coop=${forn.slug}`))
      .json()
      .items.map((p: { title: string }) => p.title);
    expect(titles).toEqual(['New oven']);
  });

  it('lets a post’s writers edit it: the updated time moves, the published time stays', async () => {
    const made = (await admin.post('/api/v1/news/posts', draft({ coopId: forn.id, title: 'Oven soon' }))).json();
    expect((await otherAdmin.patch(`/api/v1/news/posts/${made.id}`, { title: 'Hacked' })).statusCode).toBe(403);
    expect((await coordinator.patch(`/api/v1/news/posts/${made.id}`, { title: 'Hacked' })).statusCode).toBe(403);
    expect((await visitor.patch(`/api/v1/news/posts/${made.id}`, { title: 'Hacked' })).statusCode).toBe(401);
    await new Promise((r) => setTimeout(r, 5));
    const edited = await admin.patch(`/api/v1/news/posts/${made.id}`, { title: 'Oven here', visibility: 'members' });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ title: 'Oven here', visibility: 'members', publishedAt: made.publishedAt });
    expect(edited.json().updatedAt > made.updatedAt).toBe(true);
    expect((await visitor.get(`/api/v1/news/posts/${made.id}`)).statusCode).toBe(404);
  });

  it('refuses hostile or huge text with a clear 400, and keeps Markdown as the author typed it', async () => {
    for (const bad of [
      draft({ title: 'a\u0000b' }),
      draft({ body: 'x'.repeat(20_001) }),
      draft({ visibility: 'secret' }),
      draft({ extra: 1 }),
    ])
      expect((await coordinator.post('/api/v1/news/posts', bad)).statusCode).toBe(400);
    const hostile = '<script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror=alert(1)>';
    const res = await coordinator.post('/api/v1/news/posts', draft({ title: '<b>Bold</b> & co', body: hostile }));
    expect(res.statusCode).toBe(201);
    expect((await visitor.get(`/api/v1/news/posts/${res.json().id}`)).json().body).toBe(hostile);
    const feed = (await visitor.get('/feeds/news.atom')).body;
    expect(feed).not.toContain('<script>');
    expect(feed).not.toContain('<b>');
    expect(feed).toContain('&lt;b&gt;Bold&lt;/b&gt; &amp; co');
  });

  it('hides members-only posts from visitors and the feeds, and shows them to members', async () => {
    const res = await coordinator.post(
      '/api/v1/news/posts',
      draft({ title: 'For members: the budget', visibility: 'members' }),
    );
    expect(res.statusCode).toBe(201);
    const id = res.json().id;
    const seen = async (c: Client) =>
      (await c.get('/api/v1/news/posts')).json().items.some((p: { id: string }) => p.id === id);
    expect(await seen(visitor)).toBe(false);
    expect(await seen(worker)).toBe(true);
    expect((await visitor.get(`/api/v1/news/posts/${id}`)).statusCode).toBe(404);
    expect((await worker.get(`/api/v1/news/posts/${id}`)).statusCode).toBe(200);
    expect((await visitor.get('/feeds/news.atom')).body).not.toContain('For members');
    expect((await visitor.get(`/api/v1/news/posts/${randomUUID()}`)).statusCode).toBe(404);
    expect((await visitor.get('/api/v1/news/posts/nope')).statusCode).toBe(400);
  });

  it('serves valid Atom feeds that an independent reader parses', async () => {
    const res = await visitor.get('/feeds/news.atom');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    const xml = res.body;
    // RFC 4287's required elements: the feed's id, title, updated, author, and each entry's id, title, updated.
    const head = xml.slice(0, xml.indexOf('<entry>'));
    for (const el of [
      /<id>tag:[^<]+<\/id>/,
      /<title type="text">[^<]+<\/title>/,
      /<updated>\d{4}-\d\d-\d\dT[^<]+Z<\/updated>/,
      /<author><name>[^<]+<\/name><\/author>/,
      /<link rel="self" type="application\/atom\+xml" href="[^"]+\/feeds\/news\.atom"\/>/,
      /<link rel="alternate"/,
    ])
      expect(head).toMatch(el);
    const entries = xml.split('<entry>').slice(1);
    expect(entries.length).toBeGreaterThanOrEqual(2);
    for (const e of entries)
      for (const el of [
        '<id>tag:',
        '<title type="text">',
        '<updated>',
        '<published>',
        '<link rel="alternate"',
        '<summary type="text">',
      ])
        expect(e).toContain(el);

    const parsed = await new Parser().parseString(xml);
    expect(parsed.title).toMatch(/: news$/);
    const titles = parsed.items.map((i) => i.title);
    expect(titles).toContain('Assembly in spring');
    expect(titles).toContain('<b>Bold</b> & co');
    expect(titles).not.toContain('New oven');
    const spring = parsed.items.find((i) => i.title === 'Assembly in spring')!;
    expect(spring.id).toMatch(/^tag:/);
    expect(spring.link).toMatch(/\/news\/[0-9a-f-]{36}$/);
    expect(spring.summary).toBe('The general assembly meets on 14 March.');

    const blog = await visitor.get(`/feeds/coops/${forn.slug}.atom`);
    expect(blog.statusCode).toBe(200);
    const parsedBlog = await new Parser().parseString(blog.body);
    expect(parsedBlog.title).toBe('Forn de la Plaça: blog');
    expect(parsedBlog.items.map((i) => i.title)).toEqual(['New oven']);
    expect((await visitor.get('/feeds/coops/no-such-coop.atom')).statusCode).toBe(404);
    expect((await visitor.get('/feeds/coops/bad%3Cslug.atom')).statusCode).toBe(400);
  });
});
