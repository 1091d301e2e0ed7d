import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { Client, describeOnDatabases, testConfig, testLogger } from '../../../test/harness.ts';
import { makeCoop, makePerson, signIn } from '../../../test/factories.ts';
import { AppError } from '../../platform/errors.ts';
import { retireCardKey, rotateCardKey } from './card-keys.ts';
import { publishedKeys } from './cards.repository.ts';
import { keySetOf, kidOf, tillVerify } from '../../../test/cards-factories.ts';
import { loadSigningKey } from './signing-key.ts';

describeOnDatabases('member card keys: rotation and retirement', (t) => {
  let visitor: Client;
  let coop: { id: string };
  /** A second server on the same database, started after the rotation with the new key. */
  let rotated: FastifyInstance;
  let activePem: string;
  beforeAll(async () => {
    visitor = new Client(t.app);
    coop = await makeCoop(t.deps);
  });
  afterAll(async () => {
    await rotated?.close();
  });

  const cardFrom = async (app: FastifyInstance, email: string) =>
    (await (await signIn(app, email)).get('/api/v1/me/card')).json();

  it('publishes the new key beside the old one; both verify until the old one is retired', async () => {
    const oldKid = loadSigningKey(t.deps.config.cardSigningKey).kidHex;
    const ana = await makePerson(t.deps, { coopId: coop.id, displayName: 'Ana' });
    const oldCard = await cardFrom(t.app, ana.email);
    expect(kidOf(oldCard.token)).toBe(oldKid);

    const rotation = await rotateCardKey(t.deps.db, t.deps.config.cardSigningKey);
    activePem = rotation.pem;
    expect(rotation.previousKid).toBe(oldKid);
    expect(rotation.kid).not.toBe(oldKid);
    let set = await keySetOf(visitor);
    expect(set.keys.map((k) => [k.kid, k.retiredAt])).toEqual([
      [oldKid, null],
      [rotation.kid, null],
    ]);
    expect((await publishedKeys(t.deps.db)).map((k) => k.kid)).toEqual([oldKid, rotation.kid]);

    // The server restarts with the new key.
    const handle = { db: t.deps.db, dialect: t.deps.dialect, close: async () => {} };
    rotated = (
      await buildApp(testConfig(t.deps.config.databaseUrl, { cardSigningKey: rotation.pem }), { database: handle, logger: testLogger() })
    ).app;
    const ben = await makePerson(t.deps, { coopId: coop.id, displayName: 'Ben' });
    const newCard = await cardFrom(rotated, ben.email);
    expect(kidOf(newCard.token)).toBe(rotation.kid);
    expect(tillVerify(newCard.token, set)).toMatchObject({ ok: true, kid: rotation.kid });
    // Ana's phone asks again: the same card, now signed with the new key.
    const anaAgain = await cardFrom(rotated, ana.email);
    expect(anaAgain.cardId).toBe(oldCard.cardId);
    expect(kidOf(anaAgain.token)).toBe(rotation.kid);
    // The card signed before the rotation (say, printed) still verifies.
    expect(tillVerify(oldCard.token, set)).toMatchObject({ ok: true, kid: oldKid });

    const retired = await retireCardKey(t.deps.db, oldKid, rotation.pem);
    expect(retired).toMatchObject({ kid: oldKid, already: false });
    set = await keySetOf(visitor);
    expect(set.keys).toContainEqual(expect.objectContaining({ kid: oldKid, retiredAt: retired.retiredAt }));
    expect(set.keys).toContainEqual(expect.objectContaining({ kid: rotation.kid, retiredAt: null }));
    expect((await visitor.get('/.well-known/coopnet-keys.json')).json()).toEqual(set);
    expect((await publishedKeys(t.deps.db)).map((k) => k.kid)).toEqual([rotation.kid]);
    expect(tillVerify(oldCard.token, set)).toEqual({ ok: false, reason: 'unknown_key' });
    expect(tillVerify(newCard.token, set).ok).toBe(true);
    expect(tillVerify(anaAgain.token, set).ok).toBe(true);

    // Retiring twice keeps the first moment.
    expect(await retireCardKey(t.deps.db, oldKid, rotation.pem)).toEqual({
      kid: oldKid,
      retiredAt: retired.retiredAt,
      already: true,
    });
    const audit = await t.deps.db
      .selectFrom('audit_events')
      .select(['action', 'subject_id'])
      .where('subject_type', '=', 'card_key')
      .orderBy('seq')
      .execute();
    expect(audit).toEqual([
      { action: 'card_key.rotated', subject_id: rotation.kid },
      { action: 'card_key.retired', subject_id: oldKid },
    ]);
  });

  it('stops a server still holding a retired key from signing, and keeps publishing the key set', async () => {
    const w = await makePerson(t.deps, { coopId: coop.id });
    const res = await (await signIn(t.app, w.email)).get('/api/v1/me/card');
    expect(res.statusCode).toBe(503);
    expect(res.json().error.code).toBe('cards.key_retired');
    expect((await visitor.get('/api/v1/.well-known/keys')).statusCode).toBe(200);
  });

  it('refuses to retire the signing key or a key never published', async () => {
    const active = loadSigningKey(activePem).kidHex;
    await expect(retireCardKey(t.deps.db, active, activePem)).rejects.toMatchObject({
      status: 409,
      code: 'cards.key_active',
    });
    await expect(retireCardKey(t.deps.db, 'deadbeef', activePem)).rejects.toBeInstanceOf(AppError);
    await expect(retireCardKey(t.deps.db, 'deadbeef', activePem)).rejects.toMatchObject({
      status: 404,
      code: 'cards.unknown_key',
    });
    expect((await publishedKeys(t.deps.db)).map((k) => k.kid)).toEqual([active]);
  });
});
