import { beforeAll, expect, it } from 'vitest';
import { Client, describeOnDatabases } from '../../../../test/harness.ts';
import { actorClient, makeCoop } from '../../../../test/factories.ts';
import { governanceTableCounts } from '../../../../test/governance-factories.ts';
import { notify } from './notifications.ts';

describeOnDatabases('notifications', (t) => {
  let ana: { id: string; email: string; client: Client };
  let bea: { id: string; email: string; client: Client };
  const subjectId = crypto.randomUUID();

  beforeAll(async () => {
    const coop = await makeCoop(t.deps);
    ana = await actorClient(t.deps, t.app, { coopId: coop.id, displayName: 'Ana' });
    bea = await actorClient(t.deps, t.app, { coopId: coop.id, displayName: 'Bea' });
    await t.deps.db.updateTable('people').set({ locale: 'es' }).where('id', '=', bea.id).execute();
  });

  it('writes one notification and one mail per person, in their language, in the caller’s transaction', async () => {
    await t.deps.db.transaction().execute((trx) =>
      notify(trx, t.deps, {
        personIds: [ana.id, bea.id, ana.id],
        kind: 'proposal.opened',
        subjectId,
        data: { title: 'Buy a van' },
        mail: { template: 'proposalOpened', vars: { title: 'Buy a van', link: 'http://coopnet.test/proposals/1', closesAt: '2100-01-01 18:00' } },
      }),
    );
    const rows = await t.deps.db.selectFrom('notifications').selectAll().where('subject_id', '=', subjectId).execute();
    expect(rows).toHaveLength(2);
    const mails = await t.deps.db.selectFrom('outbox_mail').selectAll().where('to_address', 'in', [ana.email, bea.email]).execute();
    const toAna = mails.find((m) => m.to_address === ana.email)!;
    const toBea = mails.find((m) => m.to_address === bea.email)!;
    expect(toAna.subject).toBe('Vote open: Buy a van');
    expect(toAna.body_text).toContain('Hello Ana');
    expect(toAna.body_text).toContain('http://coopnet.test/proposals/1');
    expect(toBea.subject).toBe('Votación abierta: Buy a van');
    expect(toBea.body_text).toContain('Hola Bea');
  });

  it('writes nothing when a transaction that notified is rolled back', async () => {
    const before = await governanceTableCounts(t.deps);
    await expect(
      t.deps.db.transaction().execute(async (trx) => {
        await notify(trx, t.deps, { personIds: [ana.id], kind: 'x', subjectId, data: {}, mail: { template: 'proposalDecided', vars: { title: 'T', link: 'L', outcome: 'passed' } } });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await governanceTableCounts(t.deps)).toEqual(before);
  });

  it('lists notifications only to their owner and lets only the owner mark them read', async () => {
    expect((await new Client(t.app).get('/api/v1/notifications')).statusCode).toBe(401);
    const mine = (await ana.client.get('/api/v1/notifications')).json();
    expect(mine).toMatchObject({ total: 1, unread: 1 });
    expect(mine.items[0]).toMatchObject({ kind: 'proposal.opened', subjectId, data: { title: 'Buy a van' }, readAt: null });
    const beas = (await bea.client.get('/api/v1/notifications')).json();
    expect(beas.items.map((n: { id: string }) => n.id)).not.toContain(mine.items[0].id);

    const before = await governanceTableCounts(t.deps);
    const stolen = await bea.client.post(`/api/v1/notifications/${mine.items[0].id}/read`, {});
    expect(stolen.statusCode).toBe(404);
    expect((await ana.client.post(`/api/v1/notifications/${crypto.randomUUID()}/read`, {})).statusCode).toBe(404);
    expect((await ana.client.post('/api/v1/notifications/nope/read', {})).statusCode).toBe(400);
    expect((await ana.client.post(`/api/v1/notifications/${mine.items[0].id}/read`, { all: true })).statusCode).toBe(400);
    expect((await ana.client.get('/api/v1/notifications?limit=500')).statusCode).toBe(400);
    expect(await governanceTableCounts(t.deps)).toEqual(before);

    const read = await ana.client.post(`/api/v1/notifications/${mine.items[0].id}/read`, {});
    expect(read.statusCode).toBe(200);
    expect(read.json().readAt).not.toBeNull();
    expect((await ana.client.get('/api/v1/notifications?unread=true')).json()).toMatchObject({ total: 0, unread: 0 });
    expect((await bea.client.get('/api/v1/notifications')).json().unread).toBe(1);
    expect((await bea.client.post('/api/v1/notifications/read-all', {})).json()).toEqual({ marked: 1 });
    expect((await bea.client.get('/api/v1/notifications')).json().unread).toBe(0);
  });
});
