/**
 * The baseline for POST /api/v1/till/:coopId/redemptions: bare Fastify and
 * bare better-sqlite3 doing one INSERT of a redemption-like row, with nothing
 * else (no authentication, validation, rules, limits, audit or rate limit).
 *
 * It writes to its own table, `bare_redemptions`, in the benchmark's database
 * file, with the columns, constraints (the foreign keys to offers and cards,
 * the unique idempotency key) and indexes of the app's `redemptions`, and the
 * app's connection settings. The one INSERT takes the holder from the card row
 * (INSERT … SELECT), so the row is a real one; the discount is a fixed 20 %.
 * The card comes as the till sends it, its signed QR text: the baseline decodes
 * it and checks its Ed25519 signature with node:crypto against the key
 * published in `card_keys`, the work any server must do to trust a card.
 * Prints `listening <port>` when ready.
 */
import { createPublicKey, randomUUID, verify } from 'node:crypto';
import { credentials } from '@coopnet/domain';
import SQLite from 'better-sqlite3';
import Fastify from 'fastify';

const file = process.env.DATABASE_URL!.slice('sqlite:'.length);
const db = new SQLite(file);
db.pragma('journal_mode = WAL');
db.pragma('foreign_keys = ON');
db.pragma('busy_timeout = 5000');
db.pragma('synchronous = NORMAL');
db.exec(`
  create table if not exists bare_redemptions (
    id text primary key,
    offer_id text not null references offers (id),
    coop_id text not null,
    card_id text not null references cards (id),
    person_id text not null,
    holder_coop_id text,
    holder_kind text not null,
    sale_cents bigint not null,
    discount_cents bigint not null,
    redeemed_at text not null,
    month text not null,
    accounting_month text not null,
    recorded_at text not null,
    cashier_id text,
    offline integer not null,
    flag text,
    flag_decision text,
    flag_resolved_at text,
    flag_resolved_by text,
    idempotency_key text not null,
    constraint bare_redemptions_idempotency unique (coop_id, idempotency_key)
  );
  create index if not exists bare_redemptions_offer_month on bare_redemptions (offer_id, month);
  create index if not exists bare_redemptions_offer_person on bare_redemptions (offer_id, person_id, redeemed_at);
  create index if not exists bare_redemptions_person on bare_redemptions (person_id, redeemed_at);
  create index if not exists bare_redemptions_month on bare_redemptions (month, coop_id);
  create index if not exists bare_redemptions_flag on bare_redemptions (coop_id, flag);
`);
const insert = db.prepare(`
  insert into bare_redemptions (id, offer_id, coop_id, card_id, person_id, holder_coop_id, holder_kind, sale_cents,
    discount_cents, redeemed_at, month, accounting_month, recorded_at, cashier_id, offline, flag, flag_decision, flag_resolved_at,
    flag_resolved_by, idempotency_key)
  select ?, ?, ?, id, person_id, coop_id, kind, ?, ?, ?, ?, ?, ?, null, 0, null, null, null, null, ? from cards where id = ?
`);

interface Body {
  offerId: string;
  card: string;
  saleCents: number;
}

// The published card keys, as raw Ed25519 public keys wrapped for node:crypto.
const keys = new Map(
  (db.prepare('select kid, public_key from card_keys where retired_at is null').all() as { kid: string; public_key: string }[]).map((k) => [
    k.kid,
    createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: k.public_key }, format: 'jwk' }),
  ]),
);

const app = Fastify({ logger: false });
app.post<{ Params: { coopId: string }; Body: Body }>('/api/v1/till/:coopId/redemptions', async (req, reply) => {
  const { offerId, card, saleCents } = req.body;
  const read = credentials.readCard(card);
  if (!read.ok) return reply.code(422).send({ error: { code: 'malformed' } });
  const { protectedBytes, payload, signature, kid } = read.card;
  const publicKey = keys.get(credentials.kidToHex(kid));
  if (!publicKey || !verify(null, credentials.sigStructure(protectedBytes, payload), publicKey, signature)) {
    return reply.code(422).send({ error: { code: 'bad_signature' } });
  }
  const cardId = read.card.claims.cardId;
  const key = String(req.headers['idempotency-key']);
  const id = randomUUID();
  const now = new Date().toISOString();
  const discountCents = Math.round(saleCents * 0.2);
  const r = insert.run(
    id,
    offerId,
    req.params.coopId,
    saleCents,
    discountCents,
    now,
    now.slice(0, 7),
    now.slice(0, 7),
    now,
    key,
    cardId,
  );
  if (r.changes !== 1) return reply.code(404).send({ error: { code: 'not_found' } });
  reply.code(201).header('content-type', 'application/json; charset=utf-8');
  return JSON.stringify({
    id,
    offerId,
    coopId: req.params.coopId,
    cardId,
    saleCents,
    discountCents,
    redeemedAt: now,
    recordedAt: now,
    offline: false,
    flag: null,
  });
});
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
console.log(`listening ${typeof address === 'object' && address ? address.port : 0}`);
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
