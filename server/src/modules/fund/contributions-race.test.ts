import { expect, it } from 'vitest';
import { actorClient, makeCoop, makePerson } from '../../../test/factories.ts';
import { ledgerInvariants } from '../../../test/fund-factories.ts';
import { describeOnDatabases } from '../../../test/harness.ts';

describeOnDatabases('contributions: a month’s dues asked for twice at once', (t) => {
  it('books each co-op’s dues once, and both treasurers get an answer, not an error', async () => {
    const coops: string[] = [];
    for (let c = 0; c < 4; c++) {
      const coop = await makeCoop(t.deps, { name: `Race ${c}` });
      await makePerson(t.deps, { coopId: coop.id });
      coops.push(coop.id);
    }
    const treasurers = await Promise.all(
      [0, 1].map(async () => (await actorClient(t.deps, t.app, { roles: [{ role: 'treasurer' }] })).client),
    );
    const period = await t.deps.network.month();
    const answers = await Promise.all(treasurers.map((c) => c.post('/api/v1/fund/obligations', { period })));
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200]);
    expect(answers.reduce((sum, a) => sum + a.json().created, 0)).toBe(coops.length);
    const booked = await t.deps.db
      .selectFrom('fund_obligations')
      .select(['coop_id'])
      .where('period', '=', period)
      .where('coop_id', 'in', coops)
      .execute();
    expect(booked.map((o) => o.coop_id).sort()).toEqual([...coops].sort());
    expect(await ledgerInvariants(t.deps)).toEqual([]);
  });
});
