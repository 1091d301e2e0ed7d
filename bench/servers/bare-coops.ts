/**
 * The baseline for GET /api/v1/coops: bare Fastify and bare better-sqlite3,
 * the same SQL as the app's directory queries (the page, the total, the
 * workers known of each co-op on the page) and the same JSON shape, with
 * nothing else (no validation, security headers, rate limit or sessions).
 * Prints `listening <port>` when ready.
 */
import SQLite from 'better-sqlite3';
import Fastify from 'fastify';

const file = process.env.DATABASE_URL!.slice('sqlite:'.length);
const db = new SQLite(file, { readonly: true });
db.pragma('journal_mode = WAL');
const page = db.prepare("select * from coops where status = 'member' order by name, id limit 50 offset 0");
const count = db.prepare("select count(*) as total from coops where status = 'member'");
// The workers the network knows of each co-op on the page (its people with an active account).
const known = db.prepare(
  "select coop_id, count(*) as n from people where coop_id in (select value from json_each(?)) and status = 'active' group by coop_id",
);

interface CoopRow {
  [k: string]: string | number | null;
}

const app = Fastify({ logger: false });
app.get('/api/v1/coops', async (_req, reply) => {
  const rows = page.all() as CoopRow[];
  const { total } = count.get() as { total: number };
  const counts = new Map((known.all(JSON.stringify(rows.map((c) => c.id))) as { coop_id: string; n: number }[]).map((r) => [r.coop_id, r.n]));
  const items = rows.map((c) => ({
    id: c.id,
    slug: c.slug,
    name: c.name,
    legalForm: c.legal_form,
    sector: c.sector,
    address: c.address,
    city: c.city,
    latitude: c.latitude,
    longitude: c.longitude,
    description: c.description,
    website: c.website,
    logoUrl: c.logo_url,
    workerCount: c.worker_count,
    knownWorkers: counts.get(c.id as string) ?? 0,
    status: c.status,
    createdAt: c.created_at,
    admittedAt: c.admitted_at,
  }));
  reply.header('content-type', 'application/json; charset=utf-8');
  return JSON.stringify({ items, total, limit: 50, offset: 0 });
});
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
console.log(`listening ${typeof address === 'object' && address ? address.port : 0}`);
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
