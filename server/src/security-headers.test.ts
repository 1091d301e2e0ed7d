/** Every answer carries the security headers: the API's JSON, errors and the keys at the site root. */
import { expect, it } from 'vitest';
import { describeOnDatabases } from '../test/harness.ts';

describeOnDatabases('security headers', (t) => {
  it('are on API answers, refusals and root routes alike', async () => {
    for (const url of ['/api/v1/network', '/api/v1/nothing-here', '/api/v1/reciprocity', '/.well-known/coopnet-keys.json']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.headers['content-security-policy'], url).toContain("script-src 'self'");
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
      expect(res.headers['x-frame-options'], url).toBe('SAMEORIGIN');
      expect(res.headers['referrer-policy'], url).toBe('no-referrer');
      expect(res.headers['strict-transport-security'], url).toBeUndefined(); // the test server is not on https
    }
  });
});
