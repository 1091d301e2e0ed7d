/** Every answer carries security headers: pages a page policy, JSON answers the short API set. */
import { expect, it } from 'vitest';
import { describeOnDatabases } from '../test/harness.ts';

describeOnDatabases('security headers', (t) => {
  it('keep API answers and refusals from being run, framed or sniffed', async () => {
    for (const url of ['/api/v1/network', '/api/v1/nothing-here', '/api/v1/reciprocity']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.headers['content-security-policy'], url).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
      expect(res.headers['x-frame-options'], url).toBe('DENY');
      expect(res.headers['referrer-policy'], url).toBe('no-referrer');
      expect(res.headers['strict-transport-security'], url).toBeUndefined(); // the test server is not on https
    }
  });

  it('give everything else the page policy', async () => {
    for (const url of ['/.well-known/coopnet-keys.json', '/api/docs/', '/no-such-page']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.headers['content-security-policy'], url).toContain("script-src 'self'");
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
      expect(res.headers['x-frame-options'], url).toBe('SAMEORIGIN');
    }
  });
});
