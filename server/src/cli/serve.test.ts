/**
 * `coopnet serve` as an operator starts it, a separate process: the demo is
 * seeded only into a database not created for a real network, the demo says
 * so loudly, the database files are the owner's only, and a wrong HOST stops
 * the start before anything is written. What it says about the running server
 * is log lines: JSON on stdout, or readable ones with LOG_FORMAT=pretty.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, existsSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { DIALECTS, freshDatabaseUrl } from '../../test/harness.ts';
import { tempDir } from '../../test/temp-dir.ts';
import { keepLog } from '../../test/test-log.ts';
import { openDatabase } from '../db/database.ts';

const ROOT = join(import.meta.dirname, '../../..');
const DEMO_COORDINATOR = 'marta.soler@codi-comu.example';
const BANNER = /THIS IS THE DEMO NETWORK — its logins and password are public; do not use it for a real network/;

interface LogLine {
  level: number;
  msg: string;
  [field: string]: unknown;
}

/** serve's stdout as log lines; fails if a line is not one (a plain banner, a box). */
function logLines(stdout: string): LogLine[] {
  return stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const parsed = JSON.parse(line) as LogLine;
      expect(parsed, line).toMatchObject({ level: expect.any(Number), time: expect.any(String), msg: expect.any(String) });
      return parsed;
    });
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function start(args: string[], env: Record<string, string>): { child: ChildProcess; done: Promise<Run>; output: () => Run } {
  // SEED_DEMO is unset unless a test sets it: its default is what the recipes rely on.
  const { SEED_DEMO: _unset, ...inherited } = process.env;
  const child = spawn(process.execPath, ['server/bin/coopnet.js', ...args], {
    cwd: ROOT,
    env: { ...inherited, LOG_LEVEL: 'info', HOST: '127.0.0.1', PORT: '0', WEB_DIST: '/nonexistent', ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<Run>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => {
      keepLog(stdout);
      resolve({ code, stdout, stderr });
    });
  });
  return { child, done, output: () => ({ code: null, stdout, stderr }) };
}

const coopnet = (args: string[], env: Record<string, string>) => start(args, env).done;

/** Starts `serve`, waits until it listens, stops it with SIGTERM; its whole output. */
async function serveOnce(env: Record<string, string>): Promise<Run> {
  const run = start(['serve'], env);
  const deadline = Date.now() + 60_000;
  while (!/Coopnet is serving/.test(run.output().stdout)) {
    const exited = await Promise.race([run.done, new Promise<null>((r) => setTimeout(() => r(null), 100))]);
    if (exited) throw new Error(`serve exited ${exited.code}: ${exited.stderr}`);
    if (Date.now() > deadline) throw new Error('serve did not start within a minute');
  }
  run.child.kill('SIGTERM');
  const r = await run.done;
  expect(r.code, r.stderr).toBe(0);
  return r;
}

const temps: string[] = [];
const pgDatabases: string[] = [];
const temp = () => {
  const dir = tempDir('serve');
  temps.push(dir);
  return dir;
};
const envFor = (dataDir: string, databaseUrl?: string): Record<string, string> => ({ DATA_DIR: dataDir, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) });

afterAll(async () => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
  if (pgDatabases.length > 0) {
    const client = new pg.Client({ connectionString: inject('postgresUrl') });
    await client.connect();
    for (const name of pgDatabases) await client.query(`DROP DATABASE IF EXISTS ${name}`);
    await client.end();
  }
});

async function demoAccounts(databaseUrl: string): Promise<{ people: number; demoCoordinator: number; purpose: string | null }> {
  const handle = openDatabase(databaseUrl);
  try {
    const people = await handle.db.selectFrom('people').select('email').execute();
    const network = await handle.db.selectFrom('network').select('purpose').executeTakeFirst();
    return { people: people.length, demoCoordinator: people.filter((p) => p.email === DEMO_COORDINATOR).length, purpose: network?.purpose ?? null };
  } finally {
    await handle.close();
  }
}

for (const dialect of DIALECTS) {
  describe(`coopnet serve and the demo network [${dialect}]`, () => {
    it('follows the recipe for a real network and never gets the demo, across restarts', async () => {
      const dataDir = temp();
      const url = dialect === 'sqlite' ? `sqlite:${join(dataDir, 'coopnet.db')}` : await freshDatabaseUrl('postgres');
      if (dialect === 'postgres') pgDatabases.push(new URL(url).pathname.slice(1));
      const env = envFor(dataDir, url);

      const migrated = await coopnet(['migrate'], { ...env, SEED_DEMO: 'false' });
      expect(migrated.code, migrated.stderr).toBe(0);
      expect(migrated.stdout).toMatch(/for a real network/);
      const admin = await coopnet(['create-admin', '--email', 'secretaria@example.org', '--name', 'Secretaría'], env);
      expect(admin.code, admin.stderr).toBe(0);

      // SEED_DEMO unset (it defaults to true): the mark in the database decides.
      for (let start = 0; start < 2; start++) {
        const served = await serveOnce(env);
        const lines = logLines(served.stdout);
        expect(lines.find((l) => /^Coopnet is serving on /.test(l.msg))).toMatchObject({ level: 30, demo: false, apiDocs: '/api/docs' });
        expect(served.stdout).not.toMatch(/Seeded the demo network/);
        expect(served.stdout + served.stderr).not.toMatch(BANNER);
        expect(lines.filter((l) => l.logins !== undefined)).toEqual([]);
        expect(served.stdout).not.toMatch(/DEMO/);
      }
      expect(await demoAccounts(url)).toEqual({ people: 1, demoCoordinator: 0, purpose: 'real' });

      const seed = await coopnet(['seed-demo'], env);
      expect(seed.code).toBe(1);
      expect(seed.stderr).toMatch(/real network/);
      expect((await demoAccounts(url)).demoCoordinator).toBe(0);
    }, 180_000);
  });
}

