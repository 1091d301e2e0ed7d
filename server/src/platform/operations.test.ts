/**
 * Health checks and metrics: a monitor gets real answers (never the web app's
 * page), readiness follows the database down and back up, and /metrics is
 * readable from this machine or with METRICS_TOKEN only.
 */
import { randomBytes } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { buildApp } from '../app.ts';
import { type DatabaseHandle, openSqlite } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import { DIALECTS, describeOnDatabases, freshDatabaseUrl, testConfig, testLogger } from '../../test/harness.ts';
import { tempDir } from '../../test/temp-dir.ts';
import { queueMail } from './mail/outbox.repository.ts';

const webDist = tempDir('web');
writeFileSync(join(webDist, 'index.html'), '<!doctype html><title>Coopnet</title>');
afterAll(() => rmSync(webDist, { recursive: true, force: true }));

const metricsToken = randomBytes(24).toString('base64url');
const REMOTE = '203.0.113.7';
/** One sample line of the text format: a name, optional labels, a number. */
const SAMPLE = /^[a-zA-Z_:][a-zA-Z0-9_:]*(\{([a-zA-Z_][a-zA-Z0-9_]*="([^"\\]|\\.)*",?)*\})? -?(\d+(\.\d+)?([eE][-+]?\d+)?|\+Inf|NaN)$/;

describeOnDatabases(
  'operations: health and metrics',
  (t) => {
    it('live answers ok without asking the database, never cached, never rate limited', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/health/live', remoteAddress: REMOTE });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ status: 'ok' });
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.headers['x-ratelimit-limit']).toBeUndefined();
    });

    it('ready answers when the database answers and every migration is applied', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/health/ready', remoteAddress: REMOTE });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ status: 'ready', database: 'ok', migrations: 'current' });
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.headers['x-ratelimit-limit']).toBeUndefined();
    });

    it('the health checks are in the OpenAPI document under operations', async () => {
      const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{ paths: Record<string, { get: { tags: string[] } }> }>();
      expect(doc.paths['/api/health/live']!.get.tags).toEqual(['operations']);
      expect(doc.paths['/api/health/ready']!.get.tags).toEqual(['operations']);
      expect(doc.paths['/metrics']).toBeUndefined();
    });

    it('metrics parse as Prometheus text and count a request by its route pattern', async () => {
      const slug = `no-such-coop-${randomBytes(3).toString('hex')}`;
      expect((await t.app.inject({ method: 'GET', url: `/api/v1/coops/${slug}` })).statusCode).toBe(404);
      await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
      await queueMail(t.deps.db, { to: 'a@example.org', subject: 'Hello', text: 'Hi' });

      const res = await t.app.inject({ method: 'GET', url: '/metrics' });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
      expect(res.headers['cache-control']).toBe('no-store');
      const lines = res.body.split('\n').filter((l) => l !== '' && !l.startsWith('#'));
      expect(lines.length).toBeGreaterThan(10);
      for (const line of lines) expect(line).toMatch(SAMPLE);

      expect(res.body).toMatch(/^coopnet_http_requests_total\{method="GET",route="\/api\/v1\/coops\/:idOrSlug",status="404"\} \d+$/m);
      expect(res.body).not.toContain(slug);
      expect(res.body).toMatch(/^coopnet_http_requests_total\{method="GET",route="unmatched",status="404"\} \d+$/m);
      expect(res.body).not.toContain('nothing-here');
      expect(res.body).toMatch(/^coopnet_http_request_duration_seconds_bucket\{method="GET",route="\/api\/v1\/coops\/:idOrSlug",le="\+Inf"\} \d+$/m);
      expect(res.body).toMatch(/^coopnet_mail_outbox\{state="queued"\} [1-9]\d*$/m);
      expect(res.body).toMatch(/^coopnet_mail_outbox\{state="failed"\} 0$/m);
      expect(res.body).toMatch(/^coopnet_till_syncs_total \d+$/m);
      expect(res.body).toMatch(/^coopnet_governance_ticks_total\{outcome="ok"\} \d+$/m);
      expect(res.body).toMatch(/^coopnet_database_up 1$/m);
      expect(res.body).toMatch(/^process_uptime_seconds \d+(\.\d+)?$/m);

      // The scrape before is counted by the next one.
      const again = await t.app.inject({ method: 'GET', url: '/metrics' });
      expect(again.body).toMatch(/^coopnet_http_requests_total\{method="GET",route="\/metrics",status="200"\} [1-9]\d*$/m);
    });

    it('metrics are not shown to another machine without the token, nor through a proxy', async () => {
      const remote = await t.app.inject({ method: 'GET', url: '/metrics', remoteAddress: REMOTE });
      expect(remote.statusCode).toBe(404);
      expect(remote.json()).toEqual({ error: { code: 'not_found', message: 'No route GET /metrics.' } });
      const proxied = await t.app.inject({ method: 'GET', url: '/metrics', headers: { 'x-forwarded-for': REMOTE } });
      expect(proxied.statusCode).toBe(404);
      const wrong = await t.app.inject({ method: 'GET', url: '/metrics', remoteAddress: REMOTE, headers: { authorization: `Bearer ${'x'.repeat(32)}` } });
      expect(wrong.statusCode).toBe(404);
      const withToken = await t.app.inject({ method: 'GET', url: '/metrics', remoteAddress: REMOTE, headers: { authorization: `Bearer ${metricsToken}` } });
      expect(withToken.statusCode).toBe(200);
      expect(withToken.body).toContain('coopnet_http_requests_total');
      const local6 = await t.app.inject({ method: 'GET', url: '/metrics', remoteAddress: '::1' });
      expect(local6.statusCode).toBe(200);
    });

    it('operational paths and unknown API paths answer 404 JSON, while client routes still get the web app', async () => {
      for (const url of ['/health', '/healthz', '/livez', '/readyz', '/health/', '/.well-known/security.txt', '/.well-known/openid-configuration', '/api/nothing', '/api/v1/nothing', '/api/health/nothing']) {
        const res = await t.app.inject({ method: 'GET', url, remoteAddress: REMOTE });
        expect(res.statusCode, url).toBe(404);
        expect(res.headers['content-type'], url).toMatch(/^application\/json/);
        expect(res.json<{ error: { code: string } }>().error.code, url).toBe('not_found');
      }
      expect((await t.app.inject({ method: 'GET', url: '/.well-known/coopnet-keys.json', remoteAddress: REMOTE })).statusCode).toBe(200);
      for (const url of ['/', '/directory', '/coops/x', '/healthy-food']) {
        const res = await t.app.inject({ method: 'GET', url, remoteAddress: REMOTE });
        expect(res.statusCode, url).toBe(200);
        expect(res.headers['content-type'], url).toMatch(/^text\/html/);
      }
    });
  },
  () => ({ webDist, metricsToken }),
);

