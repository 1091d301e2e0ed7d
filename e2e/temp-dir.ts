/**
 * The journeys' temporary files, all in one folder: the server's data folder
 * and log, the screenshots a QR code is read from, the camera's videos. The
 * run's teardown (server-log.ts) removes it once the log is found clean, and
 * keeps it, log included, when the check fails.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PORT = Number(process.env.E2E_PORT ?? 3100);

/**
 * Named by the port, not at random: the config, the server and the test
 * workers are separate processes that must find the same folder.
 */
export const E2E_TEMP_DIR = join(tmpdir(), `coopnet-e2e-${PORT}`);

/** A new empty folder named `<prefix>-XXXXXX` in the journeys' temporary folder. */
export function tempDir(prefix: string): string {
  mkdirSync(E2E_TEMP_DIR, { recursive: true });
  return mkdtempSync(join(E2E_TEMP_DIR, `${prefix}-`));
}
