/**
 * No secret reaches a log line: every route and page whose path or query can
 * hold one is requested with a real token (from a real mail, or a real API
 * token), also as a 404, and the lines the app wrote are read back.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Client, describeOnDatabases } from '../../../test/harness.ts';
import { actorClient, makeCoop, makePerson } from '../../../test/factories.ts';
import { smtpCatcher } from '../../../test/smtp-catcher.ts';
import { tempDir } from '../../../test/temp-dir.ts';
import { loggedLines, loggedText } from '../../../test/test-log.ts';
import { newToken } from '../tokens.ts';
import { createLogger } from './logger.ts';
import { REDACTED, SECRET_PATH_PREFIXES, looksLikeToken, redactText, redactUrl } from './redact.ts';

const smtp = smtpCatcher();
const ROOT = join(import.meta.dirname, '../../../..');

describe('redacting URLs and texts', () => {
  const token = newToken();
  it('redacts the secret of every secret path, whatever follows it or comes before it', () => {
    expect(redactUrl(`/api/v1/auth/invitations/${token}`)).toBe('/api/v1/auth/invitations/[redacted]');
    expect(redactUrl(`/invitations/${token}?lang=es`)).toBe('/invitations/[redacted]?lang=es');
    expect(redactUrl(`/sign-up/${token}/more/parts`)).toBe('/sign-up/[redacted]');
    expect(redactUrl(`/Reset-Password/short-link`)).toBe('/Reset-Password/[redacted]');
    expect(redactUrl(`//invitations/${token}`)).toBe('//invitations/[redacted]');
    // A route of its own, without parameters, keeps its path.
    expect(redactUrl('/api/v1/auth/invitations/accept', { staticRoute: true })).toBe('/api/v1/auth/invitations/accept');
    expect(redactUrl('/invitations/')).toBe('/invitations/');
  });

  it('redacts token-shaped segments and query values anywhere, and query values named like secrets', () => {
    expect(redactUrl(`/api/v1/coops/${token}`)).toBe('/api/v1/coops/[redacted]');
    expect(redactUrl(`/api/v1/network?x=${newToken('cn_')}&limit=5`)).toBe('/api/v1/network?x=[redacted]&limit=5');
    expect(redactUrl('/api/v1/network?token=abc&access_token=def&apiKey=g&code=1&limit=5')).toBe(
      '/api/v1/network?token=[redacted]&access_token=[redacted]&apiKey=[redacted]&code=[redacted]&limit=5',
    );
    expect(redactUrl(`/api/v1/network#${token}`)).toBe('/api/v1/network');
  });

  it('keeps what is not a secret: ids, slugs, dates, long camelCase names', () => {
    const id = '3f2a9c1e-8b7d-4e6f-a5c4-1d2e3f4a5b6c';
    const url = `/api/v1/coops/${id}/workers?since=2026-01-01T00:00:00.000Z&q=cooperativa-de-trabajo-la-huerta-verde`;
    expect(redactUrl(url)).toBe(url);
    expect(looksLikeToken(id)).toBe(false);
    expect(looksLikeToken(token)).toBe(true);
    const stack =
      'TypeError: x\n    at hasZodFastifySchemaValidationErrors (/work/node_modules/fastify-type-provider-zod/dist/index.js:1:1)';
    expect(redactText(stack)).toBe(stack);
    const asset = 'GET /assets/use-resolved-styles-api-gJ50OnTM.js';
    expect(redactText(asset)).toBe(asset);
  });

  it('redacts tokens and secret paths inside free text', () => {
    expect(redactText(`Reply already sent for GET /reset-password/${token} (req-1)`)).toBe(
      'Reply already sent for GET /reset-password/[redacted] (req-1)',
    );
    expect(redactText(`Failing row contains (x, ${token}, y).`)).toBe('Failing row contains (x, [redacted], y).');
  });

  it('logs an error with its message and stack redacted, and censors fields named like secrets', () => {
    const lines: string[] = [];
    const log = createLogger(
      { level: 'info', format: 'json' },
      { destination: { write: (l: string) => void lines.push(l) } },
    );
    log.error({ err: new Error(`could not open /invitations/${token}`) }, 'failed');
    log.info(
      { token, user: { password: 'hunter2 hunter2' }, headers: { authorization: `Bearer ${token}` } },
      'careless',
    );
    const text = lines.join('');
    expect(text).not.toContain(token);
    expect(text).not.toContain('hunter2');
    const [error, careless] = lines.map((l) => JSON.parse(l));
    expect(error.err.message).toBe('could not open /invitations/[redacted]');
    expect(error.err.stack).toContain('/invitations/[redacted]');
    expect(careless).toMatchObject({
      token: REDACTED,
      user: { password: REDACTED },
      headers: { authorization: REDACTED },
    });
  });
});

describe('the secret paths list', () => {
  it('holds every API route and web page with a secret parameter in its path', () => {
    const param = /['`]([^'`\s]*\/):(\w*(?:token|secret|key|code)\w*)\b/gi;
    const modules = join(ROOT, 'server/src/modules');
    const apiPaths = readdirSync(modules, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .flatMap(({ name: dir }) =>
        readdirSync(join(modules, dir))
          .filter((f) => f.endsWith('.routes.ts'))
          .flatMap((f) =>
            [...readFileSync(join(modules, dir, f), 'utf8').matchAll(param)].map((m) => `/api/v1${m[1]}`),
          ),
      );
    const webRoute = /path: '([^']*\/):(\w*(?:token|secret|key|code)\w*)'/gi;
    const webPaths = [...readFileSync(join(ROOT, 'web/src/app/routes.tsx'), 'utf8').matchAll(webRoute)].map(
      (m) => `/${m[1]}`,
    );
    expect(apiPaths).toContain('/api/v1/auth/invitations/');
    expect(webPaths).toEqual(expect.arrayContaining(['/invitations/', '/sign-up/', '/reset-password/']));
    for (const path of [...apiPaths, ...webPaths]) expect(SECRET_PATH_PREFIXES, path).toContain(path);
  });
});

const webDist = tempDir('web');
writeFileSync(join(webDist, 'index.html'), '<!doctype html><title>Coopnet</title>');

describeOnDatabases(
  'no secret in a log line',
  (t) => {
    it('logs each secret-bearing route, page and 404 with its token redacted', async () => {
      const coop = await makeCoop(t.deps);
      const admin = await actorClient(t.deps, t.app, {
        coopId: coop.id,
        roles: [{ role: 'coop_admin', coopId: coop.id }],
      });
      const invitedEmail = `logged-${t.dialect}@example.org`;
      expect(
        (
          await admin.client.post(`/api/v1/coops/${coop.id}/invitations`, {
            email: invitedEmail,
            displayName: 'Logged',
            role: 'worker',
          })
        ).statusCode,
      ).toBe(201);
      const person = await makePerson(t.deps, { email: `reset-logged-${t.dialect}@example.org` });
      expect((await new Client(t.app).post('/api/v1/auth/password-reset', { email: person.email })).statusCode).toBe(
        200,
      );
      const signupEmail = `signup-logged-${t.dialect}@example.org`;
      expect(
        (
          await new Client(t.app).post('/api/v1/auth/signup', {
            email: signupEmail,
            displayName: 'Supporter',
            password: 'a long enough password',
          })
        ).statusCode,
      ).toBe(202);
      const apiToken = (await admin.client.post('/api/v1/auth/tokens', { name: 'Till', scopes: ['read'] })).json()
        .token as string;
      const invitation = (await smtp.tokenFor(t.deps, invitedEmail, 'invitations'))!;
      const reset = (await smtp.tokenFor(t.deps, person.email, 'reset-password'))!;
      const signup = (await smtp.tokenFor(t.deps, signupEmail, 'sign-up'))!;
      const secrets = [invitation, reset, signup, apiToken];
      for (const s of secrets) expect(looksLikeToken(s), 'a real token').toBe(true);

      const visitor = new Client(t.app);
      // The status where it shows the token was good; null where any answer will do.
      const requests: [string, number | null][] = [
        [`/api/v1/auth/invitations/${invitation}`, 200],
        [`/invitations/${invitation}`, 200],
        [`/sign-up/${signup}`, 200],
        [`/reset-password/${reset}`, 200],
        [`/reset-password/${reset}?from=mail`, 200],
        [`/api/v1/auth/invitations/${invitation}/extra`, 404],
        [`/api/v1/invitations/${invitation}`, 404],
        [`/api/v1/coops/${reset}`, 404],
        [`/api/v1/network?token=${apiToken}`, null],
        [`/api/v1/coops?q=${apiToken}`, null],
        [`/metrics?token=${apiToken}`, null],
      ];
      for (const [url, status] of requests) {
        const res = await visitor.get(url);
        if (status !== null) expect(res.statusCode, url).toBe(status);
      }
      // Secrets in bodies are never logged; these use them up, so they come last, each by a new visitor.
      expect((await new Client(t.app).post('/api/v1/auth/signup/confirm', { token: signup })).statusCode).toBe(201);
      expect(
        (
          await new Client(t.app).post('/api/v1/auth/password-reset/confirm', {
            token: reset,
            password: 'a new long password',
          })
        ).statusCode,
      ).toBe(200);
      expect(
        (
          await new Client(t.app).post('/api/v1/auth/invitations/accept', {
            token: invitation,
            displayName: 'Logged',
            password: 'another long password',
          })
        ).statusCode,
      ).toBe(200);
      await smtp.delivered(t.deps);

      const logged = loggedText();
      for (const s of secrets) expect(logged, 'a token in the log').not.toContain(s);
      const urls = loggedLines()
        .filter((l) => l.msg === 'incoming request')
        .map((l) => (l.req as { url: string }).url);
      expect(urls).toEqual(
        expect.arrayContaining([
          '/api/v1/auth/invitations/[redacted]',
          '/invitations/[redacted]',
          '/sign-up/[redacted]',
          '/reset-password/[redacted]',
          '/reset-password/[redacted]?from=mail',
          '/api/v1/coops/[redacted]',
          '/api/v1/network?token=[redacted]',
          '/api/v1/coops?q=[redacted]',
          '/metrics?token=[redacted]',
          '/api/v1/auth/invitations/accept',
          '/api/v1/auth/signup/confirm',
        ]),
      );
    });
  },
  () => ({ ...smtp.config(), webDist }),
);
