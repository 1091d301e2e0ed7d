/**
 * The check that ends every test run (vitest's and the browser journeys'):
 * no log line the run wrote holds a token (`newToken`: a prefix and 32
 * base64url characters) or a secret path that was not redacted.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { secretPathsIn, tokensIn } from '../src/platform/log/redact.ts';

export interface Leak {
  file: string;
  line: number;
  /** the start of what leaked, enough to recognise it, not to use it */
  found: string;
}

/** Every leak in one log file's text. */
export function leaksIn(text: string, file: string): Leak[] {
  return text
    .split('\n')
    .flatMap((line, i) => [
      ...tokensIn(line).map((token) => ({ file, line: i + 1, found: `${token.slice(0, 6)}…` })),
      ...secretPathsIn(line).map((path) => ({
        file,
        line: i + 1,
        found: `${path.slice(0, path.lastIndexOf('/') + 5)}…`,
      })),
    ]);
}

/** Every leak in the `.log` files of a folder. */
export function leaksInFolder(dir: string): Leak[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.log'))
    .flatMap((f) => leaksIn(readFileSync(join(dir, f), 'utf8'), join(dir, f)));
}

export function describeLeaks(leaks: Leak[]): string {
  const shown = leaks.slice(0, 20).map((l) => `  ${l.file}:${l.line}: ${l.found}`);
  return `${leaks.length} secret(s) in the logs of this run:\n${shown.join('\n')}${leaks.length > 20 ? `\n  and ${leaks.length - 20} more` : ''}`;
}
