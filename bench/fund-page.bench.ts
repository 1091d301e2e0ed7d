/**
 * GET /api/v1/fund (the public fund page's figures) over a ledger of
 * 1,000,000 entries: 500,000 movements over two years — gifts and
 * contributions in, grants to 1,000 co-ops out — on SQLite. The real app
 * against bare Fastify + better-sqlite3 running the same SQL and building
 * the same JSON (bench/servers/bare-fund.ts).
 *
 * Target: the app's p99 under 200 ms. The page reads kept figures (balances
 * per account, sub-fund and co-op; each month's debits and credits), never
 * the entries, so its cost does not grow with the ledger's history.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../server/src/db/database.ts';
import { migrateToLatest } from '../server/src/db/migrate.ts';
import { ensureNetwork } from '../server/src/modules/network/index.ts';
import { type Benchmark, compare, startServer } from './support.ts';

const TARGET_P99_MS = 200;
const MOVEMENTS = 500_000;
const COOPS = 1000;
const SUB_FUNDS = ['emergency', 'development', 'programmes', 'reserve'];

/**
 * Fills the ledger with plain inserts in one transaction, then derives the
 * kept figures from the entries with the same sums the posting keeps.
 */
function fill(sqlite: NonNullable<ReturnType<typeof openDatabase>['sqlite']>) {
  const coops = Array.from({ length: COOPS }, () => randomUUID());
  const movement = sqlite.prepare(
    `insert into ledger_movements (id, seq, kind, date, reason, decision_kind, decision_id, reverses_id, actor_id, posted_at, idempotency_key, request_hash)
     values (?, ?, ?, ?, ?, null, null, null, null, ?, ?, 'h')`,
  );
  const entry = sqlite.prepare(
    'insert into ledger_entries (movement_id, line, account_code, sub_fund, coop_id, cents) values (?, ?, ?, ?, ?, ?)',
  );
  const start = Date.now() - 730 * 86_400_000;
  sqlite.transaction(() => {
    for (let i = 0; i < MOVEMENTS; i++) {
      const id = randomUUID();
      const date = new Date(start + Math.floor((i / MOVEMENTS) * 730) * 86_400_000).toISOString().slice(0, 10);
      const fund = SUB_FUNDS[i % 4]!;
      const cents = 100 + (i % 50_000);
      const out = i % 5 === 0;
      movement.run(
        id,
        i + 1,
        out ? 'grant' : i % 2 ? 'gift' : 'contribution',
        date,
        'Generated',
        `${date}T12:00:00.000Z`,
        id,
      );
      if (out) {
        entry.run(id, 0, 'expenses:grants', fund, coops[i % COOPS]!, cents);
        entry.run(id, 1, 'assets:bank', '', '', -cents);
      } else {
        entry.run(id, 0, 'assets:bank', '', '', cents * 3);
        entry.run(id, 1, i % 2 ? 'income:gifts' : 'income:contributions', fund, '', -cents * 3);
      }
    }
    sqlite.exec(`
      insert into ledger_balances (account_code, sub_fund, coop_id, cents)
        select account_code, sub_fund, coop_id, sum(cents) from ledger_entries group by account_code, sub_fund, coop_id;
      insert into ledger_months (month, account_code, sub_fund, debit_cents, credit_cents)
        select substr(m.date, 1, 7), e.account_code, e.sub_fund,
               sum(case when e.cents > 0 then e.cents else 0 end), sum(case when e.cents < 0 then -e.cents else 0 end)
        from ledger_entries e join ledger_movements m on m.id = e.movement_id group by 1, 2, 3;
      update ledger_sub_funds set balance_cents = coalesce((select -sum(cents) from ledger_entries e where e.sub_fund = ledger_sub_funds.code), 0);
      update ledger_books set last_seq = ${MOVEMENTS};
    `);
  })();
}

const benchmark: Benchmark = {
  name: 'GET /api/v1/fund over 1,000,000 ledger entries',
  async run() {
    const dataDir = mkdtempSync(join(tmpdir(), 'coopnet-bench-'));
    const databaseUrl = `sqlite:${join(dataDir, 'coopnet.db')}`;
    try {
      const handle = openDatabase(databaseUrl);
      await migrateToLatest(handle.db);
      await ensureNetwork(handle.db);
      fill(handle.sqlite!);
      const entries = handle.sqlite!.prepare('select count(*) as n from ledger_entries').get() as { n: number };
      await handle.close();

      const env = { DATABASE_URL: databaseUrl, DATA_DIR: dataDir };
      const app = await startServer('app.ts', env);
      const bare = await startServer('bare-fund.ts', env);
      const [appResult, bareResult] = await compare([
        { subject: 'app', server: app, path: '/api/v1/fund' },
        { subject: 'bare fastify + better-sqlite3', server: bare, path: '/api/v1/fund' },
      ]).finally(() => Promise.all([app.stop(), bare.stop()]));
      if (!appResult || !bareResult) throw new Error('no measurements');
      return {
        name: this.name,
        measurements: [appResult, bareResult],
        ratioOf: `${TARGET_P99_MS} ms / the app's p99 (1 = at the budget)`,
        ratio: TARGET_P99_MS / Math.max(1, appResult.p99Ms),
        target: 1,
        passed: appResult.p99Ms < TARGET_P99_MS && appResult.failures === 0,
        notes: [
          `${entries.n.toLocaleString('en')} entries; app / bare requests per second: ${(appResult.requestsPerSecond / bareResult.requestsPerSecond).toFixed(2)}`,
        ],
      };
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};

export default benchmark;
