/**
 * Vitest global setup: one temporary folder for the whole run,
 * `<tmpdir>/coopnet-test-run-<pid>-XXXXXX`, under which every folder a test
 * makes goes (temp-dir.ts) and the embedded PostgreSQL keeps its data
 * (postgres-global.ts). It is removed when the run ends, so a run leaves
 * nothing in the system's temporary folder; the folders of runs that were
 * killed before their end are removed by the next run.
 */
import { chmodSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    runTempDir: string;
  }
}

/** The other global setups, which run in this process, find the folder here. */
export const RUN_TEMP_DIR_ENV = 'COOPNET_TEST_RUN_DIR';
const PREFIX = 'coopnet-test-run-';

const running = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Folders of earlier runs whose process is gone: killed before their teardown could remove them. */
function removeAbandoned(): void {
  for (const name of readdirSync(tmpdir())) {
    const pid = name.startsWith(PREFIX) ? Number(name.slice(PREFIX.length).split('-')[0]) : 0;
    if (pid && pid !== process.pid && !running(pid)) rmSync(join(tmpdir(), name), { recursive: true, force: true });
  }
}

export default function setup(project: TestProject) {
  removeAbandoned();
  const dir = mkdtempSync(join(tmpdir(), `${PREFIX}${process.pid}-`));
  // Others than root reach their own folders in it (PostgreSQL, nginx's workers, a service's user), without listing it.
  chmodSync(dir, 0o711);
  process.env[RUN_TEMP_DIR_ENV] = dir;
  project.provide('runTempDir', dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
