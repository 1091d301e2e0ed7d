import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { beforeAll, expect, it } from 'vitest';
import { actorClient } from '../../../test/factories.ts';
import { Client, describeOnDatabases } from '../../../test/harness.ts';

const webDist = mkdtempSync(join(tmpdir(), 'coopnet-share-'));
writeFileSync(
  join(webDist, 'index.html'),
  '<!doctype html><html><head><title>Coopnet</title></head><body><div id="root"></div></body></html>',
);

describeOnDatabases(
  'a campaign’s share preview',
  (t) => {
    beforeAll(async () => {
      const coordinator = (await actorClient(t.deps, t.app, { roles: [{ role: 'coordinator' }] })).client;
      const res = await coordinator.post('/api/v1/campaigns', {
        slug: 'strike-fund',
        ownerKind: 'network',
        ownerName: 'The network',
        title: 'Strike fund "for" <bakers> & friends\'"><script>alert(1)</script>',
        summary: 'Help them <img src=x onerror=alert(1)> hold out.',
        goalCents: 100_000,
        deadline: '2099-12-31',
        subFund: 'emergency',
      });
      expect(res.statusCode).toBe(201);
    });

    it('is in the HTML of the campaign’s address, escaped, without JavaScript', async () => {
      const res = await new Client(t.app).get('/campaigns/strike-fund');
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('text/html');
      const html = res.body;
      for (const tag of ['og:title', 'og:description', 'og:image', 'twitter:card']) expect(html).toContain(`"${tag}"`);
      expect(html).toContain(
        '<meta property="og:title" content="Strike fund &#34;for&#34; &#60;bakers&#62; &#38; friends&#39;&#34;&#62;&#60;script&#62;alert(1)&#60;/script&#62;">',
      );
      expect(html).not.toContain('<script>');
      expect(html).not.toContain('<img');
      expect(html).toMatch(/<meta property="og:image" content="https?:\/\/[^"]+\/icons\/icon-512\.png">/);
    });

    it('shows the campaign’s cover, by its absolute address, once it has one', async () => {
      const coordinator = (await actorClient(t.deps, t.app, { roles: [{ role: 'coordinator' }] })).client;
      const png = await sharp({ create: { width: 1600, height: 900, channels: 3, background: '#c0392b' } })
        .png()
        .toBuffer();
      const up = await coordinator.request('POST', '/api/v1/campaigns/strike-fund/images?cover=true', png, {
        'content-type': 'image/png',
      });
      expect(up.statusCode).toBe(201);
      const url = (up.json() as { url: string }).url;
      const html = (await new Client(t.app).get('/campaigns/strike-fund')).body;
      const base = t.deps.config.publicUrl.replace(/\/$/, '');
      expect(html).toContain(`<meta property="og:image" content="${base}${url}">`);
      expect(html).toContain(`<meta name="twitter:image" content="${base}${url}">`);
      expect(base).toMatch(/^https?:\/\//);
      const image = await new Client(t.app).get(url);
      expect([image.statusCode, image.headers['content-type']]).toEqual([200, 'image/jpeg']);
    });

    it('is the plain shell for an address that is no campaign', async () => {
      const res = await new Client(t.app).get('/campaigns/no-such-campaign');
      expect(res.statusCode).toBe(200);
      expect(res.body).not.toContain('og:title');
      expect(res.body).toContain('<div id="root">');
    });
  },
  { webDist },
);
