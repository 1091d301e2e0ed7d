import { createPublicKey, verify } from 'node:crypto';
import { credentials } from '@coopnet/domain';
import { beforeAll, expect, it } from 'vitest';
import { Client, describeOnDatabases } from '../../../test/harness.ts';
import { actorClient, makeCoop, makePerson, signIn, tableCounts } from '../../../test/factories.ts';

interface Key {
  kid: string;
  x: string;
}

/** Checks the COSE_Sign1 signature with node:crypto alone, from the published JWK-shaped key. */
function verifiesWith(token: string, key: Key): boolean {
  const read = credentials.readCard(token);
  if (!read.ok) return false;
  const publicKey = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: key.x }, format: 'jwk' });
  const signed = credentials.sigStructure(read.card.protectedBytes, read.card.payload);
  return credentials.kidToHex(read.card.kid) === key.kid && verify(null, signed, publicKey, read.card.signature);
}

describeOnDatabases('member cards API', (t) => {
  let visitor: Client;
  let coop: { id: string; name: string };
  let admin: Client;
  beforeAll(async () => {
    visitor = new Client(t.app);
    coop = await makeCoop(t.deps, { name: 'Panadería La Espiga' });
    admin = (await actorClient(t.deps, t.app, { coopId: coop.id, roles: [{ role: 'coop_admin', coopId: coop.id }] })).client;
  });

  it('publishes the signing key at /api/v1/.well-known/keys and at the site root', async () => {
    const res = await visitor.get('/api/v1/.well-known/keys');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.network).toEqual({ id: expect.any(String), name: 'Coopnet' });
    expect(body.keys).toEqual([
      { kid: expect.stringMatching(/^[0-9a-f]{8}$/), alg: 'EdDSA', crv: 'Ed25519', x: expect.any(String), createdAt: expect.any(String), retiredAt: null },
    ]);
    expect(Buffer.from(body.keys[0].x, 'base64url')).toHaveLength(32);
    const root = await visitor.get('/.well-known/coopnet-keys.json');
    expect(root.statusCode).toBe(200);
    expect(root.json()).toEqual(body);
  });

  it('gives a worker a card that verifies with the published key and names them and their co-op', async () => {
    const w = await makePerson(t.deps, { coopId: coop.id, displayName: 'Ana Souza' });
    const client = await signIn(t.app, w.email);
    const before = await tableCounts(t.deps);
    const res = await client.get('/api/v1/me/card');
    expect(res.statusCode).toBe(200);
    const card = res.json();
    expect(card).toMatchObject({
      cardId: expect.stringMatching(/^[0-9a-z]{10}$/),
      shortCode: expect.stringMatching(/^[0-9A-Z]{8}$/),
      token: expect.stringMatching(/^CN1:/),
      kind: 'worker',
      holder: { displayName: 'Ana Souza', coopName: 'Panadería La Espiga' },
    });
    const days = (Date.parse(card.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThanOrEqual(30);
    expect(card.shortCode).toBe(credentials.shortCode(card.cardId));

    const keys = (await visitor.get('/api/v1/.well-known/keys')).json();
    expect(verifiesWith(card.token, keys.keys[0])).toBe(true);
    const read = credentials.readCard(card.token);
    if (!read.ok) throw new Error('unreadable');
    // A changed claim breaks the signature.
    const payload = Uint8Array.from(read.card.payload);
    payload[payload.length - 1]! ^= 1;
    const jwk = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: keys.keys[0].x }, format: 'jwk' });
    expect(verify(null, credentials.sigStructure(read.card.protectedBytes, payload), jwk, read.card.signature)).toBe(false);
    expect(read.card.claims).toEqual({
      networkId: keys.network.id,
      cardId: card.cardId,
      holderName: 'Ana Souza',
      coopId: coop.id,
      kind: 'worker',
      issuedAt: expect.any(Number),
      expiresAt: Date.parse(card.expiresAt) / 1000,
    });
    expect((await tableCounts(t.deps)).audit_events).toBe(before.audit_events! + 1);

    // Asking again returns the same card, and nothing new is recorded.
    const again = await client.get('/api/v1/me/card');
    expect(again.json()).toEqual(card);
    expect((await tableCounts(t.deps)).audit_events).toBe(before.audit_events! + 1);
  });

  it('gives a supporter a supporter card without a co-op', async () => {
    const { client } = await actorClient(t.deps, t.app, { supporter: true, displayName: 'Sam' });
    const res = await client.get('/api/v1/me/card');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ kind: 'supporter', holder: { displayName: 'Sam', coopName: null } });
  });

  it('refuses a visitor (401) and someone without a card right (404), issuing nothing', async () => {
    const before = await tableCounts(t.deps);
    expect((await visitor.get('/api/v1/me/card')).statusCode).toBe(401);
    const { client: coordinator } = await actorClient(t.deps, t.app, { roles: [{ role: 'coordinator' }] });
    const res = await coordinator.get('/api/v1/me/card');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
    const applicant = await makeCoop(t.deps, { status: 'applicant' });
    const { client: applicantWorker } = await actorClient(t.deps, t.app, { coopId: applicant.id });
    expect((await applicantWorker.get('/api/v1/me/card')).statusCode).toBe(404);
    const after = await tableCounts(t.deps);
    expect(after.audit_events).toBe(before.audit_events);
  });

  it('revokes the card when the worker is removed, and lists it as revoked', async () => {
    const w = await makePerson(t.deps, { coopId: coop.id });
    const card = (await (await signIn(t.app, w.email)).get('/api/v1/me/card')).json();
    const since = new Date(Date.now() - 1000).toISOString();
    const before = (await visitor.get(`/api/v1/cards/revoked?since=${since}`)).json();
    expect(before.items.map((i: { cardId: string }) => i.cardId)).not.toContain(card.cardId);

    expect((await admin.delete(`/api/v1/coops/${coop.id}/workers/${w.id}`)).statusCode).toBe(200);

    const res = await visitor.get(`/api/v1/cards/revoked?since=${encodeURIComponent(since)}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.items).toContainEqual({ cardId: card.cardId, revokedAt: expect.any(String), reason: 'worker_left' });
    // asOf lags the clock a little, so a revocation committed just after it was stamped is not skipped:
    // the next answer, since asOf, repeats the last moments (a till keeps a set).
    expect(Date.parse(body.asOf)).toBeLessThanOrEqual(Date.now());
    expect(Date.parse(body.asOf)).toBeGreaterThan(Date.now() - 3 * 60_000);
    const next = (await visitor.get(`/api/v1/cards/revoked?since=${encodeURIComponent(body.asOf)}`)).json();
    expect(next.items.map((i: { cardId: string }) => i.cardId)).toContain(card.cardId);
    // Nothing was revoked after this moment.
    const later = (await visitor.get(`/api/v1/cards/revoked?since=${encodeURIComponent(new Date(Date.now() + 1000).toISOString())}`)).json();
    expect(later.items).toEqual([]);
    // Without `since`, the whole list.
    expect((await visitor.get('/api/v1/cards/revoked')).json().items).toContainEqual(expect.objectContaining({ cardId: card.cardId }));
  });

  it('rejects a bad `since` and unknown query fields with 400', async () => {
    for (const q of ['since=yesterday', 'since=2026-13-01T00:00:00Z', 'since=', 'other=1']) {
      const res = await visitor.get(`/api/v1/cards/revoked?${q}`);
      expect(res.statusCode, q).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
    }
  });
});