/**
 * A database the test can take away and give back, under an app that keeps
 * running. SQLite: the connection is closed (the probe's query fails on it),
 * then a new one opened on the same file. PostgreSQL: the database stops
 * accepting connections and its connections are ended, then it accepts again.
 */
async function outageDatabase(dialect: 'sqlite' | 'postgres', url: string) {
  if (dialect === 'sqlite') {
    const file = url.slice('sqlite:'.length);
    let current = openSqlite(file);
    const swappable = new Proxy({} as SQLite.Database, {
      get: (_target, prop) => {
        const value: unknown = Reflect.get(current, prop, current);
        return typeof value === 'function' ? value.bind(current) : value;
      },
    });
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: swappable }) });
    const handle: DatabaseHandle = { db, dialect, close: () => db.destroy() };
    return {
      handle,
      down: async () => void current.close(),
      up: async () => void (current = openSqlite(file)),
    };
  }
  const name = new URL(url).pathname.slice(1);
  const pool = new pg.Pool({ connectionString: url, max: 3, connectionTimeoutMillis: 1000 });
  pool.on('error', () => {}); // an idle connection ended by the test
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const handle: DatabaseHandle = { db, dialect, close: () => db.destroy() };
  const admin = async (query: string) => {
    const client = new pg.Client({ connectionString: inject('postgresUrl') });
    await client.connect();
    try {
      await client.query(query);
    } finally {
      await client.end();
    }
  };
  return {
    handle,
    down: async () => {
      await admin(`ALTER DATABASE ${name} WITH ALLOW_CONNECTIONS false`);
      await admin(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${name}' AND pid <> pg_backend_pid()`);
    },
    up: () => admin(`ALTER DATABASE ${name} WITH ALLOW_CONNECTIONS true`),
  };
}

for (const dialect of DIALECTS) {
  describe(`operations: readiness follows the database [${dialect}]`, () => {
    it('ready answers 503 naming the database while it is away, and 200 again when it is back', async () => {
      const outage = await outageDatabase(dialect, await freshDatabaseUrl(dialect));
      const { app } = await buildApp(testConfig('unused:', {}), { database: outage.handle, logger: testLogger() });
      try {
        await app.ready();
        expect((await app.inject({ method: 'GET', url: '/api/health/ready' })).statusCode).toBe(200);

        await outage.down();
        const away = await app.inject({ method: 'GET', url: '/api/health/ready' });
        expect(away.statusCode).toBe(503);
        expect(away.json()).toEqual({ status: 'not_ready', database: 'unreachable', migrations: 'unknown' });
        expect(away.headers['cache-control']).toBe('no-store');
        // Liveness does no database work: the process still runs.
        expect((await app.inject({ method: 'GET', url: '/api/health/live' })).statusCode).toBe(200);
        const metrics = await app.inject({ method: 'GET', url: '/metrics' });
        expect(metrics.statusCode).toBe(200);
        expect(metrics.body).toMatch(/^coopnet_database_up 0$/m);
        expect(metrics.body).toMatch(/^coopnet_http_requests_total\{method="GET",route="\/api\/health\/ready",status="503"\} 1$/m);

        await outage.up();
        const back = await app.inject({ method: 'GET', url: '/api/health/ready' });
        expect(back.statusCode).toBe(200);
        expect(back.json()).toEqual({ status: 'ready', database: 'ok', migrations: 'current' });
      } finally {
        await app.close();
        await outage.handle.close();
      }
    });

    it('ready answers 503 when a migration this code knows is not applied', async () => {
      const outage = await outageDatabase(dialect, await freshDatabaseUrl(dialect));
      const { app } = await buildApp(testConfig('unused:', {}), { database: outage.handle, logger: testLogger() });
      try {
        await app.ready();
        await sql`delete from kysely_migration where name = ${'0008-till-proof'}`.execute(outage.handle.db);
        const res = await app.inject({ method: 'GET', url: '/api/health/ready' });
        expect(res.statusCode).toBe(503);
        expect(res.json()).toEqual({ status: 'not_ready', database: 'ok', migrations: 'pending', pending: ['0008-till-proof'] });
      } finally {
        await app.close();
        await outage.handle.close();
      }
    });
  });
}
