/**
 * Tests log as a server does, at `info`, each test file into its own file in
 * the run's log folder (log-global.ts), written asynchronously in blocks of 8 KiB and flushed
 * when the file's tests end; the run ends by searching those logs for secrets.
 */
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import { type DestinationStream, pino } from 'pino';
import { afterAll, expect, inject } from 'vitest';
import { createLogger } from '../src/platform/log/logger.ts';

type Destination = DestinationStream & { flush(cb: (err?: Error) => void): void };
let file: Destination | undefined;
/** This test file's log lines, also kept here for tests that read what was logged. */
const lines: string[] = [];

const fileName = (suffix = '') =>
  `${basename(expect.getState().testPath ?? 'test')}-${randomBytes(4).toString('hex')}${suffix}.log`;

/** A logger into this test file's log, as the apps of the tests use. */
export function testLogger(): FastifyBaseLogger {
  file ??= pino.destination({
    dest: join(inject('logDir'), fileName()),
    sync: false,
    minLength: 8192,
  }) as unknown as Destination;
  const into = file;
  const destination = {
    write(line: string) {
      lines.push(line);
      into.write(line);
    },
  };
  return createLogger({ level: 'info', format: 'json' }, { destination });
}

/** The lines this test file's apps logged so far, parsed. */
export function loggedLines(): Record<string, unknown>[] {
  return lines.map((l) => JSON.parse(l) as Record<string, unknown>);
}

/** The lines this test file's apps logged so far, as written. */
export function loggedText(): string {
  return lines.join('');
}

/** Keeps what a server started by a test wrote (its stdout) with the run's logs. */
export function keepLog(text: string): void {
  writeFileSync(join(inject('logDir'), fileName('-process')), text);
}

afterAll(async () => {
  if (file) await new Promise<void>((resolve) => file!.flush(() => resolve()));
});
