/**
 * Issuing a card: a person has at most one live card. A new card (a renewal,
 * a changed co-op, a printed card) revokes the ones before it as 'replaced',
 * in the transaction that inserts it, so a till's revocation list tells it the
 * old card is dead.
 */
import { randomBytes } from 'node:crypto';
import { credentials } from '@coopnet/domain';
import type { Tx } from '../../db/database.ts';
import type { CardTable } from '../../db/schema-cards.ts';
import { recordAudit } from '../../platform/audit/audit.repository.ts';
import * as repo from './cards.repository.ts';
import type { CardSigningKey } from './signing-key.ts';

export const DAY_MS = 86_400_000;
/** The `coop` claim may not be empty; a supporter has no co-op. */
const NO_COOP = '-';
const CROCKFORD = '0123456789abcdefghjkmnpqrstvwxyz';

/** 10 random base32 characters (50 bits): short, because it is inside every QR code. */
function newCardId(): string {
  return [...randomBytes(10)].map((b) => CROCKFORD[b & 31]).join('');
}

/** Whole seconds, so the card can be signed again from its row and come out the same. */
export const wholeSeconds = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toISOString();
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

export interface NewCard {
  personId: string;
  kind: 'worker' | 'supporter';
  coopId: string | null;
  validDays: number;
  actorId: string;
  kid: string;
  printed: boolean;
}

/** Revokes the person's cards ('replaced') and inserts a new one; the caller holds the person's row lock. */
export async function replaceCard(trx: Tx, n: NewCard): Promise<CardTable> {
  const now = Date.now();
  const at = new Date(now).toISOString();
  await revokeCardsOf(trx, n.personId, n.actorId, at, 'replaced');
  let card: CardTable | null = null;
  // A short code is never allowed to mean two cards: on a clash, draw another id.
  for (let i = 0; i < 8 && !card; i++) {
    const id = newCardId();
    const shortCode = credentials.shortCode(id);
    if (await repo.cardIdOrCodeTaken(trx, id, shortCode)) continue;
    card = {
      id,
      short_code: shortCode,
      person_id: n.personId,
      kind: n.kind,
      coop_id: n.coopId,
      issued_at: wholeSeconds(now),
      expires_at: wholeSeconds(now + n.validDays * DAY_MS),
      revoked_at: null,
      revocation_reason: null,
    };
  }
  if (!card) throw new Error('could not find a free card id');
  await repo.insertCard(trx, card);
  await recordAudit(trx, {
    actorId: n.actorId,
    action: 'card.issued',
    subjectType: 'card',
    subjectId: card.id,
    coopId: card.coop_id,
    after: { personId: n.personId, kind: n.kind, expiresAt: card.expires_at, kid: n.kid, printed: n.printed },
  });
  return card;
}

/** The card's QR text, signed from its row: the same row and key always give the same text. */
export function signCard(key: CardSigningKey, networkId: string, holderName: string, card: CardTable): string {
  return credentials.issueCard(
    {
      networkId,
      cardId: card.id,
      holderName: holderName.slice(0, 100),
      coopId: card.coop_id ?? NO_COOP,
      kind: card.kind,
      issuedAt: epochSeconds(card.issued_at),
      expiresAt: epochSeconds(card.expires_at),
    },
    key,
  );
}
