/**
 * Posting to the fund's ledger through its service (ledgerWriter.post, as
 * the routes and the fund's other services post): a gift into a sub-fund,
 * two lines, each with its own Idempotency-Key, 64 in flight at a time, on
 * SQLite. Each posting locks the books, looks its key up, reads the chart
 * and the balances, checks the movement and the rules, then inserts the
 * movement, its entries, its balances and month figures (sharing commits
 * with the postings arriving together).
 *
 * Beside it, in the same run: bare better-sqlite3 inserting the same rows
 * (the movement, two entries, two balance and two month upserts, the
 * sub-fund's and the books' updates) one transaction per movement, with no
 * checks. Target: the service keeps at least 30 % of the bare rate; the aim,
 * 5,000 movements a second on two cores, is printed.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../server/src/db/database.ts';
import { migrateToLatest } from '../server/src/db/migrate.ts';
import type { AppDeps } from '../server/src/deps.ts';
import { ledgerWriter } from '../server/src/modules/fund/index.ts';
import { ensureNetwork, getNetwork } from '../server/src/modules/network/index.ts';
import { createNetworkSettings } from '../server/src/platform/network/settings.ts';
import type { Benchmark } from './support.ts';

const TARGET = 0.3;
const AIM_PER_SECOND = 5000;
const COUNT = 20_000;
const IN_FLIGHT = 64;
const SUB_FUNDS = ['emergency', 'development', 'programmes', 'reserve'];

async function throughService(file: string, today: string): Promise<number> {
  const handle = openDatabase(`sqlite:${file}`);
  await migrateToLatest(handle.db);
  await ensureNetwork(handle.db);
  const network = createNetworkSettings((ex = handle.db) => getNetwork(ex));
  const writer = ledgerWriter({ db: handle.db, dialect: handle.dialect, network } as AppDeps);
  const post = (i: number) =>
    writer.post(
      {
        kind: 'gift',
        date: today,
        reason: `Gift ${i}`,
        decision: null,
        lines: [
          { account: 'assets:bank', subFund: null, coopId: null, cents: 1000 + i },
          { account: 'income:gifts', subFund: SUB_FUNDS[i % 4]!, coopId: null, cents: -(1000 + i) },
        ],
      },
      { actorId: null, key: randomUUID() },
    );
  for (let i = 0; i < 500; i++) await post(i); // warm-up
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (next < COUNT) await post(next++);
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  await handle.close();
  return COUNT / seconds;
}

async function bare(file: string, today: string): Promise<number> {
  const handle = openDatabase(`sqlite:${file}`);
  await migrateToLatest(handle.db);
  await handle.close();
  const { sqlite } = openDatabase(`sqlite:${file}`);
  const db = sqlite!;
  const insertMovement = db.prepare(
    `insert into ledger_movements (id, seq, kind, date, reason, decision_kind, decision_id, reverses_id, actor_id, posted_at, idempotency_key, request_hash)
     values (?, ?, 'gift', ?, ?, null, null, null, null, ?, ?, ?)`,
  );
  const insertEntry = db.prepare(
    'insert into ledger_entries (movement_id, line, account_code, sub_fund, coop_id, cents) values (?, ?, ?, ?, ?, ?)',
  );
  const upsertBalance = db.prepare(
    `insert into ledger_balances (account_code, sub_fund, coop_id, cents) values (?, ?, '', ?)
     on conflict (account_code, sub_fund, coop_id) do update set cents = ledger_balances.cents + excluded.cents`,
  );
  const upsertMonth = db.prepare(
    `insert into ledger_months (month, account_code, sub_fund, debit_cents, credit_cents) values (?, ?, ?, ?, ?)
     on conflict (month, account_code, sub_fund) do update set debit_cents = ledger_months.debit_cents + excluded.debit_cents, credit_cents = ledger_months.credit_cents + excluded.credit_cents`,
  );
  const updateFund = db.prepare(
    'update ledger_sub_funds set balance_cents = balance_cents + ?, updated_at = ? where code = ?',
  );
  const updateBooks = db.prepare('update ledger_books set last_seq = ? where id = 1');
  const month = today.slice(0, 7);
  const one = db.transaction((i: number) => {
    const id = randomUUID();
    const cents = 1000 + i;
    const fund = SUB_FUNDS[i % 4]!;
    const at = new Date().toISOString();
    insertMovement.run(id, i + 1, today, `Gift ${i}`, at, randomUUID(), 'hash');
    insertEntry.run(id, 0, 'assets:bank', '', '', cents);
    insertEntry.run(id, 1, 'income:gifts', fund, '', -cents);
    upsertBalance.run('assets:bank', '', cents);
    upsertBalance.run('income:gifts', fund, -cents);
    upsertMonth.run(month, 'assets:bank', '', cents, 0);
    upsertMonth.run(month, 'income:gifts', fund, 0, cents);
    updateFund.run(cents, at, fund);
    updateBooks.run(i + 1);
  });
  for (let i = 0; i < 500; i++) one(i); // warm-up
  const started = performance.now();
  for (let i = 500; i < 500 + COUNT; i++) one(i);
  const seconds = (performance.now() - started) / 1000;
  db.close();
  return COUNT / seconds;
}

const benchmark: Benchmark = {
  name: `Fund movements posted through the service (${COUNT.toLocaleString('en')} gifts, ${IN_FLIGHT} in flight, SQLite)`,
  async run() {
    const dir = mkdtempSync(join(tmpdir(), 'coopnet-bench-fund-'));
    try {
      const today = new Date().toISOString().slice(0, 10);
      // The bare run first, then the service: each on its own database file.
      const bareRate = await bare(join(dir, 'bare.db'), today);
      const appRate = await throughService(join(dir, 'app.db'), today);
      const ratio = appRate / bareRate;
      return {
        name: this.name,
        measurements: [],
        table: [
          ['subject', 'movements/s'],
          ['service (ledgerWriter.post)', String(Math.round(appRate))],
          ['bare better-sqlite3, same rows, one transaction each', String(Math.round(bareRate))],
        ],
        ratioOf: 'service / bare movements per second',
        ratio,
        target: TARGET,
        passed: ratio >= TARGET,
        notes: [
          `aim: ${AIM_PER_SECOND.toLocaleString('en')} movements/s on two cores — ${appRate >= AIM_PER_SECOND ? 'reached' : 'not reached'} (${Math.round(appRate)})`,
        ],
      };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

export default benchmark;
