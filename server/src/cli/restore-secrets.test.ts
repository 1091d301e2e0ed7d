/**
 * A restore that follows docs/operations.md step by step keeps the tills
 * working. Machine A, as deploy/install.sh leaves it (a data folder and the
 * service's settings file with its SESSION_SECRET): a network with a co-op, a
 * cashier's till API token and a member's card; the guide's nightly cron line
 * makes the backup and its `install` lines keep the secrets apart. On a new
 * machine B the guide's restore lines run as written (its paths and the
 * service's user stand for the test's), then `serve` as the unit runs it: the
 * till token made before the backup works on the till API and the card issued
 * before it verifies, the same QR text as before. Without the secrets the
 * same restore is refused, changing nothing; with --new-secrets it goes ahead
 * and breaks what it said. A backup from before backups recorded their
 * secrets restores with a warning. A database `serve` or `migrate` started
 * once is empty enough to restore into; one with a co-op or a person is not.
 */
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import SQLite from 'better-sqlite3';
import { credentials } from '@coopnet/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardOf } from '../../test/benefits-factories.ts';
import { PASSWORD, actorClient, makeCoop, makePerson, signIn } from '../../test/factories.ts';
import { DIALECTS, freshDatabaseUrl } from '../../test/harness.ts';
import { guideBlocks } from '../../test/nginx.ts';
import { freePort, killGroup, signalGroup, startGroup, waitUntilReady } from '../../test/server-process.ts';
import { tempDir } from '../../test/temp-dir.ts';
import { buildApp } from '../app.ts';
import { readEnv } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { resolveConfig } from '../secrets.ts';
import { listTables } from './backup.repository.ts';
import { restoreDatabase } from './backup.ts';

const ROOT = join(import.meta.dirname, '../../..');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Only what a test sets: the machine's own DATA_DIR, DATABASE_URL or secrets must not leak in. */
function baseEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const { DATA_DIR: _d, DATABASE_URL: _u, SESSION_SECRET: _s, CARD_SIGNING_KEY: _k, SEED_DEMO: _seed, ...inherited } = process.env;
  return { ...inherited, LOG_LEVEL: 'silent', HOST: '127.0.0.1', PORT: '0', WEB_DIST: '/nonexistent', ...env };
}

function run(command: string, args: string[], env: Record<string, string>): Promise<Run> {
  const child = spawn(command, args, { cwd: ROOT, env: baseEnv(env) });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise<Run>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const bash = (script: string, env: Record<string, string>) => run('bash', ['-euo', 'pipefail', '-c', script], env);

/** `serve` until it is ready; its address, and a way to stop it as systemd does (SIGTERM to its group, exit 0). */
async function serve(env: Record<string, string>, nodeArgs: string[] = []): Promise<{ url: string; stop: () => Promise<void> }> {
  const port = await freePort();
  const server = startGroup(process.execPath, [...nodeArgs, 'server/bin/coopnet.js', 'serve'], { cwd: ROOT, env: baseEnv({ ...env, PORT: String(port) }) });
  try {
    await waitUntilReady(server, port);
  } catch (e) {
    killGroup(server);
    throw e;
  }
  return {
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      signalGroup(server, 'SIGTERM');
      expect((await server.exited).code, server.stderr()).toBe(0);
    },
  };
}

