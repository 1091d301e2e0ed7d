/**
 * A real nginx on loopback, running the server block that docs/operations.md
 * gives operators ("Behind a reverse proxy"), so what the guide says is what
 * is tested. nginx runs in the foreground with everything (pid, logs, temp
 * files) in its own temporary folder (temp-dir.ts), and is stopped by the test.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { connect, createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { tempDir } from './temp-dir.ts';

const OPERATIONS = new URL('../../docs/operations.md', import.meta.url);

/** The text of one `## heading` section of the operator's guide. */
export function guideSection(heading: string): string {
  const text = readFileSync(OPERATIONS, 'utf8');
  const start = text.indexOf(`\n## ${heading}\n`);
  if (start < 0) throw new Error(`docs/operations.md has no section "## ${heading}"`);
  const end = text.indexOf('\n## ', start + 1);
  return text.slice(start, end < 0 ? undefined : end);
}

/** The fenced blocks of a kind (```nginx, ```sh) in a section of the guide, also those indented in a list. */
export function guideBlocks(heading: string, kind: string): string[] {
  return [...guideSection(heading).matchAll(new RegExp('^( *)```' + kind + '\\n([\\s\\S]*?)^\\1```', 'gm'))].map((m) =>
    m[2]!.replace(new RegExp(`^${m[1]}`, 'gm'), ''),
  );
}

function findNginx(): string {
  const candidates = process.env.NGINX_PATH ? [process.env.NGINX_PATH] : ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/bin/nginx'];
  const found = candidates.find((c) => existsSync(c));
  if (!found) {
    throw new Error('nginx is needed to test the reverse-proxy setup of docs/operations.md: apt-get install nginx (or set NGINX_PATH)');
  }
  return found;
}

/** The documented server block, listening on plain http on loopback and passing to Coopnet's port. */
export function onLoopback(block: string, listenPort: number, coopnetPort: number): string {
  const lines = block.split('\n').filter((line) => !/\bssl_|^\s*http2\b/.test(line));
  const listens = lines.filter((line) => /^\s*listen\s/.test(line)).length;
  const passes = lines.filter((line) => /^\s*proxy_pass\s+http:\/\/127\.0\.0\.1:\d+;/.test(line)).length;
  if (listens !== 1 || passes !== 1) {
    throw new Error(`the nginx block of docs/operations.md should have one listen and one proxy_pass http://127.0.0.1:<port>; line (has ${listens} and ${passes})`);
  }
  return lines
    .map((line) => line.replace(/^(\s*)listen\s[^;]*;/, `$1listen 127.0.0.1:${listenPort};`))
    .map((line) => line.replace(/(proxy_pass\s+http:\/\/127\.0\.0\.1:)\d+;/, `$1${coopnetPort};`))
    .join('\n');
}

/** A port nobody listens on right now. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

async function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port }, () => {
      socket.end();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });
}

export interface RunningNginx {
  /** the port each given server block listens on, in the same order */
  ports: number[];
  stop(): Promise<void>;
}

/** Starts nginx with these server blocks, each passing to the Coopnet on `coopnetPort`. */
export async function startNginx(servers: { block: string; coopnetPort: number }[]): Promise<RunningNginx> {
  const nginx = findNginx();
  const dir = tempDir('nginx');
  // nginx's workers run as an unprivileged user when the tests run as root: they must reach the temp folders.
  chmodSync(dir, 0o755);
  const ports = await Promise.all(servers.map(() => freePort()));
  const conf = join(dir, 'nginx.conf');
  writeFileSync(
    conf,
    [
      `pid ${dir}/nginx.pid;`,
      `error_log ${dir}/error.log warn;`,
      'worker_processes 1;',
      'events { worker_connections 64; }',
      'http {',
      '  access_log off;',
      ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `  ${t}_temp_path ${dir}/${t}_temp;`),
      ...servers.map((s, i) => onLoopback(s.block, ports[i]!, s.coopnetPort)),
      '}',
    ].join('\n'),
  );
  const child: ChildProcess = spawn(nginx, ['-p', `${dir}/`, '-c', conf, '-e', `${dir}/error.log`, '-g', 'daemon off;'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  for (let tries = 0; ; tries++) {
    if (child.exitCode !== null) {
      const log = existsSync(join(dir, 'error.log')) ? readFileSync(join(dir, 'error.log'), 'utf8') : '';
      await stop();
      throw new Error(`nginx did not start:\n${stderr}${log}`);
    }
    if ((await Promise.all(ports.map(accepts))).every(Boolean)) return { ports, stop };
    if (tries > 100) {
      await stop();
      throw new Error(`nginx did not listen within 10 s:\n${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
