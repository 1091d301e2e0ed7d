import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Parser from 'rss-parser';
import { beforeAll, expect, it } from 'vitest';
import { atomProblems } from '../../../test/atom-validate.ts';
import { actorClient, makeCoop } from '../../../test/factories.ts';
import { Client, describeOnDatabases } from '../../../test/harness.ts';

const webDist = mkdtempSync(join(tmpdir(), 'coopnet-feed-'));
writeFileSync(
  join(webDist, 'index.html'),
  '<!doctype html><html><head><title>Coopnet</title></head><body><div id="root"></div></body></html>',
);

describeOnDatabases(
  'Atom feeds: the network’s news, a co-op’s blog and a campaign’s updates',
  (t) => {
    const visitor = () => new Client(t.app);
    let coopSlug = '';

    beforeAll(async () => {
      const coop = await makeCoop(t.deps, { name: 'Forn de la Plaça' });
      coopSlug = (
        await t.deps.db.selectFrom('coops').select('slug').where('id', '=', coop.id).executeTakeFirstOrThrow()
      ).slug;
      const coordinator = (await actorClient(t.deps, t.app, { roles: [{ role: 'coordinator' }] })).client;
      const admin = (
        await actorClient(t.deps, t.app, { coopId: coop.id, roles: [{ role: 'coop_admin', coopId: coop.id }] })
      ).client;
      const post = (coopId: string | null, title: string) =>
        (coopId ? admin : coordinator).post('/api/v1/news/posts', {
          coopId,
          title,
          summary: 'A summary with <b>markup</b> & an ampersand.',
          body: 'Text.',
          visibility: 'public',
        });
      expect((await post(null, 'Assembly in spring')).statusCode).toBe(201);
      expect((await post(coop.id, 'New oven')).statusCode).toBe(201);
      const opened = await coordinator.post('/api/v1/campaigns', {
        slug: 'strike-fund',
        ownerKind: 'coop',
        ownerCoopId: coop.id,
        ownerName: 'Forn de la Plaça',
        title: 'Strike fund for the bakers',
        summary: 'Twelve bakers are on strike.',
        goalCents: 100_000,
        deadline: '2099-12-31',
        subFund: 'emergency',
      });
      expect(opened.statusCode).toBe(201);
      for (const body of [
        'Day 1: the bakery is closed.\nEveryone is at the picket.',
        'Day 2: <script>alert(1)</script> & "quotes" still here',
      ])
        expect((await admin.post('/api/v1/campaigns/strike-fund/updates', { body })).statusCode).toBe(201);
    });

    it('all three validate against RFC 4287 and parse with an independent reader', async () => {
      const feeds = {
        '/feeds/news.atom': ['Assembly in spring'],
        [`/feeds/coops/${coopSlug}.atom`]: ['New oven'],
        '/feeds/campaigns/strike-fund.atom': [
          'Day 2: <script>alert(1)</script> & "quotes" still here',
          'Day 1: the bakery is closed.',
        ],
      };
      for (const [path, titles] of Object.entries(feeds)) {
        const res = await visitor().get(path);
        expect(res.statusCode, path).toBe(200);
        expect(res.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
        expect(await atomProblems(res.body), path).toEqual([]);
        const parsed = await new Parser().parseString(res.body);
        expect(
          parsed.items.map((i) => i.title),
          path,
        ).toEqual(titles);
      }
    });

    it('gives a campaign’s updates with their text, author and link to the page', async () => {
      const xml = (await visitor().get('/feeds/campaigns/strike-fund.atom')).body;
      expect(xml).not.toContain('<script>');
      const parsed = await new Parser().parseString(xml);
      expect(parsed.title).toBe('Strike fund for the bakers');
      const day1 = parsed.items[1]!;
      expect(day1.summary).toBe('Day 1: the bakery is closed.\nEveryone is at the picket.');
      expect(day1.author).toBe('Forn de la Plaça');
      expect(day1.link).toMatch(/\/campaigns\/strike-fund#update-[0-9a-f-]{36}$/);
      expect(day1.id).toMatch(/^tag:[^,]+,\d{4}-\d\d-\d\d:campaigns\/[0-9a-f-]{36}\/updates\/[0-9a-f-]{36}$/);
      expect((await visitor().get('/feeds/campaigns/no-such-campaign.atom')).statusCode).toBe(404);
      expect((await visitor().get('/feeds/campaigns/bad%3Cslug.atom')).statusCode).toBe(400);
      expect((await visitor().get('/feeds/campaigns/strike-fund')).statusCode).toBe(400);
    });

    it('is named in the campaign page’s head, where feed readers look', async () => {
      const html = (await visitor().get('/campaigns/strike-fund')).body;
      expect(html).toMatch(
        /<link rel="alternate" type="application\/atom\+xml" title="Strike fund for the bakers" href="https?:\/\/[^"]+\/feeds\/campaigns\/strike-fund\.atom">/,
      );
    });

    it('catches what RFC 4287 refuses (the checker can fail)', async () => {
      const good = (await visitor().get('/feeds/campaigns/strike-fund.atom')).body;
      expect(await atomProblems(good.replace(/<updated>[^<]+<\/updated>/, ''))).toHaveLength(1);
      expect(await atomProblems(good.replace(/(<feed[^>]*>)\n {2}<id>[^<]+/, '$1\n  <id>not an iri'))).toEqual([
        'id is not an IRI: not an iri',
      ]);
      expect((await atomProblems(good.replace(/<author><name>[^<]+<\/name><\/author>/g, ''))).join()).toContain(
        'entries have no author',
      );
      expect((await atomProblems(good.replace(/Z<\/published>/, '</published>'))).join()).toMatch(
        /published is not an RFC 3339/,
      );
    });
  },
  { webDist },
);
