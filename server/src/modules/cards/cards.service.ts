/**
 * Member cards: the published keys, issuing a member their card, and the
 * revocation list tills cache. A card dies with the worker's leaving: the
 * listener below revokes it in the same transaction.
 */
import { randomBytes } from 'node:crypto';
import type { RevokedQuery } from '@coopnet/contract/cards';
import { credentials } from '@coopnet/domain';
import type { Executor, Tx } from '../../db/database.ts';
import type { CardTable } from '../../db/schema-cards.ts';
import type { AppDeps } from '../../deps.ts';
import type { MaybeActor } from '../../platform/auth/actor.ts';
import { authorize } from '../../platform/auth/authorize.ts';
import { recordAudit } from '../../platform/audit/audit.repository.ts';
import { nowIso } from '../../platform/clock.ts';
import { notFound } from '../../platform/errors.ts';
import { getNetwork } from '../network/network.repository.ts';
import { onWorkerLeft } from '../people/people.service.ts';
import { cardsPolicy } from './cards.policy.ts';
import * as repo from './cards.repository.ts';
import { type CardSigningKey, loadSigningKey } from './signing-key.ts';

const DAY_MS = 86_400_000;
/** Short validity bounds what a till's stale revocation list can let through. */
export const CARD_VALIDITY_DAYS = 30;
/** A card with less than this left is replaced, so a member never stands at a till with a dying card. */
export const RENEW_WITHIN_DAYS = 7;
/** The `coop` claim may not be empty; a supporter has no co-op. */
const NO_COOP = '-';
const CROCKFORD = '0123456789abcdefghjkmnpqrstvwxyz';

/** 10 random base32 characters (50 bits): short, because it is inside every QR code. */
function newCardId(): string {
  return [...randomBytes(10)].map((b) => CROCKFORD[b & 31]).join('');
}

/** Whole seconds, so the card can be signed again from its row and come out the same. */
const wholeSeconds = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toISOString();
const epochSeconds = (iso: string) => Math.floor(Date.parse(iso) / 1000);

export async function revokeCardsOf(trx: Tx, personId: string, actorId: string | null, at: string, reason: string) {
  for (const id of await repo.revokeCardsOf(trx, personId, at, reason)) {
    await recordAudit(trx, {
      actorId,
      action: 'card.revoked',
      subjectType: 'card',
      subjectId: id,
      after: { revokedAt: at, reason },
    });
  }
}

// Registered once, at import time: the worker's leaving and their card's death are one transaction.
onWorkerLeft((trx, e) => revokeCardsOf(trx, e.personId, e.actorId, e.at, 'worker_left'));

export function cardsService({ db, config }: AppDeps) {
  const key: CardSigningKey = loadSigningKey(config.cardSigningKey);
  let published: Promise<void> | null = null;

  /** Publishes the configured key once; refuses a key whose kid collides with a different published key. */
  function ensurePublished(): Promise<void> {
    published ??= (async () => {
      const x = Buffer.from(key.publicKey).toString('base64url');
      await repo.insertKey(db, { kid: key.kidHex, public_key: x, created_at: nowIso(), retired_at: null });
      const row = await repo.findKey(db, key.kidHex);
      if (row?.public_key !== x) throw new Error(`card key id ${key.kidHex} is already published for another key`);
    })().catch((e: unknown) => {
      published = null;
      throw e;
    });
    return published;
  }

  async function keySet() {
    await ensurePublished();
    const [network, keys] = await Promise.all([getNetwork(db), repo.listKeys(db)]);
    return {
      network: { id: network.id, name: network.name },
      keys: keys.map((k) => ({
        kid: k.kid,
        alg: 'EdDSA' as const,
        crv: 'Ed25519' as const,
        x: k.public_key,
        createdAt: k.created_at,
        retiredAt: k.retired_at,
      })),
    };
  }

  async function freshCard(ex: Executor, card: Omit<CardTable, 'id' | 'short_code'>): Promise<CardTable> {
    // A short code is never allowed to mean two cards: on a clash, draw another id.
    for (let i = 0; i < 8; i++) {
      const id = newCardId();
      const shortCode = credentials.shortCode(id);
      if (!(await repo.cardIdOrCodeTaken(ex, id, shortCode))) return { ...card, id, short_code: shortCode };
    }
    throw new Error('could not find a free card id');
  }

  /** The member's current card, issuing a new one when there is none or it is about to expire. */
  async function myCard(actor: MaybeActor) {
    authorize(actor, true);
    await ensurePublished();
    const network = await getNetwork(db);
    const { holder, card } = await db.transaction().execute(async (trx) => {
      const holder = await repo.holderOf(trx, actor.personId);
      const kind = holder ? cardsPolicy.cardKind(holder) : null;
      if (!holder || !kind) throw notFound('card');
      const now = Date.now();
      const current = await repo.currentCardOf(trx, holder.id, new Date(now + RENEW_WITHIN_DAYS * DAY_MS).toISOString());
      if (current && current.kind === kind && current.coop_id === (kind === 'worker' ? holder.coop_id : null))
        return { holder, card: current };
      const card = await freshCard(trx, {
        person_id: holder.id,
        kind,
        coop_id: kind === 'worker' ? holder.coop_id : null,
        issued_at: wholeSeconds(now),
        expires_at: wholeSeconds(now + CARD_VALIDITY_DAYS * DAY_MS),
        revoked_at: null,
        revocation_reason: null,
      });
      await repo.insertCard(trx, card);
      await recordAudit(trx, {
        actorId: actor.personId,
        action: 'card.issued',
        subjectType: 'card',
        subjectId: card.id,
        coopId: card.coop_id,
        after: { personId: holder.id, kind, expiresAt: card.expires_at, kid: key.kidHex },
      });
      return { holder, card };
    });
    const token = credentials.issueCard(
      {
        networkId: network.id,
        cardId: card.id,
        holderName: holder.display_name.slice(0, 100),
        coopId: card.coop_id ?? NO_COOP,
        kind: card.kind,
        issuedAt: epochSeconds(card.issued_at),
        expiresAt: epochSeconds(card.expires_at),
      },
      key,
    );
    return {
      cardId: card.id,
      shortCode: card.short_code,
      token,
      kind: card.kind,
      holder: { displayName: holder.display_name, coopName: card.kind === 'worker' ? holder.coop_name : null },
      expiresAt: card.expires_at,
    };
  }

  async function revoked(q: RevokedQuery) {
    const asOf = nowIso();
    const rows = await repo.revokedSince(db, q.since ? new Date(q.since).toISOString() : undefined, asOf);
    return {
      items: rows.map((r) => ({ cardId: r.id, revokedAt: r.revoked_at!, reason: r.revocation_reason ?? 'revoked' })),
      asOf,
    };
  }

  return { keySet, myCard, revoked };
}
