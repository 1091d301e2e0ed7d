/**
 * Vitest global setup: every app a test builds logs at `info` into a file of
 * one folder for the whole run (test-log.ts); when the run ends, the folder is
 * searched for tokens and unredacted secret paths, and the run fails if any
 * is there. The folder is removed when it is clean (unless KEEP_TEST_LOGS is
 * set), kept to read when not.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { describeLeaks, leaksInFolder } from './log-leaks.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    logDir: string;
  }
}

export default function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'coopnet-test-logs-'));
  project.provide('logDir', dir);
  return () => {
    const leaks = leaksInFolder(dir);
    if (leaks.length > 0) {
      // Vitest reports an error of a teardown but does not fail the run for it.
      process.exitCode = 1;
      throw new Error(`${describeLeaks(leaks)}\nThe logs are kept in ${dir}.`);
    }
    if (process.env.KEEP_TEST_LOGS) console.log(`The logs of this run are in ${dir}.`);
    else rmSync(dir, { recursive: true, force: true });
  };
}
