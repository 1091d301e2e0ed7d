/** What the benchmarks share: servers in their own processes, and load from autocannon. */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import autocannon, { type Options as LoadOptions } from 'autocannon';

export const BENCH_DIR = dirname(fileURLToPath(import.meta.url));

export interface Measurement {
  subject: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  /** server CPU time per request (user + system), steadier than requests/s on a busy machine; null where /proc is missing */
  cpuUsPerRequest: number | null;
  /** connection errors, timeouts and non-2xx answers: a run with any is not a fair measurement */
  failures: number;
}

export interface BenchResult {
  name: string;
  measurements: Measurement[];
  /** what is compared, e.g. "app / bare requests per second" */
  ratioOf: string;
  ratio: number;
  target: number;
  passed: boolean;
  /** further findings printed under the table */
  notes?: string[];
  /** a table of its own (a header row, then rows), printed instead of the measurements' */
  table?: string[][];
}

export interface Benchmark {
  name: string;
  run(): Promise<BenchResult>;
}

export interface RunningServer {
  port: number;
  /** CPU seconds the server process has used so far, or null */
  cpuSeconds(): number | null;
  stop(): Promise<void>;
}

/**
 * Starts `bench/servers/<script>` in its own Node process (so the server and
 * the load generator do not share an event loop) and waits for its port.
 * With BENCH_CPU_PROF=<folder> in the environment, each server writes CPU
 * profiles into `<folder>/<script>/` when it stops (for Chrome's DevTools or
 * any .cpuprofile reader).
 */
export async function startServer(script: string, env: Record<string, string>): Promise<RunningServer> {
  const profileDir = process.env.BENCH_CPU_PROF;
  // One folder per server script; Node names the files (the main thread's has `.0.` for its thread id).
  const profile = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${join(profileDir, script.replace(/\.ts$/, ''))}`] : [];
  const child: ChildProcess = spawn(process.execPath, [...profile, '--import', 'tsx', join(BENCH_DIR, 'servers', script)], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      const m = line.match(/^listening (\d+)$/);
      if (m) resolve(Number(m[1]));
      // Anything else a server prints (its warnings and errors) would explain a failure: pass it on.
      else process.stderr.write(`[${script}] ${line}\n`);
    });
    child.on('exit', (code) => reject(new Error(`${script} exited with ${code} before listening`)));
  });
  return {
    port,
    cpuSeconds: () => {
      try {
        // Fields 14 and 15 of /proc/<pid>/stat: user and system time in clock ticks (100 a second on Linux).
        const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
        return (Number(fields[11]) + Number(fields[12])) / 100;
      } catch {
        return null;
      }
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** A request other than a plain GET: its method and headers, and what changes from one request to the next. */
export interface LoadRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  headers?: Record<string, string>;
  /** called before every request: its body and the headers to add (e.g. a fresh Idempotency-Key) */
  next?: () => { body?: string; headers?: Record<string, string> };
}

function loadOptions(url: string, connections: number, duration: number, request?: LoadRequest): LoadOptions {
  if (!request) return { url, connections, duration };
  const next = request.next;
  return {
    url,
    connections,
    duration,
    method: request.method,
    headers: request.headers,
    requests: next
      ? [
          {
            setupRequest: (req) => {
              const n = next();
              // autocannon hands each call a fresh copy of the headers, so adding to them is safe.
              return { ...req, body: n.body, headers: { ...req.headers, ...n.headers } };
            },
          },
        ]
      : undefined,
  };
}

/**
 * Measures servers against each other: each is warmed up, then they take
 * turns under `connections` concurrent clients for `rounds` windows each, so
 * a burst of other work on the machine falls on both rather than on one.
 */
export async function compare(
  subjects: { subject: string; server: RunningServer; path: string; request?: LoadRequest }[],
  o: { connections?: number; warmupSeconds?: number; seconds?: number; rounds?: number } = {},
): Promise<Measurement[]> {
  const connections = o.connections ?? 10;
  const url = (s: { server: RunningServer; path: string }) => `http://127.0.0.1:${s.server.port}${s.path}`;
  for (const s of subjects) await autocannon(loadOptions(url(s), connections, o.warmupSeconds ?? 2, s.request));
  const totals = subjects.map(() => ({ requests: 0, seconds: 0, p50: 0, p99: 0, failures: 0, cpu: 0 as number | null }));
  for (let round = 0; round < (o.rounds ?? 2); round++) {
    for (const [i, s] of subjects.entries()) {
      const t = totals[i]!;
      const cpuBefore = s.server.cpuSeconds();
      const r = await autocannon(loadOptions(url(s), connections, o.seconds ?? 4, s.request));
      const cpuAfter = s.server.cpuSeconds();
      t.requests += r.requests.total;
      t.seconds += r.duration;
      t.p50 = Math.max(t.p50, r.latency.p50);
      t.p99 = Math.max(t.p99, r.latency.p99);
      t.failures += r.errors + r.timeouts + r.non2xx;
      t.cpu = cpuBefore === null || cpuAfter === null || t.cpu === null ? null : t.cpu + (cpuAfter - cpuBefore);
    }
  }
  return subjects.map((s, i) => {
    const t = totals[i]!;
    return {
      subject: s.subject,
      requestsPerSecond: Math.round(t.requests / t.seconds),
      p50Ms: t.p50,
      p99Ms: t.p99,
      requests: t.requests,
      cpuUsPerRequest: t.cpu === null || t.requests === 0 ? null : Math.round((t.cpu * 1e6) / t.requests),
      failures: t.failures,
    };
  });
}
