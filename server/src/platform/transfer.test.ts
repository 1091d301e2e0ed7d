/**
 * What travels to a phone: the web app's files go compressed (the copies made
 * at build time, chosen by Accept-Encoding) and cached as long as they safely
 * can; large API answers are compressed; the directory's list answers 304
 * when the client already holds it, and a new answer once it changed.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, expect, it } from 'vitest';
import { describeOnDatabases } from '../../test/harness.ts';
import { makeCoop } from '../../test/factories.ts';
import { tempDir } from '../../test/temp-dir.ts';
import { COMPRESS_THRESHOLD } from './transfer.ts';

const webDist = tempDir('web');
const shell = `<!doctype html><title>Coopnet</title>${'<!-- shell -->'.repeat(200)}`;
const script = `console.log(${JSON.stringify(randomBytes(600).toString('hex'))});`.repeat(4);
mkdirSync(join(webDist, 'assets'));
mkdirSync(join(webDist, 'icons'));
writeFileSync(join(webDist, 'index.html'), shell);
writeFileSync(join(webDist, 'sw.js'), 'self.addEventListener("fetch", () => {});');
writeFileSync(join(webDist, 'icons', 'icon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
writeFileSync(join(webDist, 'assets', 'index-Ab12Cd34.js'), script);
writeFileSync(join(webDist, 'assets', 'index-Ab12Cd34.js.br'), brotliCompressSync(script));
writeFileSync(join(webDist, 'assets', 'index-Ab12Cd34.js.gz'), gzipSync(script));
afterAll(() => rmSync(webDist, { recursive: true, force: true }));

const ASSET = '/assets/index-Ab12Cd34.js';

describeOnDatabases(
  'what travels: compression and caching',
  (t) => {
    it('sends a file compressed as the browser accepts it, the same bytes once decompressed', async () => {
      const br = await t.app.inject({ method: 'GET', url: ASSET, headers: { 'accept-encoding': 'gzip, deflate, br, zstd' } });
      expect(br.statusCode).toBe(200);
      expect(br.headers['content-encoding']).toBe('br');
      expect(br.headers['content-type']).toMatch(/^(text|application)\/javascript/);
      expect(br.headers.vary).toMatch(/accept-encoding/i);
      expect(br.rawPayload.length).toBeLessThan(script.length / 1.5);
      expect(brotliDecompressSync(br.rawPayload).toString()).toBe(script);

      const gz = await t.app.inject({ method: 'GET', url: ASSET, headers: { 'accept-encoding': 'gzip' } });
      expect(gz.headers['content-encoding']).toBe('gzip');
      expect(gunzipSync(gz.rawPayload).toString()).toBe(script);

      const plain = await t.app.inject({ method: 'GET', url: ASSET });
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.body).toBe(script);
    });

    it('keeps a file named by its content for a year, and asks again for the shell, the worker and the pages', async () => {
      const asset = await t.app.inject({ method: 'GET', url: ASSET });
      expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      for (const url of ['/', '/index.html', '/sw.js', '/directory', '/coops/forn/workers']) {
        const res = await t.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'br' } });
        expect(res.statusCode, url).toBe(200);
        expect(res.headers['cache-control'], url).toBe('no-cache');
      }
      const icon = await t.app.inject({ method: 'GET', url: '/icons/icon.svg' });
      expect(icon.headers['cache-control']).toBe('public, max-age=86400');
    });

    it('answers a shell the browser holds with a bodiless 304', async () => {
      const first = await t.app.inject({ method: 'GET', url: '/' });
      const etag = first.headers.etag as string;
      expect(etag).toBeTruthy();
      const again = await t.app.inject({ method: 'GET', url: '/', headers: { 'if-none-match': etag } });
      expect(again.statusCode).toBe(304);
      expect(again.body).toBe('');
    });

    it('compresses a large API answer, and not a small one', async () => {
      for (let i = 0; i < 12; i++) await makeCoop(t.deps, { name: `Cooperativa de prueba ${i} ${randomBytes(8).toString('hex')}` });
      const plain = await t.app.inject({ method: 'GET', url: '/api/v1/coops?limit=50' });
      expect(plain.rawPayload.length).toBeGreaterThan(COMPRESS_THRESHOLD);
      expect(plain.headers['content-encoding']).toBeUndefined();
      const br = await t.app.inject({ method: 'GET', url: '/api/v1/coops?limit=50', headers: { 'accept-encoding': 'br, gzip' } });
      expect(br.headers['content-encoding']).toBe('br');
      expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length);
      expect(JSON.parse(brotliDecompressSync(br.rawPayload).toString())).toEqual(plain.json());
      const gz = await t.app.inject({ method: 'GET', url: '/api/v1/coops?limit=50', headers: { 'accept-encoding': 'gzip' } });
      expect(JSON.parse(gunzipSync(gz.rawPayload).toString())).toEqual(plain.json());

      const small = await t.app.inject({ method: 'GET', url: '/api/health/live', headers: { 'accept-encoding': 'br, gzip' } });
      expect(small.headers['content-encoding']).toBeUndefined();
      expect(small.json()).toEqual({ status: 'ok' });
    });

    it('answers the directory with 304 while it is unchanged, and anew once a co-op joins', async () => {
      await makeCoop(t.deps, { name: 'Primera' });
      const first = await t.app.inject({ method: 'GET', url: '/api/v1/coops', headers: { 'accept-encoding': 'br' } });
      const etag = first.headers.etag as string;
      expect(etag).toMatch(/^W\/"[\w-]+"$/);
      expect(first.headers['cache-control']).toBe('private, no-cache');
      // The tag is the answer's, not its encoding's: a client without compression holds the same one.
      const plain = await t.app.inject({ method: 'GET', url: '/api/v1/coops' });
      expect(plain.headers.etag).toBe(etag);

      const held = await t.app.inject({ method: 'GET', url: '/api/v1/coops', headers: { 'if-none-match': etag, 'accept-encoding': 'br' } });
      expect(held.statusCode).toBe(304);
      expect(held.rawPayload.length).toBe(0);

      await makeCoop(t.deps, { name: `Nueva ${randomBytes(4).toString('hex')}` });
      const changed = await t.app.inject({ method: 'GET', url: '/api/v1/coops', headers: { 'if-none-match': etag } });
      expect(changed.statusCode).toBe(200);
      expect(changed.headers.etag).not.toBe(etag);
      expect(changed.json<{ total: number }>().total).toBe(plain.json<{ total: number }>().total + 1);
    });

    it('tags only the lists that ask for it, and never a refusal', async () => {
      const network = await t.app.inject({ method: 'GET', url: '/api/v1/network' });
      expect(network.headers.etag).toBeUndefined();
      const bad = await t.app.inject({ method: 'GET', url: '/api/v1/coops?limit=-4' });
      expect(bad.statusCode).toBe(400);
      expect(bad.headers.etag).toBeUndefined();
    });
  },
  () => ({ webDist }),
);
