/**
 * What a monitor asks of a running server: is the process alive
 * (`/api/health/live`), can it serve (`/api/health/ready`: the database
 * answers and every migration this code knows is applied), and how is it doing
 * (`/metrics`, Prometheus text format 0.0.4). The metrics are kept in this
 * process, per app, and never leave it unless asked from this machine or with
 * METRICS_TOKEN; anyone else is told there is no such page.
 */
import { sql } from 'kysely';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../db/database.ts';
import { knownMigrations } from '../db/migrate.ts';
import { countOutboxByState } from './mail/outbox.repository.ts';
import { sameSecret } from './tokens.ts';

/** A probe that takes longer than this counts as failed: a monitor must get an answer. */
export const PROBE_TIMEOUT_MS = 2000;

/** Paths that monitors and scanners try; they get a 404, never the web app's page. */
const OPERATIONAL_PATHS = ['/health', '/healthz', '/livez', '/readyz', '/metrics', '/.well-known'];

/** Whether `url` is an operational path (or below one), which the web app's fallback must not answer. */
export function isOperationalPath(url: string): boolean {
  const path = url.split('?')[0]!.replace(/\/+$/, '') || '/';
  return OPERATIONAL_PATHS.some((p) => path === p || path.startsWith(`${p}/`));
}

/** Request durations, in seconds, that the histogram counts up to. */
const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const TILL_SYNC_ROUTE = '/api/v1/till/:coopId/redemptions/sync';

interface Histogram {
  counts: number[];
  sum: number;
  count: number;
}

/** The counters of one app; the governance clock reports its ticks through `governanceTick`. */
export class Metrics {
  readonly requests = new Map<string, number>();
  readonly durations = new Map<string, Histogram>();
  readonly errors = new Map<string, number>();
  tillSyncs = 0;
  governanceTicks = { ok: 0, failed: 0 };
  /** Unix time in seconds of the last governance tick that finished, 0 before the first. */
  lastGovernanceTick = 0;
  fundTicks = { ok: 0, failed: 0 };

  observe(method: string, route: string, status: number, seconds: number): void {
    const key = labels({ method, route, status: String(status) });
    this.requests.set(key, (this.requests.get(key) ?? 0) + 1);
    const byRoute = labels({ method, route });
    let h = this.durations.get(byRoute);
    if (!h) this.durations.set(byRoute, (h = { counts: BUCKETS.map(() => 0), sum: 0, count: 0 }));
    for (let i = 0; i < BUCKETS.length; i++) if (seconds <= BUCKETS[i]!) h.counts[i]!++;
    h.sum += seconds;
    h.count++;
    if (status >= 500) this.errors.set(byRoute, (this.errors.get(byRoute) ?? 0) + 1);
    if (method === 'POST' && route === TILL_SYNC_ROUTE) this.tillSyncs++;
  }

  governanceTick(ok: boolean): void {
    this.governanceTicks[ok ? 'ok' : 'failed']++;
    this.lastGovernanceTick = Date.now() / 1000;
  }

  /** The fund's clock reports its ticks here: failed when one of its jobs failed. */
  fundTick(ok: boolean): void {
    this.fundTicks[ok ? 'ok' : 'failed']++;
  }
}

const escapeLabel = (v: string) => v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
function labels(pairs: Record<string, string>): string {
  return Object.entries(pairs)
    .map(([k, v]) => `${k}="${escapeLabel(v)}"`)
    .join(',');
}
const num = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(6));

/** The exposition text: `# HELP`, `# TYPE`, then one `name{labels} value` line per series. */
export function renderMetrics(m: Metrics, outbox: { queued: number; sent: number; failed: number } | null): string {
  const out: string[] = [];
  const head = (name: string, type: string, help: string) => out.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);

  head('coopnet_http_requests_total', 'counter', 'HTTP requests answered, by method, route pattern and status.');
  for (const [key, n] of m.requests) out.push(`coopnet_http_requests_total{${key}} ${n}`);

  head('coopnet_http_request_duration_seconds', 'histogram', 'Time to answer HTTP requests, by method and route pattern.');
  for (const [key, h] of m.durations) {
    BUCKETS.forEach((le, i) => out.push(`coopnet_http_request_duration_seconds_bucket{${key},le="${le}"} ${h.counts[i]}`));
    out.push(`coopnet_http_request_duration_seconds_bucket{${key},le="+Inf"} ${h.count}`);
    out.push(`coopnet_http_request_duration_seconds_sum{${key}} ${num(h.sum)}`);
    out.push(`coopnet_http_request_duration_seconds_count{${key}} ${h.count}`);
  }

  head('coopnet_http_errors_total', 'counter', 'HTTP requests answered with a 5xx, by method and route pattern.');
  for (const [key, n] of m.errors) out.push(`coopnet_http_errors_total{${key}} ${n}`);

  head('coopnet_till_syncs_total', 'counter', 'Offline sales sync requests from tills (POST .../redemptions/sync).');
  out.push(`coopnet_till_syncs_total ${m.tillSyncs}`);

  head('coopnet_governance_ticks_total', 'counter', 'Runs of the governance clock (closing due votes, sending reminders), by outcome.');
  out.push(`coopnet_governance_ticks_total{outcome="ok"} ${m.governanceTicks.ok}`);
  out.push(`coopnet_governance_ticks_total{outcome="failed"} ${m.governanceTicks.failed}`);
  head('coopnet_governance_last_tick_timestamp_seconds', 'gauge', 'Unix time the governance clock last finished a run; 0 before its first.');
  out.push(`coopnet_governance_last_tick_timestamp_seconds ${num(m.lastGovernanceTick)}`);
  head('coopnet_fund_ticks_total', 'counter', 'Runs of the fund clock (fast-track reminders, arrears alerts, contribution reminders), by outcome.');
  out.push(`coopnet_fund_ticks_total{outcome="ok"} ${m.fundTicks.ok}`);
  out.push(`coopnet_fund_ticks_total{outcome="failed"} ${m.fundTicks.failed}`);

  head('coopnet_database_up', 'gauge', 'Whether the database answered this scrape (1) or not (0).');
  out.push(`coopnet_database_up ${outbox ? 1 : 0}`);
  if (outbox) {
    head('coopnet_mail_outbox', 'gauge', 'Mail in the outbox by state: queued (to send), sent, failed (given up after the last attempt).');
    for (const state of ['queued', 'sent', 'failed'] as const) out.push(`coopnet_mail_outbox{state="${state}"} ${outbox[state]}`);
  }

  head('process_uptime_seconds', 'gauge', 'Seconds since the server process started.');
  out.push(`process_uptime_seconds ${num(process.uptime())}`);
  return `${out.join('\n')}\n`;
}

