/**
 * A stop sent to the whole process group — systemd's SIGTERM to the service,
 * Ctrl-C in a terminal — lets `coopnet serve` finish the requests in flight
 * and exit 0, with `stopped` as the last line of its log: under `npm start`
 * (npm, and the server it runs, both get the signal; npm passes it on once
 * more) and as the systemd unit's ExecStart runs it, on SQLite and on
 * PostgreSQL. A person's second Ctrl-C, later, still stops it at once.
 */
import { rmSync } from 'node:fs';
import http from 'node:http';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DIALECTS, dropDatabases, freshDatabaseUrl } from '../../test/harness.ts';
import {
  type ServerProcess,
  freePort,
  killGroup,
  lastLine,
  logLines,
  signalGroup,
  startGroup,
  waitFor,
  waitUntilReady,
} from '../../test/server-process.ts';
import { readServiceUnit } from '../../test/systemd-unit.ts';
import { tempDir } from '../../test/temp-dir.ts';
import { DEMO_PASSWORD } from '../modules/demo/index.ts';
import { SAME_STOP_MS } from './graceful-stop.ts';

const ROOT = join(import.meta.dirname, '../../..');
/** Four of the demo's logins, one sign-in of each in flight when the stop comes. */
const LOGINS = [
  'marta.soler@codi-comu.example',
  'noelia.saez@ecomercat-de-benimaclet.example',
  'vicent.llopis@forn-de-la-placa.example',
  'amina.elidrissi@forn-de-la-placa.example',
];

interface Command {
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
}

/** The environment a person's shell gives, without SEED_DEMO: the demo's default is what `npm start` promises. */
function shellEnv(): NodeJS.ProcessEnv {
  const { SEED_DEMO: _unset, ...env } = process.env;
  return env;
}

const COMMANDS: Record<string, () => Command> = {
  // --ignore-scripts skips the `prestart` build of the web app (the server runs without it, WEB_DIST
  // below is absent); `start` itself still runs, as npm runs it.
  'npm start': () => ({ command: 'npm', args: ['start', '--ignore-scripts'], env: shellEnv() }),
  // The unit's own command line and Environment=, with systemd's bare environment; its node is the
  // one running these tests (deploy/install.sh writes the node it installed with there), and its
  // WorkingDirectory, the installed copy of the checkout, is this checkout.
  'the systemd unit': () => {
    const unit = readServiceUnit(join(ROOT, 'deploy/coopnet.service'));
    const [, ...args] = unit.execStart;
    return { command: process.execPath, args, env: { PATH: process.env.PATH, ...unit.environment } };
  },
};

const temps: string[] = [];
const databases: string[] = [];
afterAll(async () => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
  await dropDatabases(databases);
});

async function start(
  command: Command,
  dialect: 'sqlite' | 'postgres',
): Promise<{ server: ServerProcess; port: number }> {
  const dataDir = tempDir('stop');
  temps.push(dataDir);
  const databaseUrl = dialect === 'postgres' ? await freshDatabaseUrl('postgres') : undefined;
  if (databaseUrl) databases.push(databaseUrl);
  const port = await freePort();
  const env = {
    ...command.env,
    DATA_DIR: dataDir,
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    HOST: '127.0.0.1',
    PORT: String(port),
    LOG_LEVEL: 'info',
    WEB_DIST: join(dataDir, 'no-web-build'),
  };
  const server = startGroup(command.command, command.args, { cwd: ROOT, env });
  await waitUntilReady(server, port);
  return { server, port };
}

/** The server's answer; status 0 when there was none (the connection was cut). */
interface Answer {
  status: number;
  body: string;
  connection: string | undefined;
  cookies: string[];
}

