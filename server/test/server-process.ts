/**
 * A Coopnet server run as a service manager runs it: a separate process in its
 * own process group (`detached`), stopped by a signal to the whole group, its
 * stdout kept line by line.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ServerProcess {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<Exit>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** `command args` in cwd with exactly `env`, leading its own process group. */
export function startGroup(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
): ServerProcess {
  const child = spawn(command, args, { ...options, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<Exit>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve({ code, signal }));
  });
  return { child, stdout: () => stdout, stderr: () => stderr, exited };
}

/** Sends `signal` to every process of the server's group, as systemd and Ctrl-C do. */
export function signalGroup(server: ServerProcess, signal: NodeJS.Signals): void {
  process.kill(-server.child.pid!, signal);
}

/** Kills what is left of the group, for clean-up after a failed test. */
export function killGroup(server: ServerProcess): void {
  try {
    process.kill(-server.child.pid!, 'SIGKILL');
  } catch {
    // already gone
  }
}

/** Waits until `check` holds, failing early with the server's output if it exits first. */
export async function waitFor(
  server: ServerProcess,
  what: string,
  check: () => boolean | Promise<boolean>,
  timeoutMs = 90_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exit: Exit | null = null;
  void server.exited.then((e) => (exit = e));
  while (!(await check())) {
    if (exit)
      throw new Error(
        `the server exited (${JSON.stringify(exit)}) while waiting for ${what}:\n${server.stderr()}\n${server.stdout().slice(-2000)}`,
      );
    if (Date.now() > deadline)
      throw new Error(
        `waited ${timeoutMs / 1000} s in vain for ${what}:\n${server.stderr()}\n${server.stdout().slice(-2000)}`,
      );
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Waits until GET /api/health/ready answers 200. */
export async function waitUntilReady(server: ServerProcess, port: number): Promise<void> {
  await waitFor(server, 'readiness', async () => {
    try {
      return (await fetch(`http://127.0.0.1:${port}/api/health/ready`)).status === 200;
    } catch {
      return false;
    }
  });
}

/** The JSON log lines among stdout's lines (others are the start's prints). */
export function logLines(stdout: string): Record<string, unknown>[] {
  return stdout
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** The last line the server wrote on stdout, parsed when it is JSON. */
export function lastLine(stdout: string): unknown {
  const line = stdout.trimEnd().split('\n').at(-1) ?? '';
  try {
    return JSON.parse(line);
  } catch {
    return line;
  }
}
