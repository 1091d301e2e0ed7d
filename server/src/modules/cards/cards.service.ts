/**
 * Member cards: the published keys, issuing a member their card, printing a
 * co-op's cards, and the revocation list tills cache. A card dies with the
 * worker's leaving: revokeCardsOfLeaver revokes it in the same transaction.
 */
import type { RevokedQuery } from '@coopnet/contract/cards';
import { benefits } from '@coopnet/domain';
import type { Tx } from '../../db/database.ts';
import type { AppDeps } from '../../deps.ts';
import type { MaybeActor } from '../../platform/auth/actor.ts';
import { authorize } from '../../platform/auth/authorize.ts';
import { recordAudit } from '../../platform/audit/audit.repository.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import { coopForPeople } from '../people/index.ts';
import { DAY_MS, replaceCard, revokeCardsOf, signCard } from './card-issue.ts';
import { keyRetired, publishKey } from './card-keys.ts';
import { renderCardsPdf } from './card-pdf.ts';
import { cardsPolicy } from './cards.policy.ts';
import * as repo from './cards.repository.ts';
import { type CardSigningKey, loadSigningKey } from './signing-key.ts';

export { revokeCardsOf } from './card-issue.ts';

/** Short validity bounds what a till's stale revocation list can let through. */
export const CARD_VALIDITY_DAYS = 30;
/** A printed card cannot renew itself; a year is what a co-op can reasonably reprint. */
export const PRINTED_CARD_VALIDITY_DAYS = 365;
/** A card with less than this left is replaced, so a member never stands at a till with a dying card. */
export const RENEW_WITHIN_DAYS = 7;
/**
 * `asOf` lags the clock by this much: a revocation committed a moment after
 * it was stamped must still fall at or after the `asOf` a till passes back as
 * `since` (see decision 0008). Answers overlap a little; tills keep a set.
 */
export const REVOCATION_SETTLE_MS = 2 * 60_000;

/** A worker's leaving revokes their cards, in its transaction: wiring.ts registers it for people's "worker left". */
export async function revokeCardsOfLeaver(trx: Tx, left: { personId: string; actorId: string; at: string }): Promise<void> {
  await revokeCardsOf(trx, left.personId, left.actorId, left.at, 'worker_left');
}

export function cardsService({ db, dialect, config, network: settings }: AppDeps) {
  const key: CardSigningKey = loadSigningKey(config.cardSigningKey);
  let published: Promise<void> | null = null;

  /** Publishes the configured key once, then makes sure nobody has retired it since. */
  async function signingKey(): Promise<CardSigningKey> {
    published ??= publishKey(db, key).then(
      () => undefined,
      (e: unknown) => {
        published = null;
        throw e;
      },
    );
    await published;
    // Retiring is an operator's command; a server still holding the old key must stop signing with it.
    if ((await repo.findKey(db, key.kidHex))?.retired_at) throw keyRetired(key.kidHex);
    return key;
  }

  async function keySet() {
    await signingKey().catch(() => undefined); // the key set is published even when signing is stopped
    const [network, keys] = await Promise.all([settings.get(), repo.listKeys(db)]);
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

  /** The member's current card, issuing a new one when there is none, it is about to expire, or it names another co-op. */
  async function myCard(actor: MaybeActor) {
    authorize(actor, true);
    const signer = await signingKey();
    const network = await settings.get();
    const { holder, card } = await db.transaction().execute(async (trx) => {
      // Two first requests at once (two tabs, a retry) must not each issue a card.
      await repo.lockPeople(trx, dialect, [actor.personId]);
      const holder = await repo.holderOf(trx, actor.personId);
      const kind = holder ? cardsPolicy.cardKind(holder) : null;
      if (!holder || !kind) throw notFound('card');
      const coopId = kind === 'worker' ? holder.coop_id : null;
      const renewBy = new Date(Date.now() + RENEW_WITHIN_DAYS * DAY_MS).toISOString();
      const current = await repo.currentCardOf(trx, holder.id, renewBy);
      if (current && current.kind === kind && current.coop_id === coopId) return { holder, card: current };
      const card = await replaceCard(trx, {
        personId: holder.id,
        kind,
        coopId,
        validDays: CARD_VALIDITY_DAYS,
        actorId: actor.personId,
        kid: signer.kidHex,
        printed: false,
      });
      return { holder, card };
    });
    return {
      cardId: card.id,
      shortCode: card.short_code,
      token: signCard(signer, network.id, holder.display_name, card),
      kind: card.kind,
      holder: { displayName: holder.display_name, coopName: card.kind === 'worker' ? holder.coop_name : null },
      expiresAt: card.expires_at,
    };
  }

  /**
   * A year-long card for every active worker of the co-op, as a PDF to print.
   * Each becomes its holder's current card (the app shows the same card) and
   * the card before it is revoked.
   */
  async function printCards(actorIn: MaybeActor, coopId: string): Promise<{ pdf: Buffer; slug: string }> {
    const { actor, coop } = await coopForPeople(db, actorIn, coopId, 'manage');
    if (coop.status !== 'member')
      throw conflict('cards.coop_not_member', 'Only the workers of a member co-op have cards.');
    const signer = await signingKey();
    const network = await settings.get();
    const printed = await db.transaction().execute(async (trx) => {
      const candidates = await repo.activeWorkersOf(trx, coop.id);
      await repo.lockPeople(
        trx,
        dialect,
        candidates.map((w) => w.id),
      );
      // Read again under the locks: a worker removed meanwhile gets no card.
      const workers = await repo.activeWorkersOf(trx, coop.id);
      if (workers.length === 0)
        throw conflict('cards.no_workers', 'This co-op has no active workers to print cards for.');
      const cards = [];
      for (const w of workers) {
        const card = await replaceCard(trx, {
          personId: w.id,
          kind: 'worker',
          coopId: coop.id,
          validDays: PRINTED_CARD_VALIDITY_DAYS,
          actorId: actor.personId,
          kid: signer.kidHex,
          printed: true,
        });
        cards.push({ holderName: w.display_name, card });
      }
      await recordAudit(trx, {
        actorId: actor.personId,
        action: 'cards.printed',
        subjectType: 'coop',
        subjectId: coop.id,
        coopId: coop.id,
        after: { count: cards.length, expiresAt: cards[0]!.card.expires_at, kid: signer.kidHex },
      });
      return cards;
    });
    const pdf = await renderCardsPdf({
      networkName: network.name,
      coopName: coop.name,
      locale: network.locale,
      cards: printed.map(({ holderName, card }) => ({
        holderName,
        coopName: coop.name,
        token: signCard(signer, network.id, holderName, card),
        shortCode: card.short_code,
        validUntil: benefits.lastWholeDay(new Date(card.expires_at), network.timeZone),
      })),
    });
    return { pdf, slug: coop.slug };
  }

  async function revoked(q: RevokedQuery) {
    const now = Date.now();
    const rows = await repo.revokedSince(
      db,
      q.since ? new Date(q.since).toISOString() : undefined,
      new Date(now).toISOString(),
    );
    return {
      items: rows.map((r) => ({ cardId: r.id, revokedAt: r.revoked_at!, reason: r.revocation_reason ?? 'revoked' })),
      asOf: new Date(now - REVOCATION_SETTLE_MS).toISOString(),
    };
  }

  return { keySet, myCard, printCards, revoked };
}
