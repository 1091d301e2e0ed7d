import { credentials } from '@coopnet/domain';
import { beforeAll, expect, it } from 'vitest';
import { describeOnDatabases } from '../../../test/harness.ts';
import { actorClient, makeCoop } from '../../../test/factories.ts';
import { insertKey } from '../../../test/cards-factories.ts';
import {
  claimsOf,
  forge,
  holderWithCard,
  offer,
  redeem,
  serverKey,
  tamper,
  tillWorld,
  unpublishedKey,
  verify,
} from '../../../test/till-factories.ts';

describeOnDatabases('till: checking a card', (t) => {
  let w: Awaited<ReturnType<typeof tillWorld>>;
  let ana: Awaited<ReturnType<typeof holderWithCard>>;
  const offers: Record<string, { id: string }> = {};

  beforeAll(async () => {
    w = await tillWorld(t);
    ana = await holderWithCard(t, w.other.id, 'Ana Souza');
    offers.workers = await offer(t, w.giver.id, { title: 'A Twenty percent off' });
    offers.supporters = await offer(t, w.giver.id, { title: 'B Supporters too', for_supporters: 1 });
    offers.food = await offer(t, w.giver.id, { title: 'C Food sector only', sectors_json: '["food"]' });
    offers.limited = await offer(t, w.giver.id, { title: 'D Twice a week', limit_period: 'week', limit_count: 2, cap_count: 100 });
    offers.paused = await offer(t, w.giver.id, { title: 'E Paused', status: 'paused' });
    await offer(t, w.giver.id, { title: 'Z Ended', status: 'ended' });
  });

  it('shows the holder of a scanned card and every offer of the co-op with whether they may use it and what remains', async () => {
    const res = await verify(w.cashier.client, w.giver.id, ana.card.token);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    // No card id: it would serve as the card's code.
    expect(body.holder).toEqual({
      displayName: 'Ana Souza',
      kind: 'worker',
      coopId: w.other.id,
      coopName: w.other.name,
      expiresAt: ana.card.expiresAt,
    });
    const byTitle = Object.fromEntries(body.offers.map((o: { offer: { title: string } }) => [o.offer.title, o]));
    expect(Object.keys(byTitle)).toEqual(['A Twenty percent off', 'B Supporters too', 'C Food sector only', 'D Twice a week', 'E Paused']);
    expect(byTitle['A Twenty percent off'].refusal).toBeNull();
    expect(byTitle['A Twenty percent off'].remaining).toEqual({ personCount: null, personCents: null, capCount: null, capCents: null });
    expect(byTitle['C Food sector only'].refusal).toBe('sector_not_included');
    expect(byTitle['D Twice a week']).toMatchObject({ refusal: null, remaining: { personCount: 2, personCents: null, capCount: 100, capCents: null } });
    expect(byTitle['E Paused'].refusal).toBe('offer_paused');
  });

  it('shows what remains of the limit after a use, and refuses the offer once it is used up', async () => {
    const bea = await holderWithCard(t, w.other.id);
    for (let i = 0; i < 2; i++) {
      const res = await redeem(w.cashier.client, w.giver.id, { offerId: offers.limited!.id, card: bea.card.token, saleCents: 1000 });
      expect(res.statusCode, res.body).toBe(201);
      const left = (await verify(w.cashier.client, w.giver.id, bea.card.token)).json().offers.find((o: { offer: { id: string } }) => o.offer.id === offers.limited!.id);
      expect(left.remaining).toEqual({ personCount: 1 - i, personCents: null, capCount: 99 - i, capCents: null });
      expect(left.refusal).toBe(i === 0 ? null : 'limit_reached');
    }
  });

  it('finds a card by its typed short code, in any case, with spaces or a dash', async () => {
    const code = ana.card.shortCode;
    for (const typed of [code, `${code.slice(0, 4)}-${code.slice(4)}`.toLowerCase(), ` ${code.slice(0, 4)} ${code.slice(4)} `]) {
      const res = await verify(w.cashier.client, w.giver.id, typed);
      expect(res.statusCode, typed).toBe(200);
      expect(res.json().holder.displayName).toBe('Ana Souza');
    }
  });

  it('refuses forged, tampered, expired, wrong-network and wrong-key cards, each with its reason', async () => {
    const claims = claimsOf(ana.card.token);
    const now = Math.floor(Date.now() / 1000);
    const key = serverKey(t);
    const cases: [string, string][] = [
      ['forged', forge(ana.card.token)],
      ['tampered', tamper(ana.card.token)],
      ['expired', credentials.issueCard({ ...claims, issuedAt: now - 40 * 86_400, expiresAt: now - 60 }, key)],
      ['wrong network', credentials.issueCard({ ...claims, networkId: 'another-network' }, key)],
      ['wrong key', credentials.issueCard(claims, unpublishedKey())],
      ['malformed', 'CN1:NOT-A-CARD'],
      ['not a code', 'hello'],
      ['unknown short code', credentials.shortCode('no-such-card')],
    ];
    const expected = ['bad_signature', 'bad_signature', 'expired', 'wrong_network', 'unknown_key', 'malformed', 'malformed', 'unknown_card'];
    for (const [i, [name, card]] of cases.entries()) {
      const res = await verify(w.cashier.client, w.giver.id, card);
      expect(res.statusCode, name).toBe(422);
      expect(res.json().error, name).toMatchObject({ code: 'till.card_refused', details: { reason: expected[i] } });
    }
  });

  it('refuses a signed card the network has no record of', async () => {
    const card = credentials.issueCard({ ...claimsOf(ana.card.token), cardId: 'zzzzzzzzzz' }, serverKey(t));
    const res = await verify(w.cashier.client, w.giver.id, card);
    expect(res.json().error).toMatchObject({ code: 'till.card_refused', details: { reason: 'unknown_card' } });
  });

  it('refuses the card of a worker removed through the people API, by QR code and by short code', async () => {
    const leaving = await holderWithCard(t, w.other.id);
    expect((await verify(w.cashier.client, w.giver.id, leaving.card.token)).statusCode).toBe(200);
    const adminOfOther = await actorClient(t.deps, t.app, {
      coopId: w.other.id,
      roles: [{ role: 'coop_admin', coopId: w.other.id }],
    });
    expect((await adminOfOther.client.delete(`/api/v1/coops/${w.other.id}/workers/${leaving.id}`)).statusCode).toBe(200);
    for (const card of [leaving.card.token, leaving.card.shortCode]) {
      const res = await verify(w.cashier.client, w.giver.id, card);
      expect(res.statusCode).toBe(422);
      expect(res.json().error.details).toEqual({ reason: 'revoked' });
    }
  });

  it('accepts a card signed by a key published after the till read the keys', async () => {
    // The till's keys are already read (earlier tests); an unknown key id makes it read them again.
    const fresh = unpublishedKey();
    const card = credentials.issueCard(claimsOf(ana.card.token), fresh);
    expect((await verify(w.cashier.client, w.giver.id, card)).json().error.details.reason).toBe('unknown_key');
    await insertKey(t.deps.db, {
      kid: credentials.kidToHex(fresh.kid),
      public_key: Buffer.from(fresh.publicKey).toString('base64url'),
      created_at: new Date().toISOString(),
      retired_at: null,
    });
    const res = await verify(w.cashier.client, w.giver.id, card);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().holder.displayName).toBe('Ana Souza');
  });

  it('refuses every offer to a worker of the co-op itself: offers are for the other co-ops', async () => {
    const own = await holderWithCard(t, w.giver.id);
    const body = (await verify(w.cashier.client, w.giver.id, own.card.token)).json();
    expect(body.offers.length).toBeGreaterThan(0);
    for (const o of body.offers) {
      if (o.offer.status === 'active') expect(o.refusal, o.offer.title).toBe('own_coop');
    }
    const res = await redeem(w.cashier.client, w.giver.id, { offerId: offers.workers!.id, card: own.card.token, saleCents: 4500 });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'till.offer_refused', details: { reason: 'own_coop' } });
  });

  it('lets a supporter use only the offers made for supporters', async () => {
    const sam = await holderWithCard(t, null, 'Sam');
    const body = (await verify(w.cashier.client, w.giver.id, sam.card.token)).json();
    expect(body.holder).toMatchObject({ kind: 'supporter', coopId: null, coopName: null });
    const usable = body.offers.filter((o: { refusal: string | null }) => o.refusal === null).map((o: { offer: { title: string } }) => o.offer.title);
    expect(usable).toEqual(['B Supporters too']);
    expect(body.offers.find((o: { offer: { title: string } }) => o.offer.title === 'A Twenty percent off').refusal).toBe('not_for_supporters');
    const refused = await redeem(w.cashier.client, w.giver.id, { offerId: offers.workers!.id, card: sam.card.token, saleCents: 1000 });
    expect(refused.json().error.details).toEqual({ reason: 'not_for_supporters' });
    const ok = await redeem(w.cashier.client, w.giver.id, { offerId: offers.supporters!.id, card: sam.card.token, saleCents: 1000 });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ holderKind: 'supporter', holderCoopId: null, discountCents: 200 });
  });

  it('lists the offers a till keeps offline: active and paused, not ended', async () => {
    const res = await w.cashier.client.get(`/api/v1/till/${w.giver.id}/offers`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.coop).toEqual({ id: w.giver.id, name: w.giver.name });
    expect(body.offers.map((o: { title: string }) => o.title)).toEqual(['A Twenty percent off', 'B Supporters too', 'C Food sector only', 'D Twice a week', 'E Paused']);
    expect(Date.parse(body.asOf)).toBeLessThanOrEqual(Date.now());
    const nowhere = await makeCoop(t.deps);
    expect((await w.cashier.client.get(`/api/v1/till/${nowhere.id}/offers`)).statusCode).toBe(403);
  });
});
