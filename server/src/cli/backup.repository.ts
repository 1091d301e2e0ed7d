/**
 * The SQL of backup and restore. It works on whatever tables the database
 * has (found by introspection), so tables added by later migrations are
 * backed up without touching this file.
 */
import { type Kysely, sql } from 'kysely';
import type { DialectName, Executor } from '../db/database.ts';

export type Row = Record<string, unknown>;
// Table names are only known at run time here.
type AnyDb = Kysely<Record<string, Row>>;
const untyped = (ex: Executor) => ex as unknown as AnyDb;

export async function listTables(ex: Executor): Promise<{ name: string; columns: string[] }[]> {
  const tables = await ex.introspection.getTables();
  return tables
    .filter((t) => !t.isView)
    .map((t) => ({ name: t.name, columns: t.columns.map((c) => c.name) }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** [child, parent] pairs: the child table has a foreign key to the parent. */
export async function foreignKeys(ex: Executor, dialect: DialectName, tables: string[]): Promise<[string, string][]> {
  if (dialect === 'sqlite') {
    const edges: [string, string][] = [];
    for (const t of tables) {
      const { rows } = await sql<{ table: string }>`select "table" from pragma_foreign_key_list(${t})`.execute(ex);
      for (const r of rows) edges.push([t, r.table]);
    }
    return edges;
  }
  const { rows } = await sql<{ child: string; parent: string }>`
    select distinct tc.table_name as child, ccu.table_name as parent
    from information_schema.table_constraints tc
    join information_schema.constraint_column_usage ccu
      on ccu.constraint_name = tc.constraint_name and ccu.constraint_schema = tc.constraint_schema
    where tc.constraint_type = 'FOREIGN KEY' and tc.table_schema = current_schema()`.execute(ex);
  return rows.map((r) => [r.child, r.parent]);
}

/** Names of the migrations whose changes the data has; [] on a database never migrated. */
export async function executedMigrations(ex: Executor): Promise<string[]> {
  const tables = await ex.introspection.getTables({ withInternalKyselyTables: true });
  if (!tables.some((t) => t.name === 'kysely_migration')) return [];
  const { rows } = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(ex);
  return rows.map((r) => r.name);
}

export async function countRows(ex: Executor, table: string): Promise<number> {
  const row = await untyped(ex).selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * The rows of a table, a batch at a time, without holding the table in
 * memory. On PostgreSQL through a cursor, so it must run inside the caller's
 * transaction (whose snapshot it then reads); on SQLite in rowid order.
 */
export async function* readTable(ex: Executor, dialect: DialectName, table: string, batch: number): AsyncGenerator<Row[]> {
  if (dialect === 'postgres') {
    await sql`declare coopnet_backup no scroll cursor for select * from ${sql.table(table)}`.execute(ex);
    try {
      for (;;) {
        const { rows } = await sql<Row>`fetch forward ${sql.lit(batch)} from coopnet_backup`.execute(ex);
        if (rows.length > 0) yield rows;
        if (rows.length < batch) return;
      }
    } finally {
      await sql`close coopnet_backup`.execute(ex);
    }
  }
  let after = Number.MIN_SAFE_INTEGER;
  for (;;) {
    const { rows } = await sql<Row & { coopnet_rowid: number }>`
      select rowid as coopnet_rowid, * from ${sql.table(table)} where rowid > ${after} order by rowid limit ${batch}`.execute(ex);
    if (rows.length === 0) return;
    after = rows[rows.length - 1]!.coopnet_rowid;
    yield rows.map(({ coopnet_rowid: _, ...rest }) => rest);
    if (rows.length < batch) return;
  }
}

export async function insertRows(ex: Executor, table: string, rows: Row[]): Promise<void> {
  if (rows.length > 0) await untyped(ex).insertInto(table).values(rows).execute();
}

export async function deleteAllRows(ex: Executor, table: string): Promise<void> {
  await untyped(ex).deleteFrom(table).execute();
}

/** SQLite checks foreign keys at commit instead of per row; reset by the commit. */
export async function deferForeignKeys(ex: Executor): Promise<void> {
  await sql`pragma defer_foreign_keys = on`.execute(ex);
}

/** A consistent copy of a live SQLite database into a new file (a read transaction; writers are not blocked). */
export async function vacuumInto(ex: Executor, file: string): Promise<void> {
  await sql`vacuum into ${file}`.execute(ex);
}

/** SQLite's own checks: page structure and indexes, then dangling foreign keys. */
export async function sqliteProblems(ex: Executor): Promise<string[]> {
  const integrity = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(ex);
  const problems = integrity.rows.map((r) => r.integrity_check).filter((m) => m !== 'ok');
  const fks = await sql<{ table: string; rowid: number; parent: string }>`pragma foreign_key_check`.execute(ex);
  for (const r of fks.rows) problems.push(`${r.table} row ${r.rowid} refers to a missing ${r.parent} row`);
  return problems;
}

/** The table a SQLite backup file keeps its manifest in (what it needs to be restored); never a table of the database. */
export const MANIFEST_TABLE = 'coopnet_backup';

export async function writeManifest(ex: Executor, manifest: string): Promise<void> {
  await sql`create table ${sql.table(MANIFEST_TABLE)} (manifest text not null)`.execute(ex);
  await untyped(ex).insertInto(MANIFEST_TABLE).values({ manifest }).execute();
}

/** The manifest of a SQLite backup file; undefined for a backup from before manifests. */
export async function readManifest(ex: Executor): Promise<string | undefined> {
  if (!(await listTables(ex)).some((t) => t.name === MANIFEST_TABLE)) return undefined;
  const row = await untyped(ex).selectFrom(MANIFEST_TABLE).select('manifest').executeTakeFirst();
  return row?.manifest as string | undefined;
}
