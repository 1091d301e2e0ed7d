/**
 * Where the journeys' server writes its log (its stdout, JSON lines at
 * `info`, as an operator who redirects it to a file gets them), and the check
 * that ends the run: no line holds a token or an unredacted secret link.
 * The log is in the journeys' temporary folder (temp-dir.ts), removed with it
 * when the log is clean (unless KEEP_TEST_LOGS is set), kept to read when not.
 */
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describeLeaks, leaksIn } from '../server/test/log-leaks.ts';
import { E2E_TEMP_DIR } from './temp-dir.ts';

// Made here, as the config loads: the shell that starts the server writes the log into it.
mkdirSync(E2E_TEMP_DIR, { recursive: true });

export const SERVER_LOG = process.env.E2E_SERVER_LOG ?? join(E2E_TEMP_DIR, 'server.log');

/** Playwright's global teardown: fails the run if the server logged a secret. */
export default function checkServerLog(): void {
  if (!existsSync(SERVER_LOG))
    throw new Error(`The server's log ${SERVER_LOG} is missing: the check for secrets in it cannot run.`);
  const text = readFileSync(SERVER_LOG, 'utf8');
  if (!/"msg":"incoming request"/.test(text))
    throw new Error(`The server's log ${SERVER_LOG} has no request lines: it is not the log of this run.`);
  const leaks = leaksIn(text, SERVER_LOG);
  if (leaks.length > 0) throw new Error(`${describeLeaks(leaks)}\nThe log is ${SERVER_LOG}.`);
  if (process.env.KEEP_TEST_LOGS) console.log(`The server's log of this run is ${SERVER_LOG}.`);
  else rmSync(E2E_TEMP_DIR, { recursive: true, force: true });
}
