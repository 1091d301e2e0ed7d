/**
 * GET /api/v1/campaigns/:slug (the public campaign page's API) for a campaign
 * with 5,000 pledges, 10,000 paid months in the fund's ledger, 30 updates and
 * a busy ledger besides (50,000 other movements), on SQLite: the real app
 * against bare Fastify + better-sqlite3 running the same SQL and returning
 * the same JSON (bench/servers/bare-campaign.ts). Target: the app keeps at
 * least 60 % of the bare requests per second.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../server/src/db/database.ts';
import { migrateToLatest } from '../server/src/db/migrate.ts';
import { ensureNetwork } from '../server/src/modules/network/index.ts';
import { type Benchmark, compare, startServer } from './support.ts';

const TARGET = 0.6;
const PLEDGES = 5000;
const MONTHS = 2;
const OTHER_MOVEMENTS = 50_000;
export const SLUG = 'strike-fund';

export function fill(sqlite: NonNullable<ReturnType<typeof openDatabase>['sqlite']>) {
  const campaignId = randomUUID();
  const at = '2026-11-01T10:00:00.000Z';
  const movement = sqlite.prepare(
    `insert into ledger_movements (id, seq, kind, date, reason, decision_kind, decision_id, reverses_id, actor_id, posted_at, idempotency_key, request_hash)
     values (?, ?, 'gift', ?, ?, null, null, null, null, ?, ?, 'h')`,
  );
  const entry = sqlite.prepare(
    'insert into ledger_entries (movement_id, line, account_code, sub_fund, coop_id, cents) values (?, ?, ?, ?, ?, ?)',
  );
  const pledge = sqlite.prepare(
    `insert into campaign_pledges (id, campaign_id, reference, cents, frequency, supporter_name, email, token_hash, status, made_on, created_at, updated_at, locale, provider)
     values (?, ?, ?, ?, 'monthly', ?, ?, ?, 'active', '2026-10-01', ?, ?, null, 'bank_transfer')`,
  );
  const due = sqlite.prepare(
    `insert into campaign_pledge_dues (id, pledge_id, period, cents, movement_id, paid_on, bank_line, created_at)
     values (?, ?, ?, ?, ?, ?, null, ?)`,
  );
  const update = sqlite.prepare(
    'insert into campaign_updates (id, campaign_id, body, author_id, created_at) values (?, ?, ?, null, ?)',
  );
  let seq = 0;
  const gift = (date: string, cents: number, reason: string) => {
    const id = randomUUID();
    movement.run(id, ++seq, date, reason, `${date}T12:00:00.000Z`, id);
    entry.run(id, 0, 'assets:bank', '', '', cents);
    entry.run(id, 1, 'income:gifts', 'emergency', '', -cents);
    return id;
  };
  sqlite.transaction(() => {
    sqlite
      .prepare(
        `insert into campaigns (id, slug, owner_kind, owner_coop_id, owner_name, beneficiary_private, title, summary, story, goal_cents, deadline, sub_fund, tiers_json, free_amount, minimum_cents, created_by, created_at)
         values (?, ?, 'network', null, 'The network', '', 'Strike fund for the laundry workers', 'Forty workers on strike.', ?, 5000000, '2099-12-31', 'emergency', '[1000,2500,5000]', 1, 500, null, ?)`,
      )
      .run(campaignId, SLUG, 'They have been on strike since **Monday**.\n\n'.repeat(40), at);
    for (let i = 0; i < OTHER_MOVEMENTS; i++) gift('2026-06-01', 100 + (i % 5000), 'Generated');
    for (let i = 0; i < PLEDGES; i++) {
      const id = randomUUID();
      const cents = [1000, 2500, 5000][i % 3]!;
      const made = new Date(Date.parse(at) + i * 1000).toISOString();
      pledge.run(
        id,
        campaignId,
        `P202610-${String(i).padStart(6, '0')}`,
        cents,
        i % 4 ? '' : `Supporter ${i}`,
        `s${i}@example.org`,
        `h${id}`,
        made,
        made,
      );
      for (let m = 0; m < MONTHS; m++) {
        const period = `2026-${10 + m}`;
        due.run(randomUUID(), id, period, cents, gift(`${period}-05`, cents, `Pledge ${i}`), `${period}-05`, made);
      }
    }
    for (let i = 0; i < 30; i++)
      update.run(
        randomUUID(),
        campaignId,
        `Day ${i + 1}: the picket holds.\nThank you all.`,
        new Date(Date.parse(at) + i * 86_400_000).toISOString(),
      );
    sqlite.exec(`
      insert into ledger_balances (account_code, sub_fund, coop_id, cents)
        select account_code, sub_fund, coop_id, sum(cents) from ledger_entries group by account_code, sub_fund, coop_id;
      update ledger_books set last_seq = ${seq};
    `);
  })();
}

const benchmark: Benchmark = {
  name: `GET /api/v1/campaigns/:slug, ${PLEDGES.toLocaleString('en')} pledges`,
  async run() {
    const dataDir = mkdtempSync(join(tmpdir(), 'coopnet-bench-'));
    const databaseUrl = `sqlite:${join(dataDir, 'coopnet.db')}`;
    try {
      const handle = openDatabase(databaseUrl);
      await migrateToLatest(handle.db);
      await ensureNetwork(handle.db);
      fill(handle.sqlite!);
      await handle.close();

      const env = { DATABASE_URL: databaseUrl, DATA_DIR: dataDir };
      const path = `/api/v1/campaigns/${SLUG}`;
      const app = await startServer('app.ts', env);
      const bare = await startServer('bare-campaign.ts', env);
      const [appResult, bareResult] = await compare([
        { subject: 'app', server: app, path },
        { subject: 'bare fastify + better-sqlite3', server: bare, path },
      ]).finally(() => Promise.all([app.stop(), bare.stop()]));
      if (!appResult || !bareResult) throw new Error('no measurements');
      const ratio = appResult.requestsPerSecond / bareResult.requestsPerSecond;
      const cpu =
        appResult.cpuUsPerRequest && bareResult.cpuUsPerRequest
          ? bareResult.cpuUsPerRequest / appResult.cpuUsPerRequest
          : null;
      return {
        name: this.name,
        measurements: [appResult, bareResult],
        ratioOf: 'app / bare requests per second',
        ratio,
        target: TARGET,
        passed: ratio >= TARGET && appResult.failures === 0 && bareResult.failures === 0,
        notes: cpu === null ? [] : [`bare / app server CPU per request: ${cpu.toFixed(2)}`],
      };
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};

export default benchmark;
