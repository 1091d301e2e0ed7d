/**
 * The baseline for GET /api/v1/campaigns/:slug: bare Fastify and bare
 * better-sqlite3, the same SQL as the app's campaign page (the campaign by
 * its address, what the ledger's bank received for its pledges, its
 * supporters, its updates, its cover) and the same JSON shape, with nothing
 * else (no validation, security headers, rate limit or sessions). Prints
 * `listening <port>` when ready.
 */
import SQLite from 'better-sqlite3';
import Fastify from 'fastify';

const file = process.env.DATABASE_URL!.slice('sqlite:'.length);
const db = new SQLite(file, { readonly: true });
db.pragma('journal_mode = WAL');
const campaign = db.prepare('select * from campaigns where slug = ?');
const raised = db.prepare(
  `select sum(e.cents) as cents from campaign_pledges p
   join campaign_pledge_dues d on d.pledge_id = p.id
   join ledger_entries e on e.movement_id = d.movement_id
   where p.campaign_id = ? and e.account_code || '' = 'assets:bank'`,
);
const supporters = db.prepare(
  `select supporter_name, cents, frequency from campaign_pledges
   where campaign_id = ? and exists (select id from campaign_pledge_dues where campaign_pledge_dues.pledge_id = campaign_pledges.id and movement_id is not null)
   order by created_at desc limit 200`,
);
const updates = db.prepare(
  'select id, body, created_at from campaign_updates where campaign_id = ? order by created_at desc limit 50',
);
const cover = db.prepare('select file from campaign_images where campaign_id = ? and cover = 1');

type Row = Record<string, string | number | null>;

const app = Fastify({ logger: false });
app.get<{ Params: { slug: string } }>('/api/v1/campaigns/:slug', async (req, reply) => {
  const c = campaign.get(req.params.slug) as Row | undefined;
  if (!c) return reply.code(404).send({ error: { code: 'not_found' } });
  const r = raised.get(c.id) as { cents: number | null };
  const backers = supporters.all(c.id) as Row[];
  const news = updates.all(c.id) as Row[];
  const image = cover.get(c.id) as { file: string } | undefined;
  reply.header('content-type', 'application/json; charset=utf-8');
  return JSON.stringify({
    id: c.id,
    slug: c.slug,
    ownerKind: c.owner_kind,
    ownerName: c.owner_name,
    ownerCoopId: c.owner_coop_id,
    beneficiaryPrivate: null,
    title: c.title,
    summary: c.summary,
    story: c.story,
    goalCents: c.goal_cents,
    deadline: c.deadline,
    subFund: c.sub_fund,
    suggestedCents: JSON.parse(c.tiers_json as string) as number[],
    freeAmount: c.free_amount === 1,
    minimumCents: c.minimum_cents,
    raisedCents: r.cents ?? 0,
    coverUrl: image ? `/campaign-images/${image.file}` : null,
    supporters: backers.map((s) => ({
      name: s.supporter_name === '' ? null : s.supporter_name,
      cents: s.cents,
      frequency: s.frequency,
    })),
    updates: news.map((u) => ({ id: u.id, body: u.body, createdAt: u.created_at })),
  });
});
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
console.log(`listening ${typeof address === 'object' && address ? address.port : 0}`);
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
