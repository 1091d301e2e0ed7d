/** Work that shares a commit keeps its own all-or-nothing. */
import { join } from 'node:path';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { openDatabase } from './database.ts';
import { groupCommit } from './group-commit.ts';
import { tempDir } from '../../test/temp-dir.ts';

it('commits each piece of concurrent work or none of it, and tells each caller which', async () => {
  const handle = openDatabase(`sqlite:${join(tempDir('group'), 'test.db')}`);
  await sql`create table t (n integer)`.execute(handle.db);
  const run = groupCommit(handle.db, 'sqlite');
  const outcomes = await Promise.allSettled(
    Array.from({ length: 40 }, (_, n) =>
      run(async (trx) => {
        await sql`insert into t values (${n})`.execute(trx);
        await sql`insert into t values (${n + 1000})`.execute(trx);
        if (n % 3 === 0) throw new Error(`refused ${n}`); // after its writes: they must go
        return n;
      }),
    ),
  );
  const kept = (await sql<{ n: number }>`select n from t where n < 1000 order by n`.execute(handle.db)).rows.map((r) => r.n);
  const expected = Array.from({ length: 40 }, (_, n) => n).filter((n) => n % 3 !== 0);
  expect(kept).toEqual(expected);
  const pairs = (await sql<{ c: number }>`select count(*) as c from t where n >= 1000`.execute(handle.db)).rows[0]!.c;
  expect(pairs).toBe(expected.length);
  outcomes.forEach((o, n) => {
    if (n % 3 === 0) expect(o).toMatchObject({ status: 'rejected', reason: new Error(`refused ${n}`) });
    else expect(o).toEqual({ status: 'fulfilled', value: n });
  });
  await handle.close();
});