const temps: string[] = [];
const temp = (name: string) => {
  const dir = tempDir(name);
  temps.push(dir);
  return dir;
};
afterAll(() => temps.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** The guide's shell lines, with its paths standing for the test's: longest first, so /var/lib/coopnet-restored is not read as /var/lib/coopnet. */
function asTest(lines: string, paths: Record<string, string>): string {
  let out = lines;
  for (const from of Object.keys(paths).sort((a, b) => b.length - a.length)) out = out.split(from).join(paths[from]!);
  return out;
}

/** The command of the guide's nightly cron line: after its five times and its user, with cron's `\%` as `%`. */
function cronCommand(): string {
  const block = guideBlocks('Backups', 'sh').find((b) => b.includes('/etc/cron.d/coopnet'));
  const line = block?.split('\n').find((l) => /^\S+ \S+ \S+ \S+ \S+ \S+ /.test(l) && !l.startsWith('#'));
  if (!line) throw new Error('docs/operations.md "Backups" should have a cron line in a block for /etc/cron.d/coopnet');
  return line.split(' ').slice(6).join(' ').replace(/\\%/g, '%');
}

/** The one shell block of a section, or the one holding `marker`. */
function guideBlock(section: string, marker: string): string {
  const found = guideBlocks(section, 'sh').filter((b) => b.includes(marker));
  if (found.length !== 1) throw new Error(`docs/operations.md "${section}" should have one sh block with ${marker}`);
  return found[0]!;
}

async function tableNames(databaseUrl: string): Promise<string[]> {
  const handle = openDatabase(databaseUrl);
  try {
    return (await listTables(handle.db)).map((t) => t.name);
  } finally {
    await handle.close();
  }
}

async function json(res: Response): Promise<{ status: number; body: Record<string, unknown> }> {
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** Signs in over http; the cookie of the session. */
async function signInOver(url: string, email: string): Promise<string> {
  const res = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: PASSWORD }) });
  expect(res.status).toBe(200);
  return res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}

/** A copy of `file` as backups were before they said which secrets they need: no manifest table, no `secrets` in the header. */
function withoutSecrets(file: string, copy: string): void {
  if (readFileSync(file).subarray(0, 6).toString('latin1') === 'SQLite') {
    copyFileSync(file, copy);
    const db = new SQLite(copy);
    db.exec('drop table coopnet_backup');
    db.close();
    return;
  }
  const raw = readFileSync(file);
  const [header, ...rows] = (raw[0] === 0x1f ? gunzipSync(raw) : raw).toString('utf8').split('\n');
  const { secrets: _dropped, ...older } = JSON.parse(header!) as Record<string, unknown>;
  writeFileSync(copy, [JSON.stringify(older), ...rows].join('\n'));
}

const kidOf = (token: string) => {
  const read = credentials.readCard(token);
  if (!read.ok) throw new Error(read.detail);
  return credentials.kidToHex(read.card.kid);
};

/** A machine as `deploy/install.sh` leaves it: an empty data folder (0700) and the settings file, with a new SESSION_SECRET. */
interface Machine {
  dataDir: string;
  settingsFile: string;
  /** what the process environment adds: DATA_DIR as the unit sets it, and on PostgreSQL this machine's database */
  env: Record<string, string>;
  databaseUrl: string;
}

/** A settings file's lines as variables. */
function readSettings(file: string): Record<string, string> {
  const lines = readFileSync(file, 'utf8').split('\n').filter((l) => /^[A-Z_]+=/.test(l));
  return Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
}

/** The configuration the service would have: its settings file under the process environment. */
const serviceConfig = (m: Machine) => resolveConfig(readEnv(baseEnv({ ...readSettings(m.settingsFile), ...m.env })));