describe('coopnet serve on a fresh machine', () => {
  it('seeds the demo into a new database, says loudly that it is the demo, and keeps the files its owner’s', async () => {
    const dataDir = join(temp(), 'data'); // not there yet: serve makes it
    const served = await serveOnce(envFor(dataDir));
    const lines = logLines(served.stdout);
    expect(lines.find((l) => /^Seeded the demo network/.test(l.msg))).toMatchObject({ level: 30, seeded: { coops: 12 } });
    expect(lines.find((l) => BANNER.test(l.msg))).toMatchObject({ level: 40, demo: true });
    const logins = lines.find((l) => l.msg === 'demo network: logins are public');
    expect(logins).toMatchObject({ level: 40, demoPassword: 'coopnet-demo' });
    expect(logins!.logins).toContainEqual(expect.objectContaining({ email: DEMO_COORDINATOR, role: expect.any(String), name: expect.any(String) }));
    expect(lines.find((l) => /^Coopnet is serving the DEMO network on http:\/\/127\.0\.0\.1:\d+ /.test(l.msg))).toMatchObject({ level: 30, demo: true });

    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    for (const file of ['coopnet.db', 'secrets.json']) expect(statSync(join(dataDir, file)).mode & 0o777, file).toBe(0o600);
    // The WAL files exist while a connection is open: hold one and look at them.
    const handle = openDatabase(`sqlite:${join(dataDir, 'coopnet.db')}`);
    try {
      await handle.db.selectFrom('people').select('id').limit(1).execute();
      for (const file of ['coopnet.db-wal', 'coopnet.db-shm']) expect(statSync(join(dataDir, file)).mode & 0o777, file).toBe(0o600);
    } finally {
      await handle.close();
    }

    // SEED_DEMO=false later does not turn the demo into a real network, and says so again.
    const again = await serveOnce({ ...envFor(dataDir), SEED_DEMO: 'false' });
    expect(again.stdout).not.toMatch(/Seeded/);
    expect(logLines(again.stdout).some((l) => BANNER.test(l.msg) && l.level === 40)).toBe(true);

    // For a person at a terminal: readable lines, the banner and the logins box as they always looked.
    const pretty = await serveOnce({ ...envFor(dataDir), LOG_FORMAT: 'pretty' });
    expect(pretty.stdout).not.toMatch(/^\{/m);
    expect(pretty.stdout).toMatch(/^\d\d:\d\d:\d\d\.\d{3} WARN {2}THIS IS THE DEMO NETWORK/m);
    expect(pretty.stdout).toMatch(/^!! {2}THIS IS THE DEMO NETWORK/m);
    expect(pretty.stdout).toMatch(/│ Every demo account has the password: coopnet-demo +│/);
    expect(pretty.stdout).toContain(DEMO_COORDINATOR);
    expect(pretty.stdout).not.toMatch(/logins=/);
    expect(pretty.stdout).toMatch(/^\d\d:\d\d:\d\d\.\d{3} INFO {2}Coopnet is serving the DEMO network on /m);
    expect((await demoAccounts(`sqlite:${join(dataDir, 'coopnet.db')}`)).purpose).toBe('demo');
  }, 120_000);

  it('marks a database restored from a backup of an undecided one as real, and serves it without the demo', async () => {
    const source = temp();
    expect((await coopnet(['migrate'], envFor(source))).code).toBe(0);
    const file = join(source, 'backup.db');
    const backedUp = await coopnet(['backup', file], envFor(source));
    expect(backedUp.code, backedUp.stderr).toBe(0);

    const target = temp();
    copyFileSync(join(source, 'secrets.json'), join(target, 'secrets.json')); // the source's secrets, as the guide's restore puts them back
    const restored = await coopnet(['restore', file], envFor(target));
    expect(restored.code, restored.stderr).toBe(0);
    const served = await serveOnce(envFor(target));
    expect(served.stdout).not.toMatch(/Seeded/);
    expect(await demoAccounts(`sqlite:${join(target, 'coopnet.db')}`)).toMatchObject({ people: 0, purpose: 'real' });
  }, 120_000);

  it('stops before touching the database when HOST is neither an address nor a resolvable name', async () => {
    const dataDir = temp();
    const r = await coopnet(['serve'], { ...envFor(dataDir), HOST: 'bogus' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/HOST: bogus is neither an IP address nor a name/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(dataDir, 'coopnet.db'))).toBe(false);
  });
});
