/**
 * One Kysely instance per process, on SQLite (embedded default) or PostgreSQL.
 * Integers come back as JS numbers on both dialects; a value past 2^53 throws
 * instead of silently losing precision.
 */
import { closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { CompiledQuery, type Driver, Kysely, PostgresDialect, SqliteDialect, type Transaction } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.ts';

export type DialectName = 'sqlite' | 'postgres';
export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;
/** A repository method takes either the database or an open transaction. */
export type Executor = Db | Tx;

export interface DatabaseHandle {
  db: Db;
  dialect: DialectName;
  /** the SQLite file, for backup and restore; undefined on PostgreSQL or in memory */
  sqliteFile?: string;
  sqlite?: SQLite.Database;
  close(): Promise<void>;
}

function safeInteger(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new RangeError(`integer ${value} is outside the safe range`);
  return n;
}

// BIGINT, and NUMERIC (what sum() of BIGINT returns), as safe JS integers.
pg.types.setTypeParser(pg.types.builtins.INT8, safeInteger);
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v: string) =>
  /^-?\d+$/.test(v) ? safeInteger(v) : Number(v),
);

export function dialectOf(url: string): DialectName {
  if (url.startsWith('sqlite:')) return 'sqlite';
  if (/^postgres(ql)?:\/\//.test(url)) return 'postgres';
  throw new Error(`unsupported database url: ${url}`);
}

/**
 * The database holds personal data and password hashes: a new file is made
 * readable by its owner only (0600), and SQLite gives its -wal and -shm files
 * the mode of the database file. A folder made for it is 0700.
 */
export function openSqlite(file: string): SQLite.Database {
  if (file !== ':memory:') {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    if (!existsSync(file)) closeSync(openSync(file, 'a', 0o600));
  }
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  return sqlite;
}

/**
 * Kysely's SQLite driver prepares every query anew; compiling the SQL again
 * costs about 25 µs a query (a fifth of a directory page). Statements are kept
 * by their SQL text and reused: one connection runs one query at a time (the
 * driver holds a lock, also while a stream is read), so a reused statement is
 * never busy. SQLite re-prepares a kept statement itself when the schema changes.
 */
export function reusingStatements(sqlite: SQLite.Database, keep = 300): SQLite.Database {
  const kept = new Map<string, SQLite.Statement>();
  const prepare = (source: string): SQLite.Statement => {
    let stmt = kept.get(source);
    if (stmt) {
      kept.delete(source); // re-inserted below: the map's order is least recently used first
    } else {
      stmt = sqlite.prepare(source);
      if (kept.size >= keep) kept.delete(kept.keys().next().value!);
    }
    kept.set(source, stmt);
    return stmt;
  };
  return new Proxy(sqlite, {
    get(target, prop) {
      if (prop === 'prepare') return prepare;
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/**
 * Transactions take SQLite's write lock when they begin (BEGIN IMMEDIATE). A
 * plain BEGIN reads first and asks for the lock at its first write; if another
 * process (a backup, a command) wrote in between, that write fails at once
 * with SQLITE_BUSY_SNAPSHOT instead of waiting out busy_timeout. Within this
 * process nothing changes: the one connection runs one transaction at a time.
 */
class ImmediateSqliteDialect extends SqliteDialect {
  override createDriver(): Driver {
    const driver = super.createDriver();
    driver.beginTransaction = async (connection) => {
      await connection.executeQuery(CompiledQuery.raw('begin immediate'));
    };
    return driver;
  }
}

export function openDatabase(url: string, options: { poolSize?: number } = {}): DatabaseHandle {
  const dialect = dialectOf(url);
  if (dialect === 'sqlite') {
    const file = url.slice('sqlite:'.length) || ':memory:';
    const sqlite = openSqlite(file);
    const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: reusingStatements(sqlite) }) });
    return {
      db,
      dialect,
      sqlite,
      sqliteFile: file === ':memory:' ? undefined : file,
      close: () => db.destroy(),
    };
  }
  const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10, connectionTimeoutMillis: 10_000 });
  // PostgreSQL ending an idle connection (a restart, a failover) is an 'error' event on the pool:
  // unheard, it would stop the process. The pool drops that connection and makes a new one when needed.
  pool.on('error', (err) => process.stderr.write(`PostgreSQL closed an idle connection: ${err.message}\n`));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect, close: () => db.destroy() };
}
