/**
 * A temporary folder for a test: made in the run's folder (temp-global.ts),
 * which is removed with everything in it when the run ends, so a test need
 * not remove what it made there.
 */
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';

/** A new empty folder named `<prefix>-XXXXXX` in the run's temporary folder. */
export function tempDir(prefix: string): string {
  const runDir = inject('runTempDir');
  if (!runDir) throw new Error('No run folder: the tests run with vitest.config.ts, whose global setup makes it.');
  return mkdtempSync(join(runDir, `${prefix}-`));
}