for (const dialect of DIALECTS) {
  describe(`restore keeps till tokens and cards working, as docs/operations.md says [${dialect}]`, () => {
    async function machine(name: string): Promise<Machine> {
      const root = temp(name);
      const dataDir = join(root, 'lib');
      mkdirSync(dataDir, { mode: 0o700 });
      const databaseUrl = dialect === 'sqlite' ? `sqlite:${join(dataDir, 'coopnet.db')}` : await freshDatabaseUrl('postgres');
      const settingsFile = join(root, 'coopnet.env');
      // As deploy/install.sh makes it: the example with a new SESSION_SECRET.
      const example = readFileSync(join(ROOT, 'deploy/coopnet.env.example'), 'utf8');
      writeFileSync(settingsFile, example.replace(/^SESSION_SECRET=$/m, `SESSION_SECRET=${randomBytes(32).toString('base64')}`), { mode: 0o640 });
      // On PostgreSQL each machine has its own database; the variable stands for setting DATABASE_URL in coopnet.env.
      return { dataDir, settingsFile, databaseUrl, env: { DATA_DIR: dataDir, ...(dialect === 'postgres' && { DATABASE_URL: databaseUrl }) } };
    }
    /** `coopnet <args>` as the guide runs it for the service: with its settings file. */
    const asService = (m: Machine, args: string[], env: Record<string, string> = {}) =>
      run(process.execPath, [`--env-file=${m.settingsFile}`, 'server/bin/coopnet.js', ...args], { ...m.env, ...env });

    const kept = temp('kept'); // apart from the backups, as the guide says
    const backups = temp('backups');
    const user = userInfo().username;
    const group = execFileSync('id', ['-gn'], { encoding: 'utf8' }).trim();
    let old: Machine;
    let backupFile: string;
    let world: { coopId: string; tillToken: string; card: string; kid: string; worker: string; cashier: string };
    /** the guide's paths and names on machine `m`, as this test has them; the test's user stands for the service's */
    const paths = (m: Machine): Record<string, string> => ({
      '/srv/coopnet': ROOT,
      '/etc/coopnet/coopnet.env': m.settingsFile,
      '/var/lib/coopnet': m.dataDir,
      '/var/backups/coopnet/2025-03-01.jsonl.gz': backupFile,
      '/var/backups/coopnet': backups,
      '/root/coopnet.env': join(kept, 'coopnet.env'),
      '/root/coopnet-secrets.json': join(kept, 'coopnet-secrets.json'),
      'sudo -u coopnet ': '',
      ' -o coopnet ': ` -o ${user} `,
      ' -g coopnet ': ` -g ${group} `,
    });
    /**
     * The guide's restore lines on machine `m`: as written, or without the
     * lines that put the secrets back. The start (systemctl) is the test's.
     */
    function restoreSteps(m: Machine, o: { secrets: boolean; flag?: string }): string {
      let lines = guideBlock('Restore', ' restore ')
        .split('\n')
        .filter((l) => !l.startsWith('sudo systemctl start'));
      if (!o.secrets) lines = lines.filter((l) => !l.startsWith('install '));
      let script = lines.join('\n');
      if (o.flag) script = script.replace(/( restore \S+)/, `$1 ${o.flag}`);
      return asTest(script, paths(m));
    }
    /** `serve` as the unit runs it on machine `m`: DATA_DIR and the settings file. */
    const startService = (m: Machine) => serve(m.env, [`--env-file=${m.settingsFile}`]);

    beforeAll(async () => {
      old = await machine('a');
      if (dialect === 'postgres') writeFileSync(old.settingsFile, `DATABASE_URL=${old.databaseUrl}\n`, { flag: 'a' });
      // A real network, as the guide starts one; the card key is made into secrets.json at this first start.
      expect((await asService(old, ['migrate'], { SEED_DEMO: 'false' })).code).toBe(0);
      const { app, deps } = await buildApp(serviceConfig(old));
      try {
        const coop = await makeCoop(deps, { name: 'Forn de la Plaça' });
        const cashier = await actorClient(deps, app, { coopId: coop.id, roles: [{ role: 'cashier', coopId: coop.id }] });
        const created = await cashier.client.post('/api/v1/auth/tokens', { name: 'Shop till', scopes: [`cashier:${coop.id}`] });
        expect(created.statusCode, created.body).toBe(201);
        const worker = await makePerson(deps, { coopId: coop.id, displayName: 'Amparo Ferrer' });
        const card = (await cardOf(app, worker.email)).token;
        world = { coopId: coop.id, tillToken: created.json().token as string, card, kid: kidOf(card), worker: worker.email, cashier: cashier.email };
      } finally {
        await app.close();
      }

      // Backups: the nightly cron line, and the secrets kept apart.
      const backedUp = await bash(asTest(cronCommand(), paths(old)), {});
      expect(backedUp.code, backedUp.stderr).toBe(0);
      expect(backedUp.stderr).not.toMatch(/cannot say which secrets/);
      const files = readdirSync(backups);
      expect(files).toHaveLength(1);
      backupFile = join(backups, files[0]!);
      const keptSecrets = await bash(asTest(guideBlock('Backups', 'secrets.json'), paths(old)), {});
      expect(keptSecrets.code, keptSecrets.stderr).toBe(0);
      for (const file of ['coopnet.env', 'coopnet-secrets.json']) expect(statSync(join(kept, file)).mode & 0o777, file).toBe(0o600);
    }, 180_000);

    it('refuses the restore without the old secrets, saying what would break and what to do, and changes nothing', async () => {
      const fresh = await machine('b');
      const settings = readFileSync(fresh.settingsFile, 'utf8');
      const refused = await bash(restoreSteps(fresh, { secrets: false }), fresh.env);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/session secret: this configuration's is not the backup's/);
      expect(refused.stderr).toMatch(/API token \(those of tills too\), invitation link and password-reset link .* stops working \(401\)/);
      expect(refused.stderr).toMatch(new RegExp(`card signing key: the backup's cards are signed with ${world.kid}; this configuration has no card signing key`));
      expect(refused.stderr).toMatch(/its secrets\.json into .*\/lib\/secrets\.json \(mode 0600\), and SESSION_SECRET or CARD_SIGNING_KEY as it set them \(the service: in \/etc\/coopnet\/coopnet\.env\)/);
      expect(refused.stderr).toMatch(/pass --new-secrets/);
      // Nothing made: no database, no secrets.json generated on the way, the settings as they were.
      expect(readdirSync(fresh.dataDir)).toEqual([]);
      expect(readFileSync(fresh.settingsFile, 'utf8')).toBe(settings);
      if (dialect === 'postgres') expect(await tableNames(fresh.databaseUrl)).toEqual([]);
    }, 120_000);

    it('restores per the guide on a new machine: the till token and the card made before the backup still work', async () => {
      const fresh = await machine('b');
      const restored = await bash(restoreSteps(fresh, { secrets: true }), fresh.env);
      expect(restored.code, restored.stderr).toBe(0);
      expect(restored.stdout).toMatch(/Integrity check: ok\./);
      expect(restored.stdout).toContain(`Secrets: this configuration has the backup's session secret and card signing key (${world.kid}).`);
      expect(statSync(join(fresh.dataDir, 'secrets.json')).mode & 0o777).toBe(0o600);

      const server = await startService(fresh);
      try {
        const till = { authorization: `Bearer ${world.tillToken}`, 'content-type': 'application/json' };
        const offers = await fetch(`${server.url}/api/v1/till/${world.coopId}/offers`, { headers: till });
        expect(offers.status).toBe(200);
        const checked = await json(await fetch(`${server.url}/api/v1/till/${world.coopId}/verify`, { method: 'POST', headers: till, body: JSON.stringify({ card: world.card }) }));
        expect(checked.status, JSON.stringify(checked.body)).toBe(200);
        expect(checked.body.holder).toMatchObject({ displayName: 'Amparo Ferrer', coopId: world.coopId });
        // The restored server publishes the key, and the app shows the member the very card they had.
        const keys = await json(await fetch(`${server.url}/.well-known/coopnet-keys.json`));
        expect((keys.body.keys as { kid: string; retiredAt: string | null }[]).filter((k) => !k.retiredAt).map((k) => k.kid)).toEqual([world.kid]);
        const cookie = await signInOver(server.url, world.worker);
        const mine = await json(await fetch(`${server.url}/api/v1/me/card`, { headers: { cookie } }));
        expect(mine.body.token).toBe(world.card);
      } finally {
        await server.stop();
      }
    }, 180_000);

    it('restores with --new-secrets when told, and then breaks what it said: the till token answers 401, renewed cards carry a new key', async () => {
      const fresh = await machine('c');
      const restored = await bash(restoreSteps(fresh, { secrets: false, flag: '--new-secrets' }), fresh.env);
      expect(restored.code, restored.stderr).toBe(0);
      expect(restored.stderr).toMatch(/Restoring with new secrets \(--new-secrets\):\n\s+- session secret[^\n]*\n\s+- card signing key/);
      expect(restored.stdout).toMatch(/Integrity check: ok\./);
      expect(restored.stdout).not.toMatch(/Secrets: this configuration has/);
      expect(existsSync(join(fresh.dataDir, 'secrets.json'))).toBe(false);

      const { app } = await buildApp(serviceConfig(fresh));
      try {
        const asTill = await app.inject({ method: 'GET', url: `/api/v1/till/${world.coopId}/offers`, headers: { authorization: `Bearer ${world.tillToken}` } });
        expect(asTill.statusCode).toBe(401);
        // Passwords are kept: the cashier signs in again, and the card signed before still verifies.
        const cashier = await signIn(app, world.cashier);
        expect((await cashier.post(`/api/v1/till/${world.coopId}/verify`, { card: world.card })).statusCode).toBe(200);
        const renewed = (await cardOf(app, world.worker)).token;
        expect(kidOf(renewed)).not.toBe(world.kid);
      } finally {
        await app.close();
      }
    }, 180_000);

    it('restores a backup from before backups said which secrets they need, warning that they cannot be checked', async () => {
      // On SQLite a backup file as the database file; on PostgreSQL JSON lines.
      const made = join(temp('old'), dialect === 'sqlite' ? 'made.db' : 'made.jsonl.gz');
      expect((await asService(old, ['backup', made])).code).toBe(0);
      const older = join(temp('old'), dialect === 'sqlite' ? 'old.db' : 'old.jsonl');
      withoutSecrets(made, older);
      const fresh = await machine('g');
      const restored = await asService(fresh, ['restore', older]);
      expect(restored.code, restored.stderr).toBe(0);
      expect(restored.stderr).toMatch(/This backup was made before backups said which secrets they need, so they cannot be checked/);
      expect(restored.stdout).toMatch(/Integrity check: ok\./);
    }, 120_000);

    it('restores into a database serve or migrate started once, and refuses one holding a co-op or a person', async () => {
      const served = await machine('d');
      const putBack = await bash(restoreSteps(served, { secrets: true }).split('\n').filter((l) => l.startsWith('install ')).join('\n'), {});
      expect(putBack.code, putBack.stderr).toBe(0);
      await (await startService(served)).stop();
      const afterServe = await asService(served, ['restore', backupFile]);
      expect(afterServe.code, afterServe.stderr).toBe(0);

      const migrated = await machine('e');
      expect((await asService(migrated, ['migrate'], { SEED_DEMO: 'false' })).code).toBe(0);
      const afterMigrate = openDatabase(migrated.databaseUrl);
      try {
        expect((await restoreDatabase(afterMigrate, backupFile)).problems).toEqual([]);
      } finally {
        await afterMigrate.close();
      }

      for (const [what, add] of [
        ['a co-op', 'coops: 1'],
        ['a person', 'people: 1'],
      ] as const) {
        const { app, deps } = await buildApp(serviceConfig(await machine('f')));
        try {
          if (what === 'a co-op') await makeCoop(deps);
          else await makePerson(deps);
          await expect(restoreDatabase({ db: deps.db, dialect: deps.dialect, close: async () => {} }, backupFile), what).rejects.toThrow(
            new RegExp(`not empty \\(${add}\\).*--force`),
          );
          const counts = await Promise.all((['coops', 'people', 'cards'] as const).map(async (t) => (await deps.db.selectFrom(t).select('id').execute()).length));
          expect(counts, what).toEqual(what === 'a co-op' ? [1, 0, 0] : [0, 1, 0]);
        } finally {
          await app.close();
        }
      }
    }, 240_000);
  });
}
