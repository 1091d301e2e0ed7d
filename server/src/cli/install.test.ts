/**
 * deploy/install.sh as an operator runs it, into a temporary prefix: it
 * builds the program, makes the folders and the settings file with their
 * modes and a new SESSION_SECRET, installs the systemd unit (which
 * `systemd-analyze verify` accepts) with only its paths, user and node
 * changed; the installed service command, with the installed settings, serves
 * and answers ready, and stops with exit 0 on SIGTERM. Run again, as an
 * upgrade, it replaces the program and keeps the data and the secrets. The
 * container image runs the same script.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, killGroup, lastLine, signalGroup, startGroup, waitUntilReady } from '../../test/server-process.ts';
import { readEnvironmentFile, readServiceUnit } from '../../test/systemd-unit.ts';
import { tempDir } from '../../test/temp-dir.ts';

const ROOT = join(import.meta.dirname, '../../..');
const SCRIPT = join(ROOT, 'deploy/install.sh');
const prefix = tempDir('install');
const prebuilds = tempDir('prebuilds');
afterAll(() => {
  for (const dir of [prefix, prebuilds]) rmSync(dir, { recursive: true, force: true });
});

const at = (path: string) => join(prefix, path);
const mode = (path: string) => statSync(at(path)).mode & 0o777;
const user = userInfo().username;

/**
 * better-sqlite3's install downloads a prebuilt binary from GitHub, or compiles for minutes without
 * it. This checkout's own build is offered as a local prebuild (prebuild-install's documented
 * `local_prebuilds` setting, as on a machine without access to GitHub); the rest of `npm ci` is real.
 */
function localPrebuild(): Record<string, string> {
  const pkg = join(ROOT, 'node_modules/better-sqlite3');
  const { version } = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')) as { version: string };
  const name = `better-sqlite3-v${version}-node-v${process.versions.modules}-${process.platform}-${process.arch}.tar.gz`;
  const packed = spawnSync('tar', ['-czf', join(prebuilds, name), '-C', pkg, 'build/Release/better_sqlite3.node']);
  expect(packed.status, packed.stderr.toString()).toBe(0);
  return { npm_config_better_sqlite3_local_prebuilds: prebuilds };
}

