/**
 * What `coopnet serve` says about the server it runs, as log lines like every
 * other (JSON, or readable with LOG_FORMAT=pretty): the demo seeded, the demo
 * banner and its public logins (as fields), PUBLIC_URL unset, and where it
 * serves. In pretty mode the banner and the logins box look as they always did.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { DatabasePurpose } from '../db/schema.ts';
import type { DemoLogin, SeedResult } from '../modules/demo/index.ts';
import type { LogEntry } from '../platform/log/pretty.ts';
import { DEMO_BANNER } from './database-purpose.ts';
import { loginsBox } from './output.ts';

/** The banner's words as one line. */
const BANNER_TEXT = DEMO_BANNER.split('\n')
  .filter((l) => l.startsWith('!!  '))
  .map((l) => l.slice(4))
  .join(' ');

export function logSeeded(log: FastifyBaseLogger, c: SeedResult['counts']): void {
  log.info(
    { seeded: c },
    `Seeded the demo network: ${c.coops} co-ops, ${c.workers} workers, ${c.supporters} supporters, ${c.applications} applications waiting.`,
  );
}

export function logDemoBanner(log: FastifyBaseLogger): void {
  log.warn({ demo: true }, BANNER_TEXT);
}

export function logDemoLogins(
  log: FastifyBaseLogger,
  network: string,
  demoPassword: string,
  logins: DemoLogin[],
): void {
  log.warn({ network, demoPassword, logins }, 'demo network: logins are public');
}

export function logPublicUrlUnset(log: FastifyBaseLogger, publicUrl: string): void {
  log.warn(
    { publicUrl },
    `PUBLIC_URL is not set: links in mail (invitations, password resets) will point to ${publicUrl}. Set PUBLIC_URL to the address people use.`,
  );
}

export function logServing(
  log: FastifyBaseLogger,
  o: { purpose: DatabasePurpose | null; host: string; port: number; publicUrl: string },
): void {
  const url = `http://${o.host === '0.0.0.0' || o.host === '::' ? 'localhost' : o.host}:${o.port}`;
  log.info(
    { url, publicUrl: o.publicUrl, demo: o.purpose === 'demo', apiDocs: '/api/docs' },
    `Coopnet is serving ${o.purpose === 'demo' ? 'the DEMO network ' : ''}on ${url} (public address ${o.publicUrl}); API docs at /api/docs`,
  );
}

/** LOG_FORMAT=pretty: the demo banner and the logins box below their lines. */
export function prettyServeLines(entry: LogEntry): string | undefined {
  if (entry.demo === true && entry.msg === BANNER_TEXT) return DEMO_BANNER;
  if (Array.isArray(entry.logins))
    return loginsBox(String(entry.network), String(entry.demoPassword), entry.logins as DemoLogin[]);
  return undefined;
}
