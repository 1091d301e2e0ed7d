/**
 * Where the journeys' server writes its log (its stdout, JSON lines at
 * `info`, as an operator who redirects it to a file gets them), and the check
 * that ends the run: no line holds a token or an unredacted secret link.
 */
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeLeaks, leaksIn } from '../server/test/log-leaks.ts';

const PORT = Number(process.env.E2E_PORT ?? 3100);

export const SERVER_LOG = process.env.E2E_SERVER_LOG ?? join(tmpdir(), `coopnet-e2e-${PORT}.log`);

/** Playwright's global teardown: fails the run if the server logged a secret. */
export default function checkServerLog(): void {
  if (!existsSync(SERVER_LOG))
    throw new Error(`The server's log ${SERVER_LOG} is missing: the check for secrets in it cannot run.`);
  const text = readFileSync(SERVER_LOG, 'utf8');
  if (!/"msg":"incoming request"/.test(text))
    throw new Error(`The server's log ${SERVER_LOG} has no request lines: it is not the log of this run.`);
  const leaks = leaksIn(text, SERVER_LOG);
  if (leaks.length > 0) throw new Error(`${describeLeaks(leaks)}\nThe log is ${SERVER_LOG}.`);
}
