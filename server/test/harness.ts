/**
 * Test harness: every API test runs on a fresh real database, once on SQLite
 * and once on PostgreSQL. `describeOnDatabases('coops API', (t) => …)` gives
 * each suite its own app built by `buildApp`, exercised through app.inject,
 * logging into the run's log folder (test-log.ts).
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import { buildApp } from '../src/app.ts';
import type { Config } from '../src/config.ts';
import type { DialectName } from '../src/db/database.ts';
import type { AppDeps } from '../src/deps.ts';
import { tempDir } from './temp-dir.ts';
import { testLogger } from './test-log.ts';

export { testLogger };

export const DIALECTS: DialectName[] = ['sqlite', 'postgres'];

export async function freshDatabaseUrl(dialect: DialectName): Promise<string> {
  if (dialect === 'sqlite') {
    return `sqlite:${join(tempDir('sqlite'), 'test.db')}`;
  }
  const admin = inject('postgresUrl');
  const name = `t_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drops PostgreSQL databases made by freshDatabaseUrl, by their URLs, once nothing uses them. */
export async function dropDatabases(urls: string[]): Promise<void> {
  if (urls.length === 0) return;
  const client = new pg.Client({ connectionString: inject('postgresUrl') });
  await client.connect();
  for (const url of urls) await client.query(`DROP DATABASE IF EXISTS ${new URL(url).pathname.slice(1)}`);
  await client.end();
}

export function testConfig(databaseUrl: string, overrides: Partial<Config> = {}): Config {
  return {
    port: 0,
    host: '127.0.0.1',
    dataDir: tempDir('data'),
    databaseUrl,
    publicUrl: 'http://coopnet.test',
    sessionSecret: randomBytes(32).toString('base64url'),
    cardSigningKey: generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
    mailFrom: 'Coopnet <no-reply@coopnet.test>',
    trustProxy: false,
    rateLimitMax: 100_000,
    rateLimitAccountMax: 100_000,
    loginRateLimitMax: 10,
    // Logged like a server (into the run's log folder: see test-log.ts), so the run can check no secret is in a log.
    logLevel: 'info',
    logFormat: 'json',
    seedDemo: false,
    mapTileUrl: 'https://tiles.example.org/{z}/{x}/{y}.png',
    webDist: '/nonexistent',
    // Tests close votes by calling closeDue(deps, later) themselves.
    governanceTickSeconds: 3600,
    ...overrides,
  };
}

export interface TestContext {
  dialect: DialectName;
  app: FastifyInstance;
  deps: AppDeps;
}

/** Runs `body` once per dialect, each on its own fresh database. */
export function describeOnDatabases(
  name: string,
  body: (t: TestContext) => void,
  overrides: Partial<Config> | (() => Partial<Config>) = {},
): void {
  for (const dialect of DIALECTS) {
    describe(`${name} [${dialect}]`, () => {
      const t = { dialect } as TestContext;
      beforeAll(async () => {
        const extra = typeof overrides === 'function' ? overrides() : overrides;
        const built = await buildApp(testConfig(await freshDatabaseUrl(dialect), extra), { logger: testLogger() });
        t.app = built.app;
        t.deps = built.deps;
        await t.app.ready();
      });
      afterAll(async () => {
        await t.app?.close();
      });
      body(t);
    });
  }
}

/** A signed-in client: keeps the session cookie and sends the CSRF header on writes. */
export class Client {
  cookie: string | null = null;
  csrf: string | null = null;
  bearer: string | null = null;

  constructor(private readonly app: FastifyInstance) {}

  async request(method: InjectOptions['method'], url: string, body?: unknown, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const h: Record<string, string> = { ...headers };
    if (this.cookie) h.cookie = this.cookie;
    if (this.csrf && method !== 'GET') h['x-csrf-token'] = this.csrf;
    if (this.bearer) h.authorization = `Bearer ${this.bearer}`;
    const res = await this.app.inject({ method, url, headers: h, ...(body !== undefined && { payload: body as object }) });
    const setCookie = res.cookies.find((c) => c.name === 'coopnet_session');
    if (setCookie) this.cookie = setCookie.value ? `coopnet_session=${setCookie.value}` : null;
    return res;
  }

  get = (url: string) => this.request('GET', url);
  post = (url: string, body?: unknown) => this.request('POST', url, body ?? {});
  patch = (url: string, body: unknown) => this.request('PATCH', url, body);
  delete = (url: string) => this.request('DELETE', url);
}
