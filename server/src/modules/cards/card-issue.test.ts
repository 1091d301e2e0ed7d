import { beforeAll, expect, it } from 'vitest';
import { Client, describeOnDatabases } from '../../../test/harness.ts';
import { makeCoop, makePerson, signIn } from '../../../test/factories.ts';
import { keySetOf, tillVerify } from '../../../test/cards-factories.ts';

interface Revoked {
  cardId: string;
  revokedAt: string;
  reason: string;
}

describeOnDatabases('member cards: one live card per person', (t) => {
  let visitor: Client;
  let coop: { id: string; name: string };
  beforeAll(async () => {
    visitor = new Client(t.app);
    coop = await makeCoop(t.deps, { name: 'Taller Colectivo' });
  });

  const cardsOf = (personId: string) =>
    t.deps.db.selectFrom('cards').selectAll().where('person_id', '=', personId).orderBy('issued_at').execute();
  const revokedList = async () => (await visitor.get('/api/v1/cards/revoked')).json().items as Revoked[];

  it('issues one card when the first requests for it arrive together', async () => {
    const w = await makePerson(t.deps, { coopId: coop.id });
    const client = await signIn(t.app, w.email);
    const answers = await Promise.all(Array.from({ length: 8 }, () => client.get('/api/v1/me/card')));
    expect(answers.map((a) => a.statusCode)).toEqual(Array(8).fill(200));
    expect(new Set(answers.map((a) => a.json().cardId)).size).toBe(1);
    const rows = await cardsOf(w.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.revoked_at).toBeNull();
  });

  it('renews a card about to expire and revokes the old one as replaced', async () => {
    const w = await makePerson(t.deps, { coopId: coop.id });
    const client = await signIn(t.app, w.email);
    const first = (await client.get('/api/v1/me/card')).json();
    // Three days left: inside the renewal window.
    const soon = new Date(Date.now() + 3 * 86_400_000).toISOString();
    await t.deps.db.updateTable('cards').set({ expires_at: soon }).where('id', '=', first.cardId).execute();

    const renewed = (await client.get('/api/v1/me/card')).json();
    expect(renewed.cardId).not.toBe(first.cardId);
    expect((Date.parse(renewed.expiresAt) - Date.now()) / 86_400_000).toBeGreaterThan(29.9);
    expect(tillVerify(renewed.token, await keySetOf(visitor)).ok).toBe(true);
    expect(await revokedList()).toContainEqual({
      cardId: first.cardId,
      revokedAt: expect.any(String),
      reason: 'replaced',
    });
    const rows = await cardsOf(w.id);
    expect(rows.filter((r) => r.revoked_at === null).map((r) => r.id)).toEqual([renewed.cardId]);
    // Asking again keeps the renewed card.
    expect((await client.get('/api/v1/me/card')).json().cardId).toBe(renewed.cardId);
  });

  it('replaces a supporter card with a worker card when the supporter joins a co-op', async () => {
    const p = await makePerson(t.deps, { supporter: true });
    const client = await signIn(t.app, p.email);
    const supporterCard = (await client.get('/api/v1/me/card')).json();
    expect(supporterCard.kind).toBe('supporter');
    await t.deps.db.updateTable('people').set({ coop_id: coop.id }).where('id', '=', p.id).execute();

    const workerCard = (await client.get('/api/v1/me/card')).json();
    expect(workerCard).toMatchObject({ kind: 'worker', holder: { coopName: 'Taller Colectivo' } });
    expect(workerCard.cardId).not.toBe(supporterCard.cardId);
    expect(await revokedList()).toContainEqual({
      cardId: supporterCard.cardId,
      revokedAt: expect.any(String),
      reason: 'replaced',
    });
    const audit = await t.deps.db
      .selectFrom('audit_events')
      .select(['action', 'subject_id'])
      .where('subject_id', 'in', [supporterCard.cardId, workerCard.cardId])
      .orderBy('seq')
      .execute();
    expect(audit).toEqual([
      { action: 'card.issued', subject_id: supporterCard.cardId },
      { action: 'card.revoked', subject_id: supporterCard.cardId },
      { action: 'card.issued', subject_id: workerCard.cardId },
    ]);
  });
});
