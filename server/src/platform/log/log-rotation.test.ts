/**
 * The guide's "Logs" section, run: a server started as it says, its output
 * appended to a file, rotated by a real logrotate with the guide's block
 * (copytruncate); the old lines are in the rotated file and the server goes on
 * at the start of the emptied one. Its journald settings are journald's own,
 * and compose.yaml rotates the container's log as the guide says.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { guideBlocks, guideSection } from '../../../test/nginx.ts';
import { tempDir } from '../../../test/temp-dir.ts';

const ROOT = join(import.meta.dirname, '../../../..');
const SECTION = 'Logs';
const DOCUMENTED_LOG = '/var/log/coopnet/coopnet.log';

function findLogrotate(): string {
  const found = ['/usr/sbin/logrotate', '/usr/bin/logrotate', '/sbin/logrotate'].find((c) => existsSync(c));
  if (!found)
    throw new Error('logrotate is needed to test the log rotation of docs/operations.md: apt-get install logrotate');
  return found;
}

const dirs: string[] = [];
let server: ChildProcess | undefined;
afterAll(async () => {
  if (server && server.exitCode === null) {
    server.kill('SIGTERM');
    await new Promise((resolve) => server!.once('exit', resolve));
  }
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

async function until<T>(what: string, probe: () => T | undefined, ms = 60_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const lines = (text: string) => text.split('\n').filter(Boolean);

describe('log rotation as the guide says', () => {
  it('logrotate with copytruncate keeps the old lines and the server writes on at the start of the emptied file', async () => {
    const logrotate = findLogrotate();
    const [block, ...more] = guideBlocks(SECTION, 'logrotate');
    expect(block, 'the guide has a logrotate block').toBeDefined();
    expect(more).toEqual([]);
    expect(block).toContain(DOCUMENTED_LOG);
    const startLine = /`(node server\/bin\/coopnet\.js serve >> \S+ 2>&1)`/.exec(guideSection(SECTION))?.[1];
    expect(startLine, 'the guide says how to start the server into a file').toBeTruthy();

    const dir = tempDir('logrotate');
    dirs.push(dir);
    const log = join(dir, 'coopnet.log');
    const config = join(dir, 'coopnet.logrotate');
    writeFileSync(config, block!.replaceAll(DOCUMENTED_LOG, log));

    // The server as the guide starts it, its output appended to the file.
    server = spawn('sh', ['-c', `exec ${startLine!.replace(DOCUMENTED_LOG, '"$COOPNET_LOG"')}`], {
      cwd: ROOT,
      env: {
        ...process.env,
        COOPNET_LOG: log,
        DATA_DIR: join(dir, 'data'),
        HOST: '127.0.0.1',
        PORT: '0',
        SEED_DEMO: 'false',
        LOG_LEVEL: 'info',
        WEB_DIST: '/nonexistent',
      },
      stdio: 'ignore',
    });
    const url = await until('the server to start', () => {
      const serving = existsSync(log)
        ? /"url":"(http:\/\/127\.0\.0\.1:\d+)".*"msg":"Coopnet is serving/.exec(readFileSync(log, 'utf8'))
        : null;
      return serving?.[1];
    });
    const logged = (marker: string, file: string) => () =>
      readFileSync(file, 'utf8').includes(marker) ? true : undefined;
    expect((await fetch(`${url}/api/v1/network?before=rotation`)).status).toBe(200);
    await until('the request before rotating', logged('before=rotation', log));

    const debug = spawnSync(logrotate, ['--debug', '--state', join(dir, 'state'), config], { encoding: 'utf8' });
    expect(debug.status, debug.stderr).toBe(0);
    expect(debug.stderr + debug.stdout).not.toMatch(/error/i);
    const rotated = spawnSync(logrotate, ['--force', '--state', join(dir, 'state'), config], { encoding: 'utf8' });
    expect(rotated.status, rotated.stderr).toBe(0);

    expect((await fetch(`${url}/api/v1/network?after=rotation`)).status).toBe(200);
    await until('the request after rotating', logged('after=rotation', log));

    const old = readFileSync(`${log}.1`, 'utf8');
    expect(old).toContain('before=rotation');
    expect(old).toMatch(/"msg":"Coopnet is serving/);
    expect(old).not.toContain('after=rotation');
    const current = readFileSync(log, 'utf8');
    // Appended, so written from the start of the emptied file: no hole of zeros where the old lines were.
    expect(current.startsWith('{')).toBe(true);
    expect(current).not.toContain('\0');
    for (const line of lines(current)) expect(() => JSON.parse(line), line).not.toThrow();
    expect(current).toContain('after=rotation');
    expect(current).not.toContain('before=rotation');
  }, 120_000);

  it('the journald settings are journald’s own and their values parse', () => {
    const [block] = guideBlocks(SECTION, 'ini');
    expect(block).toMatch(/^\[Journal\]$/m);
    const settings = [...block!.matchAll(/^(\w+)=(.*)$/gm)].map((m) => [m[1]!, m[2]!] as const);
    expect(settings.map(([k]) => k)).toEqual(['SystemMaxUse', 'MaxRetentionSec']);
    // The machine's journald.conf lists every setting journald knows, commented out with its default.
    const known = readFileSync('/etc/systemd/journald.conf', 'utf8');
    for (const [key, value] of settings) {
      expect(known, key).toMatch(new RegExp(`^#?${key}=`, 'm'));
      if (key === 'SystemMaxUse') expect(value).toMatch(/^\d+[KMGT]?$/);
      else {
        const span = spawnSync('systemd-analyze', ['timespan', value], { encoding: 'utf8' });
        expect(span.status, span.stderr).toBe(0);
      }
    }
  });

  it('compose.yaml rotates the container’s log as the guide says', () => {
    const compose = readFileSync(join(ROOT, 'compose.yaml'), 'utf8');
    expect(compose).toMatch(
      /\n {4}logging:\n {6}driver: json-file\n {6}options:\n {8}max-size: 10m\n {8}max-file: '5'\n/,
    );
    const section = guideSection(SECTION);
    expect(section).toContain('`max-size: 10m`, `max-file: "5"`');
    expect(section).toContain('--log-opt max-size=10m --log-opt max-file=5');
  });
});
