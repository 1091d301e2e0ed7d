/** SQLite: a transaction holds the write lock from its start, so another process cannot slip a write in between its reads and its writes. */
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { openDatabase } from './database.ts';
import { tempDir } from '../../test/temp-dir.ts';

it('keeps another connection from writing between a transaction’s read and its write', async () => {
  const file = join(tempDir('immediate'), 'test.db');
  const handle = openDatabase(`sqlite:${file}`);
  await sql`create table t (n integer)`.execute(handle.db);
  const other = new SQLite(file);
  other.pragma('busy_timeout = 0');
  try {
    await handle.db.transaction().execute(async (trx) => {
      await sql`select count(*) from t`.execute(trx);
      // Another process (a backup, a command) tries to write now: it must wait, not get in first.
      expect(() => other.exec('insert into t values (1)')).toThrow(/locked|busy/i);
      await sql`insert into t values (2)`.execute(trx);
    });
    other.exec('insert into t values (3)'); // and once the transaction is over, it may
    expect(other.prepare('select n from t order by rowid').pluck().all()).toEqual([2, 3]);
  } finally {
    other.close();
    await handle.close();
  }
});
