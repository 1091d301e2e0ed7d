import { beforeAll, expect, it } from 'vitest';
import { makeCoop } from '../../test/factories.ts';
import { describeOnDatabases } from '../../test/harness.ts';
import type { Executor } from './database.ts';
import { preparedQuery } from './prepared.ts';

type Filter = { sector?: string; city?: string; limit: number };

const build = (ex: Executor, f: Filter) => {
  let q = ex.selectFrom('coops').select(['name', 'sector', 'city']).where('status', '=', 'member');
  if (f.sector !== undefined) q = q.where('sector', '=', f.sector);
  if (f.city !== undefined) q = q.where('city', '=', f.city);
  return q.orderBy('name').limit(f.limit);
};

describeOnDatabases('prepared queries', (t) => {
  beforeAll(async () => {
    await makeCoop(t.deps, { name: 'A bakery', sector: 'bakery', city: 'València' });
    await makeCoop(t.deps, { name: 'B bakery', sector: 'bakery', city: 'Alzira' });
    await makeCoop(t.deps, { name: 'C books', sector: 'books', city: 'València' });
    await makeCoop(t.deps, { name: 'D hidden', sector: 'bakery', city: 'València', status: 'applicant' });
  });

  it('answers every shape and value exactly as the query built each time does', async () => {
    const query = preparedQuery(build);
    const cases: Filter[] = [
      { limit: 10 },
      { limit: 1 },
      { sector: 'bakery', limit: 10 },
      { sector: 'books', limit: 10 },
      { city: 'València', limit: 10 },
      { sector: 'bakery', city: 'València', limit: 10 },
      { sector: 'bakery', city: 'Alzira', limit: 10 },
      { sector: 'bakery', city: undefined, limit: 2 },
      { sector: 'nothing', limit: 10 },
    ];
    for (const f of cases) {
      expect(await query(t.deps.db, f), JSON.stringify(f)).toEqual(await build(t.deps.db, f).execute());
    }
  });

  it('runs inside a transaction too', async () => {
    const query = preparedQuery(build);
    await query(t.deps.db, { sector: 'bakery', limit: 10 });
    const rows = await t.deps.db.transaction().execute((trx) => query(trx, { sector: 'bakery', limit: 10 }));
    expect(rows.map((r) => r.name)).toEqual(['A bakery', 'B bakery']);
  });

  it('refuses a build that changes a parameter instead of binding it', async () => {
    const bad = preparedQuery((ex, f: { name: string }) => ex.selectFrom('coops').select('id').where('name', '=', `${f.name}!`));
    await expect(bad(t.deps.db, { name: 'x' })).rejects.toThrow(/changed inside build/);
  });
});