async function install(): Promise<{ code: number | null; output: string }> {
  const child = spawn('bash', [SCRIPT, '--prefix', prefix, '--user', user, '--local-postgresql'], {
    cwd: tmpdir(),
    env: { ...process.env, ...localPrebuild() },
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { code, output };
}

/** The guide's create-admin: as the service's user (here, the one running the test), with the service's settings. */
function createAdmin(): { email: string; password: string } {
  const email = 'secretaria@example.org';
  const made = spawnSync(
    'env',
    [
      `DATA_DIR=${at('var/lib/coopnet')}`,
      'node',
      `--env-file=${at('etc/coopnet/coopnet.env')}`,
      'server/bin/coopnet.js',
      'create-admin',
      '--email',
      email,
      '--name',
      'Secretaría',
    ],
    { cwd: at('srv/coopnet'), env: { PATH: process.env.PATH }, encoding: 'utf8' },
  );
  expect(made.status, made.stderr).toBe(0);
  const password = /one-time password:\s+(\S+)/.exec(made.stdout)?.[1];
  expect(password, made.stdout).toBeDefined();
  return { email, password: password! };
}

/**
 * The installed unit's command, run as systemd runs it: its folder, its Environment= and
 * EnvironmentFile=; the coordinator signs in.
 */
async function serveAsInstalled(coordinator: { email: string; password: string }): Promise<void> {
  const unit = readServiceUnit(at('etc/systemd/system/coopnet.service'));
  const settings = Object.assign({}, ...unit.environmentFiles.map((file) => readEnvironmentFile(file))) as Record<
    string,
    string
  >;
  // The one change: a free port instead of the example's 3000, which may be taken on this machine.
  const port = await freePort();
  const env = { PATH: process.env.PATH, ...unit.environment, ...settings, PORT: String(port) };
  const [command, ...args] = unit.execStart;
  const server = startGroup(command!, args, { cwd: unit.workingDirectory, env });
  try {
    await waitUntilReady(server, port);
    const page = await fetch(`http://127.0.0.1:${port}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<div id="root">/);
    const signIn = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(coordinator),
    });
    expect(signIn.status, await signIn.clone().text()).toBe(200);
    signalGroup(server, 'SIGTERM');
    expect(await server.exited, server.stderr()).toEqual({ code: 0, signal: null });
    expect(lastLine(server.stdout())).toMatchObject({ msg: 'stopped' });
  } finally {
    killGroup(server);
  }
}

describe('deploy/install.sh', () => {
  it('installs a service that serves and stops gracefully, and upgrades it keeping data and secrets', async () => {
    const first = await install();
    expect(first.code, first.output).toBe(0);

    expect(existsSync(at('srv/coopnet/web/dist/index.html'))).toBe(true);
    expect(existsSync(at('srv/coopnet/node_modules/vitest')), 'development dependencies pruned').toBe(false);
    expect(existsSync(at('srv/coopnet/node_modules/tsx'))).toBe(true);
    expect(existsSync(at('srv/coopnet.new'))).toBe(false);
    expect(mode('var/lib/coopnet')).toBe(0o700);
    expect(mode('var/backups/coopnet')).toBe(0o700);
    expect(mode('etc/coopnet')).toBe(0o750);
    expect(mode('etc/coopnet/coopnet.env')).toBe(0o640);
    const settings = readEnvironmentFile(at('etc/coopnet/coopnet.env'));
    expect(settings.SESSION_SECRET).toMatch(/^[\w-]{43}$/);
    const example = readEnvironmentFile(join(ROOT, 'deploy/coopnet.env.example'));
    expect({ ...settings, SESSION_SECRET: '' }).toEqual(example);

    // The installed unit is the repository's with only the paths, the user and the node changed.
    const installed = readFileSync(at('etc/systemd/system/coopnet.service'), 'utf8');
    const group = spawnSync('id', ['-gn', user]).stdout.toString().trim();
    const node = spawnSync('bash', ['-c', 'command -v node']).stdout.toString().trim();
    const asInRepository = installed
      .replaceAll(prefix, '')
      .replace(`ExecStart=${node} `, 'ExecStart=/usr/bin/node ')
      .replace(`User=${user}\n`, 'User=coopnet\n')
      .replace(`Group=${group}\n`, 'Group=coopnet\n');
    expect(asInRepository).toBe(readFileSync(join(ROOT, 'deploy/coopnet.service'), 'utf8'));
    expect(readFileSync(at('etc/systemd/system/coopnet.service.d/local-postgresql.conf'), 'utf8')).toMatch(
      /^Wants=postgresql\.service$/m,
    );
    // verify also reads the drop-in folder beside the unit; any warning is a failure too.
    const verify = spawnSync('systemd-analyze', ['verify', at('etc/systemd/system/coopnet.service')], {
      encoding: 'utf8',
    });
    expect({ status: verify.status, output: verify.stdout + verify.stderr }).toEqual({ status: 0, output: '' });

    const coordinator = createAdmin();
    await serveAsInstalled(coordinator);
    expect(mode('var/lib/coopnet/coopnet.db')).toBe(0o600);

    // The upgrade: the same script again.
    writeFileSync(at('srv/coopnet/left-by-the-old-version'), '');
    const second = await install();
    expect(second.code, second.output).toBe(0);
    expect(existsSync(at('srv/coopnet/left-by-the-old-version'))).toBe(false);
    expect(readEnvironmentFile(at('etc/coopnet/coopnet.env')).SESSION_SECRET).toBe(settings.SESSION_SECRET);
    expect(second.output).not.toMatch(/SESSION_SECRET/);
    await serveAsInstalled(coordinator);
  }, 600_000);
});

describe('the container image', () => {
  it('is built by the same install script, runs as its user with data in a volume, and stops with SIGTERM', () => {
    const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
    const run = /^RUN \/tmp\/coopnet-src\/deploy\/install\.sh((?: --[a-z-]+)*)/m.exec(dockerfile);
    expect(run, 'the Dockerfile runs deploy/install.sh').not.toBeNull();
    expect(dockerfile).toMatch(/^COPY \. \/tmp\/coopnet-src$/m);
    const help = spawnSync('bash', [SCRIPT, '--help'], { encoding: 'utf8' }).stdout;
    for (const option of run![1]!.trim().split(' ')) expect(help).toContain(`  ${option} `);
    expect(dockerfile).toMatch(/^USER coopnet$/m);
    expect(dockerfile).toMatch(/^VOLUME \/var\/lib\/coopnet$/m);
    expect(dockerfile).toMatch(/DATA_DIR=\/var\/lib\/coopnet/);
    expect(dockerfile).toMatch(/^STOPSIGNAL SIGTERM$/m);
    expect(dockerfile).toMatch(/^HEALTHCHECK .*\\\n.*\/api\/health\/ready/m);
    expect(dockerfile).toMatch(/^CMD \["node", "server\/bin\/coopnet\.js", "serve"\]$/m);

    const compose = readFileSync(join(ROOT, 'compose.yaml'), 'utf8');
    expect(compose).toMatch(/image: postgres:15/);
    expect(compose).toMatch(/depends_on:\n\s+db:\n\s+condition: service_healthy/);
    expect(compose).toMatch(/- db-data:\/var\/lib\/postgresql\/data/);
    expect(compose).toMatch(/- coopnet-data:\/var\/lib\/coopnet/);
  });
});