/** Runs `work`, failing it when it takes longer than PROBE_TIMEOUT_MS. */
async function withinTimeout<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timed out')), PROBE_TIMEOUT_MS);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

export type Readiness = { database: 'ok' | 'unreachable'; migrations: 'current' | 'pending' | 'unknown'; pending?: string[] };

/** Asks the database itself: a trivial query, then which migrations it has applied. */
export async function checkReadiness(db: Db): Promise<Readiness> {
  try {
    await withinTimeout(sql`select 1 as one`.execute(db));
  } catch {
    return { database: 'unreachable', migrations: 'unknown' };
  }
  try {
    const { rows } = await withinTimeout(sql<{ name: string }>`select name from kysely_migration`.execute(db));
    const applied = new Set(rows.map((r) => r.name));
    const pending = knownMigrations().filter((name) => !applied.has(name));
    return pending.length === 0 ? { database: 'ok', migrations: 'current' } : { database: 'ok', migrations: 'pending', pending };
  } catch {
    // The migrations' own table could not be read: no migration has run, or the database went away meanwhile.
    return { database: 'ok', migrations: 'unknown' };
  }
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

/**
 * Who may read /metrics: a request from this machine that came through no
 * proxy (a reverse proxy on the same machine would make every visitor look
 * local), or anyone with METRICS_TOKEN.
 */
export function mayReadMetrics(request: FastifyRequest, token: string | undefined): boolean {
  const bearer = request.headers.authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (token && bearer) return sameSecret(bearer, token);
  const h = request.headers;
  const proxied = h['x-forwarded-for'] !== undefined || h.forwarded !== undefined || h['x-real-ip'] !== undefined;
  return !proxied && LOOPBACK.test(request.ip) && LOOPBACK.test(request.socket.remoteAddress ?? '');
}

const Live = z.object({ status: z.literal('ok') });
const Ready = z.object({
  status: z.enum(['ready', 'not_ready']),
  database: z.enum(['ok', 'unreachable']),
  migrations: z.enum(['current', 'pending', 'unknown']),
  pending: z.array(z.string()).optional().describe('migrations this code knows that the database has not applied'),
});

const noStore = (reply: FastifyReply) => reply.header('cache-control', 'no-store');

/**
 * Mounts the health checks and /metrics, and counts every request. Call it
 * before any other route is registered, so that its hook sees them all.
 */
export function registerOperations(app: FastifyInstance, opts: { db: Db; metricsToken?: string; metrics: Metrics }): void {
  const { db, metrics } = opts;
  app.addHook('onResponse', (request, reply, done) => {
    const route = request.is404 ? 'unmatched' : (request.routeOptions.url ?? 'unmatched');
    metrics.observe(request.method, route, reply.statusCode, reply.elapsedTime / 1000);
    done();
  });

  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['operations'];
  api.get(
    '/api/health/live',
    {
      config: { rateLimit: false },
      schema: { tags, summary: 'Liveness: the process is running (no database work)', response: { 200: Live } },
    },
    async (_request, reply) => {
      noStore(reply);
      return { status: 'ok' as const };
    },
  );
  api.get(
    '/api/health/ready',
    {
      config: { rateLimit: false },
      schema: {
        tags,
        summary: 'Readiness: the database answers a query and every migration this code knows is applied; 503 names the failed check',
        response: { 200: Ready, 503: Ready },
      },
    },
    async (_request, reply) => {
      noStore(reply);
      const result = await checkReadiness(db);
      const ready = result.database === 'ok' && result.migrations === 'current';
      return reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not_ready', ...result });
    },
  );

  app.get('/metrics', { config: { rateLimit: false }, schema: { hide: true } }, async (request, reply) => {
    if (!mayReadMetrics(request, opts.metricsToken)) return reply.callNotFound();
    let outbox: Awaited<ReturnType<typeof countOutboxByState>> | null = null;
    try {
      outbox = await withinTimeout(countOutboxByState(db));
    } catch {
      // The database is away: the other metrics still answer, and coopnet_database_up says so.
    }
    noStore(reply);
    return reply.type('text/plain; version=0.0.4; charset=utf-8').send(renderMetrics(metrics, outbox));
  });
}