/** POST /api/v1/auth/login with its body sent in two parts: the request is in flight until finish(). */
function slowLogin(port: number, agent: http.Agent, email: string): { answer: Promise<Answer>; finish: () => void } {
  const body = JSON.stringify({ email, password: DEMO_PASSWORD });
  const half = Math.floor(body.length / 2);
  const request = http.request({
    host: '127.0.0.1',
    port,
    path: '/api/v1/auth/login',
    method: 'POST',
    agent,
    headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
  });
  const answer = new Promise<Answer>((resolve) => {
    request.on('error', (e) =>
      resolve({ status: 0, body: `no answer: ${e.message}`, connection: undefined, cookies: [] }),
    );
    request.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (text += d));
      res.on('end', () =>
        resolve({
          status: res.statusCode!,
          body: text,
          connection: res.headers.connection,
          cookies: res.headers['set-cookie'] ?? [],
        }),
      );
    });
  });
  request.write(body.slice(0, half));
  return { answer, finish: () => request.end(body.slice(half)) };
}

/** A GET answered and its connection kept open, idle. */
async function idleConnection(port: number, agent: http.Agent): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: '/api/health/live', agent }, (res) => res.resume().on('end', resolve))
      .on('error', reject);
  });
}

const loginsArrived = (server: ServerProcess, count: number) => () =>
  logLines(server.stdout()).filter(
    (l) => l.msg === 'incoming request' && (l.req as { url?: string }).url === '/api/v1/auth/login',
  ).length === count;
const stoppingLines = (server: ServerProcess) =>
  logLines(server.stdout()).filter((l) => String(l.msg).startsWith('stopping:'));

for (const [name, command] of Object.entries(COMMANDS)) {
  for (const dialect of DIALECTS) {
    describe(`${name} stopped by SIGTERM to its process group [${dialect}]`, () => {
      it('finishes the requests in flight with their answers, logs stopped last and exits 0', async () => {
        const { server, port } = await start(command(), dialect);
        try {
          // An idle keep-alive connection, which must not hold the stop open.
          await idleConnection(port, new http.Agent({ keepAlive: true }));
          const agent = new http.Agent({ keepAlive: true });
          const logins = LOGINS.map((email) => slowLogin(port, agent, email));
          await waitFor(server, 'the sign-ins reaching the server', loginsArrived(server, LOGINS.length));

          const signalled = Date.now();
          signalGroup(server, 'SIGTERM');
          await waitFor(server, 'the stop to begin', () => stoppingLines(server).length > 0);
          await new Promise((r) => setTimeout(r, 300));
          for (const login of logins) login.finish();

          const answers = await Promise.all(logins.map((l) => l.answer));
          answers.forEach((answer, i) => {
            expect(answer.status, answer.body).toBe(200);
            expect((JSON.parse(answer.body) as { person: { email: string } }).person.email).toBe(LOGINS[i]);
            expect(answer.cookies.join(' ')).toMatch(/coopnet_session=/);
            expect(answer.connection).toBe('close');
          });
          expect(await server.exited, server.stderr()).toEqual({ code: 0, signal: null });
          // Well within the unit's TimeoutStopSec (30 s), after which systemd would kill it.
          expect(Date.now() - signalled).toBeLessThan(20_000);
          expect(stoppingLines(server)).toHaveLength(1);
          expect(lastLine(server.stdout())).toMatchObject({ msg: 'stopped', signal: 'SIGTERM' });
        } finally {
          killGroup(server);
        }
      }, 180_000);
    });
  }
}

describe('a person pressing Ctrl-C twice', () => {
  it('stops at once on the second, later press, cutting the request in flight, with exit status 1', async () => {
    const { server, port } = await start(COMMANDS['the systemd unit']!(), 'sqlite');
    try {
      const login = slowLogin(port, new http.Agent({ keepAlive: true }), LOGINS[0]!);
      await waitFor(server, 'the sign-in reaching the server', loginsArrived(server, 1));
      signalGroup(server, 'SIGINT');
      await waitFor(server, 'the stop to begin', () => stoppingLines(server).length > 0);
      await new Promise((r) => setTimeout(r, SAME_STOP_MS + 200));
      signalGroup(server, 'SIGINT');
      expect(await server.exited).toEqual({ code: 1, signal: null });
      expect((await login.answer).status).toBe(0);
      expect(lastLine(server.stdout())).toMatchObject({
        msg: 'stopping at once: requests in flight are cut',
        signal: 'SIGINT',
      });
    } finally {
      killGroup(server);
    }
  }, 120_000);
});
