/**
 * Finding 10: the protections must not lock out the network's own people. The
 * page policy upgrades requests to https only where the network is served over
 * https; the rate limit does not count the web app's files, limits a signed-in
 * person as themselves, and lets a whole assembly behind one address sign in
 * and vote.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { readEnv } from '../config.ts';
import { Client, describeOnDatabases } from '../../test/harness.ts';
import { actorClient, makeCoop, makePerson, PASSWORD } from '../../test/factories.ts';
import { openedProposal } from '../../test/proposals-factories.ts';
import { tempDir } from '../../test/temp-dir.ts';

/** The limits as a fresh install has them, not the tests' generous ones. */
const defaults = readEnv({});

const webDist = tempDir('web');
mkdirSync(join(webDist, 'assets'));
writeFileSync(join(webDist, 'index.html'), '<!doctype html><title>Coopnet</title>');
writeFileSync(join(webDist, 'assets', 'app-abc123.js'), 'console.log(1)');
afterAll(() => rmSync(webDist, { recursive: true, force: true }));

describeOnDatabases(
  'finding 10: a page opened at a plain-http address on the local network',
  (t) => {
    it('finding 10: is not told to upgrade its requests to https', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/', headers: { host: '192.168.1.20:3000' } });
      expect(res.statusCode).toBe(200);
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain('upgrade-insecure-requests');
      expect(res.headers['strict-transport-security']).toBeUndefined();
    });
  },
  () => ({ publicUrl: 'http://192.168.1.20:3000', webDist }),
);

describeOnDatabases(
  'finding 10: a network served over https',
  (t) => {
    it('finding 10: keeps upgrading insecure requests and sends HSTS', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/' });
      expect(String(res.headers['content-security-policy'])).toContain('upgrade-insecure-requests');
      expect(res.headers['strict-transport-security']).toBeDefined();
    });
  },
  () => ({ publicUrl: 'https://coopnet.example.org', webDist }),
);

describeOnDatabases(
  'finding 10: rate limits at their default sizes',
  (t) => {
    it('finding 10: never counts the web app’s own files', async () => {
      for (let i = 0; i < defaults.RATE_LIMIT_MAX + 50; i++) {
        const res = await t.app.inject({ method: 'GET', url: i % 2 ? '/assets/app-abc123.js' : '/' });
        if (res.statusCode !== 200) expect.fail(`request ${i} answered ${res.statusCode}`);
      }
      expect((await t.app.inject({ method: 'GET', url: '/api/v1/network' })).statusCode).toBe(200);
    });

    it('finding 10: 200 members behind one address sign in and vote within two minutes, every request answered', async () => {
      const coordinator = await actorClient(t.deps, t.app, { roles: [{ role: 'coordinator' }] });
      const coop = await makeCoop(t.deps);
      const members = [];
      for (let i = 0; i < 200; i++) members.push(await makePerson(t.deps, { coopId: coop.id }));
      const id = await openedProposal(t, coordinator.client, { title: 'Hall vote' });
      const started = Date.now();
      const refused: string[] = [];
      // Each member, from the venue's one address, opens the app, signs in, reads the proposal, votes, sees it counted.
      await Promise.all(
        members.map(async (m, i) => {
          const c = new Client(t.app);
          const steps: [string, () => ReturnType<Client['get']>][] = [
            ['network', () => c.get('/api/v1/network')],
            ['session', () => c.get('/api/v1/auth/session')],
            ['login', async () => {
              const res = await c.post('/api/v1/auth/login', { email: m.email, password: PASSWORD });
              if (res.statusCode === 200) c.csrf = res.json().csrfToken;
              return res;
            }],
            ['session again', () => c.get('/api/v1/auth/session')],
            ['notifications', () => c.get('/api/v1/notifications')],
            ['proposals', () => c.get('/api/v1/proposals')],
            ['proposal', () => c.get(`/api/v1/proposals/${id}`)],
            ['vote', () => c.post(`/api/v1/proposals/${id}/ballots`, { ballot: { choice: i % 3 ? 'yes' : 'no' } })],
            ['proposal after', () => c.get(`/api/v1/proposals/${id}`)],
          ];
          for (const [name, step] of steps) {
            const res = await step();
            if (res.statusCode >= 400) refused.push(`${i} ${name}: ${res.statusCode}`);
          }
        }),
      );
      expect(refused).toEqual([]);
      expect(Date.now() - started).toBeLessThan(120_000);
      const shown = (await coordinator.client.get(`/api/v1/proposals/${id}`)).json();
      expect(shown.participation.voted).toBe(200);
    }, 180_000);

    it('finding 10: a signed-in person is limited as themselves, not by the address they share', async () => {
      const a = await actorClient(t.deps, t.app, {});
      const b = await actorClient(t.deps, t.app, {});
      for (let i = 0; i < defaults.RATE_LIMIT_ACCOUNT_MAX; i++) {
        const res = await a.client.get('/api/v1/me');
        if (res.statusCode !== 200) expect.fail(`request ${i} answered ${res.statusCode}`);
      }
      const over = await a.client.get('/api/v1/me');
      expect(over.statusCode).toBe(429);
      expect(over.json().error.code).toBe('rate_limited');
      // Someone else at the same address is untouched.
      expect((await b.client.get('/api/v1/me')).statusCode).toBe(200);
    });
  },
  () => ({ rateLimitMax: defaults.RATE_LIMIT_MAX, rateLimitAccountMax: defaults.RATE_LIMIT_ACCOUNT_MAX, loginRateLimitMax: defaults.LOGIN_RATE_LIMIT_MAX, webDist }),
);


describeOnDatabases(
  'finding 11: logos hosted elsewhere',
  (t) => {
    it('finding 11: pages may show images from the origins the operator allows, and no others', async () => {
      const csp = String((await t.app.inject({ method: 'GET', url: '/' })).headers['content-security-policy']);
      const imgSrc = csp.split(';').find((d) => d.trim().startsWith('img-src'))!;
      expect(imgSrc).toContain('https://logos.example.org');
      expect(imgSrc).not.toContain('*');
      expect(() => readEnv({ IMAGE_ORIGINS: "https://ok.example.org 'unsafe-inline'" })).toThrow(/IMAGE_ORIGINS/);
      expect(() => readEnv({ IMAGE_ORIGINS: 'javascript:alert(1)' })).toThrow(/IMAGE_ORIGINS/);
    });
  },
  () => ({ imageOrigins: readEnv({ IMAGE_ORIGINS: 'https://logos.example.org' }).IMAGE_ORIGINS, webDist }),
);
