/**
 * GET /api/v1/coops (the public directory's first page) on a network of 1,000
 * co-ops: the real app against bare Fastify + better-sqlite3 running the same
 * SQL and returning the same JSON. Target: the app keeps at least 60 % of the
 * bare requests per second.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../server/src/db/database.ts';
import { migrateToLatest } from '../server/src/db/migrate.ts';
import { seedDemo } from '../server/src/modules/demo/seed.ts';
import { ensureNetwork } from '../server/src/modules/network/network.repository.ts';
import { type Benchmark, compare, startServer } from './support.ts';

const TARGET = 0.6;

const benchmark: Benchmark = {
  name: 'GET /api/v1/coops, 1,000 co-ops',
  async run() {
    const dataDir = mkdtempSync(join(tmpdir(), 'coopnet-bench-'));
    const databaseUrl = `sqlite:${join(dataDir, 'coopnet.db')}`;
    try {
      const handle = openDatabase(databaseUrl);
      await migrateToLatest(handle.db);
      await ensureNetwork(handle.db);
      await seedDemo(handle, { coops: 1000, workers: 5000 });
      await handle.close();

      const env = { DATABASE_URL: databaseUrl, DATA_DIR: dataDir };
      const app = await startServer('app.ts', env);
      const bare = await startServer('bare-coops.ts', env);
      const [appResult, bareResult] = await compare([
        { subject: 'app', server: app, path: '/api/v1/coops' },
        { subject: 'bare fastify + better-sqlite3', server: bare, path: '/api/v1/coops' },
      ]).finally(() => Promise.all([app.stop(), bare.stop()]));
      if (!appResult || !bareResult) throw new Error('no measurements');

      const ratio = appResult.requestsPerSecond / bareResult.requestsPerSecond;
      const cpu = appResult.cpuUsPerRequest && bareResult.cpuUsPerRequest ? bareResult.cpuUsPerRequest / appResult.cpuUsPerRequest : null;
      return {
        name: this.name,
        measurements: [appResult, bareResult],
        ratioOf: 'app / bare requests per second',
        ratio,
        target: TARGET,
        passed: ratio >= TARGET && appResult.failures === 0 && bareResult.failures === 0,
        notes: cpu === null ? [] : [`bare / app server CPU per request: ${cpu.toFixed(2)} (steadier than requests/s when other work shares the machine)`],
      };
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};

export default benchmark;
