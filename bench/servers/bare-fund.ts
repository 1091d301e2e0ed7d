/**
 * The baseline for GET /api/v1/fund: bare Fastify and bare better-sqlite3
 * running the same SQL as the app (the network's row, the books, sub-funds,
 * accounts, kept balances and the last twelve months' figures) and building
 * the same JSON, with nothing else. Prints `listening <port>` when ready.
 */
import SQLite from 'better-sqlite3';
import Fastify from 'fastify';

const file = process.env.DATABASE_URL!.slice('sqlite:'.length);
const db = new SQLite(file, { readonly: true });
db.pragma('journal_mode = WAL');
const network = db.prepare('select * from network limit 1');
const books = db.prepare('select * from ledger_books where id = 1');
const subFunds = db.prepare('select * from ledger_sub_funds order by position, code');
const accounts = db.prepare('select * from ledger_accounts order by code');
const balances = db.prepare('select * from ledger_balances order by account_code, sub_fund, coop_id');
const monthsSince = db.prepare('select * from ledger_months where month >= ? order by month, account_code, sub_fund');

type Row = Record<string, string | number | null>;

function lastMonths(count: number): string[] {
  const now = new Date();
  return Array.from({ length: count }, (_, i) =>
    new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (count - 1 - i), 1)).toISOString().slice(0, 7),
  );
}

const app = Fastify({ logger: false });
app.get('/api/v1/fund', async (_req, reply) => {
  const months = lastMonths(12);
  const net = network.get() as Row;
  const b = books.get() as Row;
  const funds = subFunds.all() as Row[];
  const chart = new Map((accounts.all() as Row[]).map((a) => [a.code as string, a]));
  const summed = new Map<string, { code: string; subFund: string; cents: number }>();
  for (const r of balances.all() as Row[]) {
    const k = `${r.account_code}\u0000${r.sub_fund}`;
    const s = summed.get(k) ?? { code: r.account_code as string, subFund: r.sub_fund as string, cents: 0 };
    s.cents += r.cents as number;
    summed.set(k, s);
  }
  const flows = monthsSince.all(months[0]) as Row[];
  const body = {
    currency: net.currency,
    closedThrough: b.closed_through,
    subFunds: funds.map((f) => ({
      code: f.code,
      names: { en: f.name_en, es: f.name_es },
      balanceCents: f.balance_cents,
      minimumCents: f.minimum_cents,
    })),
    totalCents: funds.reduce((s, f) => s + (f.balance_cents as number), 0),
    accounts: [...summed.values()].map((s) => {
      const a = chart.get(s.code)!;
      const sign = a.type === 'assets' || a.type === 'expenses' ? 1 : -1;
      return {
        code: a.code,
        type: a.type,
        names: { en: a.name_en, es: a.name_es },
        subFund: s.subFund || null,
        balanceCents: s.cents * sign,
      };
    }),
    months: months.map((month) => {
      const held = flows.filter((f) => f.month === month && chart.get(f.account_code as string)?.no_overdraft === 1);
      return {
        month,
        inCents: held.reduce((s, f) => s + (f.debit_cents as number), 0),
        outCents: held.reduce((s, f) => s + (f.credit_cents as number), 0),
      };
    }),
    abilities: { movements: false, post: false, closeBooks: false, export: false },
  };
  reply.header('content-type', 'application/json; charset=utf-8');
  return JSON.stringify(body);
});

await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
console.log(`listening ${typeof address === 'object' && address ? address.port : 0}`);
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
