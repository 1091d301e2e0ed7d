/**
 * `coopnet backup` and `coopnet restore` (see docs/decisions/0003-backup-format.md).
 *
 * A backup is a consistent copy taken while the server keeps serving and
 * writing: on SQLite a database file made by `VACUUM INTO` (a read snapshot),
 * on PostgreSQL a JSON-lines dump of every table read in one REPEATABLE READ
 * transaction. Restore reads either format into an empty database of either
 * dialect in one transaction, then checks its integrity and row counts.
 * Each backup says which secrets it needs (backup-secrets.ts), and restore
 * refuses other ones before it changes anything unless told.
 */
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { chmod, open, rename, rm, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { z } from 'zod';
import type { DatabaseHandle, DialectName, Executor } from '../db/database.ts';
import { knownMigrations, migrateTo, migrateToLatest } from '../db/migrate.ts';
import { STARTING_ROWS } from '../db/starting-rows.ts';
import type { Database } from '../db/schema.ts';
import { governanceAsFirstMade } from '../modules/governance/index.ts';
import {
  BackupSecrets,
  type ConfiguredSecrets,
  type SecretsComparison,
  compareSecrets,
  describeSecrets,
  unpublishedKids,
} from './backup-secrets.ts';
import * as repo from './backup.repository.ts';
import type { Row } from './backup.repository.ts';

export type BackupFormat = 'sqlite' | 'jsonl';
export type Progress = (stage: string, done: number, total: number) => void;

export interface TableCount {
  table: string;
  rows: number;
}

export interface BackupReport {
  file: string;
  format: BackupFormat;
  bytes: number;
  tables: TableCount[];
  /** what the backup says it needs */
  secrets: BackupSecrets;
  /** what it could not tell about its secrets */
  warnings: string[];
}

export interface RestoreReport {
  file: string;
  format: BackupFormat;
  tables: TableCount[];
  /** empty when the restored database passed every check */
  problems: string[];
}

/** A refusal or a broken file: the CLI prints the message and exits 1. */
export class BackupError extends Error {}

/** The first line of a JSON-lines backup. */
const JsonlHeader = z.object({
  coopnet: z.literal('backup'),
  version: z.literal(1),
  createdAt: z.string(),
  dialect: z.enum(['sqlite', 'postgres'] satisfies DialectName[]),
  migrations: z.array(z.string()),
  tables: z.array(z.string()),
  counts: z.record(z.string(), z.number()),
  /** missing in backups from before they said which secrets they need */
  secrets: BackupSecrets.optional(),
});
type JsonlHeader = z.infer<typeof JsonlHeader>;

/** What a SQLite backup keeps in its manifest table; a backup from before manifests has none. */
const Manifest = z.object({ secrets: BackupSecrets.optional() });
type Manifest = z.infer<typeof Manifest>;

/** A row line of a JSON-lines backup is an object: checked by hand, as restore reads millions of them. */
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const READ_BATCH = 1000;
/** Rows per INSERT, bounded by SQLite's 32,766 bound parameters. */
const insertBatch = (columns: number) => Math.max(1, Math.min(500, Math.floor(30_000 / Math.max(1, columns))));

/** Parents before children, so PostgreSQL's foreign keys hold at every insert. */
export function restoreOrder(tables: string[], edges: [string, string][]): string[] {
  const parents = new Map(tables.map((t) => [t, new Set<string>()]));
  for (const [child, parent] of edges) if (child !== parent && parents.has(parent)) parents.get(child)?.add(parent);
  const done: string[] = [];
  const left = new Set(tables);
  while (left.size > 0) {
    const ready = [...left].filter((t) => [...parents.get(t)!].every((p) => !left.has(p)));
    // A cycle cannot be ordered; SQLite defers its checks, PostgreSQL would report the broken key.
    const next = ready.length > 0 ? ready : [...left].slice(0, 1);
    for (const t of next.sort()) {
      done.push(t);
      left.delete(t);
    }
  }
  return done;
}

async function tableOrder(ex: Executor, dialect: DialectName) {
  const tables = await repo.listTables(ex);
  const names = tables.map((t) => t.name);
  const order = restoreOrder(names, await repo.foreignKeys(ex, dialect, names));
  return { order, columns: new Map(tables.map((t) => [t.name, t.columns])) };
}

export function defaultFormat(dialect: DialectName, file: string): BackupFormat {
  return dialect === 'postgres' || /\.(jsonl|ndjson)(\.gz)?$|\.gz$/.test(file) ? 'jsonl' : 'sqlite';
}

const temporaryName = (file: string) => `${file}.partial-${randomBytes(4).toString('hex')}`;

/** Values JSON cannot carry as they are: bytes as base64, times as ISO text. */
function encodeRow(row: Row): Row {
  const out: Row = {};
  for (const [k, v] of Object.entries(row)) {
    out[k] = Buffer.isBuffer(v) ? { $bytes: v.toString('base64') } : v instanceof Date ? v.toISOString() : v;
  }
  return out;
}

function decodeRow(row: Row, dialect: DialectName): Row {
  const out: Row = {};
  for (const [k, v] of Object.entries(row)) {
    if (v && typeof v === 'object' && !Buffer.isBuffer(v)) {
      const bytes = (v as { $bytes?: unknown }).$bytes;
      out[k] = typeof bytes === 'string' ? Buffer.from(bytes, 'base64') : dialect === 'sqlite' ? JSON.stringify(v) : v;
    } else out[k] = v;
  }
  return out;
}

function openSqliteFile(file: string, readonly = true): { db: Kysely<Database>; close: () => Promise<void> } {
  const sqlite = new SQLite(file, { readonly, fileMustExist: true });
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, close: () => db.destroy() };
}

async function countAll(ex: Executor, tables: string[]): Promise<TableCount[]> {
  const out: TableCount[] = [];
  for (const table of tables) out.push({ table, rows: await repo.countRows(ex, table) });
  return out;
}

/** Takes a backup of the database behind `handle` into `file` (replaced atomically when done). */
export async function backupDatabase(
  handle: DatabaseHandle,
  file: string,
  options: { format?: BackupFormat; onProgress?: Progress; secrets?: Partial<ConfiguredSecrets> } = {},
): Promise<BackupReport> {
  const configured = options.secrets ?? {};
  const format = options.format ?? defaultFormat(handle.dialect, file);
  const folder = await stat(dirname(file)).catch(() => null);
  if (!folder?.isDirectory()) throw new BackupError(`The folder ${dirname(file)} does not exist; create it first.`);
  if (format === 'sqlite' && handle.dialect !== 'sqlite')
    throw new BackupError('A PostgreSQL database is backed up as JSON lines; name the file .jsonl or .jsonl.gz.');
  const tmp = temporaryName(file);
  try {
    const copied =
      format === 'sqlite'
        ? await vacuumCopy(handle, tmp, configured)
        : await jsonlDump(handle, tmp, /\.gz$/.test(file), configured, options.onProgress);
    // Backups hold password hashes and personal data: readable by the owner only.
    await chmod(tmp, 0o600);
    await rename(tmp, file);
    return { file, format, bytes: (await stat(file)).size, ...copied };
  } finally {
    await rm(tmp, { force: true });
  }
}

type Copied = Pick<BackupReport, 'tables' | 'secrets' | 'warnings'>;

async function vacuumCopy(
  handle: DatabaseHandle,
  tmp: string,
  configured: Partial<ConfiguredSecrets>,
): Promise<Copied> {
  await repo.vacuumInto(handle.db, tmp);
  const copy = openSqliteFile(tmp, false);
  try {
    const tables = (await repo.listTables(copy.db)).map((t) => t.name);
    // Described from the copy: the card keys as they were at the copy's instant.
    const { secrets, warnings } = await describeSecrets(copy.db, configured, tables.includes('card_keys'));
    const manifest: Manifest = { secrets };
    await repo.writeManifest(copy.db, JSON.stringify(manifest));
    const problems = await repo.sqliteProblems(copy.db);
    if (problems.length > 0)
      throw new BackupError(`The copy failed its integrity check: ${problems.slice(0, 5).join('; ')}`);
    return { tables: await countAll(copy.db, tables), secrets, warnings };
  } finally {
    await copy.close();
  }
}

async function jsonlDump(
  handle: DatabaseHandle,
  tmp: string,
  gzip: boolean,
  configured: Partial<ConfiguredSecrets>,
  onProgress?: Progress,
): Promise<Copied> {
  return handle.db
    .transaction()
    .setIsolationLevel('repeatable read')
    .setAccessMode('read only')
    .execute(async (trx) => {
      // Every read below sees the one snapshot this transaction took at its first read.
      const { order } = await tableOrder(trx, handle.dialect);
      const counts = await countAll(trx, order);
      const total = counts.reduce((s, c) => s + c.rows, 0);
      const { secrets, warnings } = await describeSecrets(trx, configured, order.includes('card_keys'));
      const header: JsonlHeader = {
        coopnet: 'backup',
        version: 1,
        createdAt: new Date().toISOString(),
        dialect: handle.dialect,
        migrations: await repo.executedMigrations(trx),
        tables: order,
        counts: Object.fromEntries(counts.map((c) => [c.table, c.rows])),
        secrets,
      };
      async function* lines() {
        yield `${JSON.stringify(header)}\n`;
        let done = 0;
        for (const table of order) {
          for await (const rows of repo.readTable(trx, handle.dialect, table, READ_BATCH)) {
            yield rows.map((row) => `${JSON.stringify({ table, row: encodeRow(row) })}\n`).join('');
            done += rows.length;
            onProgress?.('rows', done, total);
          }
        }
        yield `${JSON.stringify({ end: true, rows: done })}\n`;
      }
      const out = createWriteStream(tmp, { flags: 'wx', mode: 0o600 });
      await (gzip ? pipeline(Readable.from(lines()), createGzip(), out) : pipeline(Readable.from(lines()), out));
      return { tables: counts, secrets, warnings };
    });
}

/** What restore reads: the backup's schema version, its row counts, and its rows table by table. */
interface BackupSource {
  format: BackupFormat;
  migrations: string[];
  counts: Record<string, number>;
  /** undefined for a backup from before backups said which secrets they need */
  secrets: BackupSecrets | undefined;
  batches(order: string[]): AsyncGenerator<{ table: string; rows: Row[] }>;
  close(): Promise<void>;
}

async function sniff(file: string): Promise<Buffer> {
  const fd = await open(file, 'r').catch(() => {
    throw new BackupError(`Cannot read ${file}.`);
  });
  try {
    const buf = Buffer.alloc(16);
    const { bytesRead } = await fd.read(buf, 0, 16, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fd.close();
  }
}

/** SQLite's and zlib's errors about a cut or corrupted backup, as one clear message. */
function damaged(file: string, e: unknown): unknown {
  const code = (e as { code?: unknown }).code;
  if (typeof code === 'string' && /^(SQLITE_(CORRUPT|NOTADB|IOERR_SHORT_READ)|Z_(BUF|DATA)_ERROR)/.test(code)) {
    return new BackupError(
      `${file} is damaged — cut short or corrupted (${(e as Error).message}); restore from another backup.`,
    );
  }
  return e;
}

async function* guarded<T>(file: string, items: AsyncGenerator<T>): AsyncGenerator<T> {
  try {
    yield* items;
  } catch (e) {
    throw damaged(file, e);
  }
}

async function openSource(file: string): Promise<BackupSource> {
  const magic = await sniff(file);
  let source: BackupSource;
  try {
    if (magic.toString('latin1') === 'SQLite format 3\0') source = await sqliteSource(file);
    else if ((magic[0] === 0x1f && magic[1] === 0x8b) || magic.toString('utf8').startsWith('{'))
      source = await jsonlSource(file, magic[0] === 0x1f);
    else throw new BackupError(`${file} is not a Coopnet backup (neither a SQLite database nor JSON lines).`);
  } catch (e) {
    throw damaged(file, e);
  }
  const { batches } = source;
  return { ...source, batches: (order) => guarded(file, batches.call(source, order)) };
}

/** A SQLite backup's manifest, checked: one that is not JSON or does not fit is not a backup Coopnet made. */
function manifestOf(file: string, text: string): Manifest {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const manifest = Manifest.safeParse(json);
  if (!manifest.success)
    throw new BackupError(`${file} is not a Coopnet backup (its manifest is not a backup manifest).`);
  return manifest.data;
}

async function sqliteSource(file: string): Promise<BackupSource> {
  const src = openSqliteFile(file);
  let tables: string[], counts: Record<string, number>, migrations: string[], manifest: Manifest | undefined;
  try {
    tables = (await repo.listTables(src.db)).map((t) => t.name).filter((t) => t !== repo.MANIFEST_TABLE);
    counts = Object.fromEntries((await countAll(src.db, tables)).map((c) => [c.table, c.rows]));
    migrations = await repo.executedMigrations(src.db);
    const text = await repo.readManifest(src.db);
    manifest = text === undefined ? undefined : manifestOf(file, text);
  } catch (e) {
    await src.close();
    throw e;
  }
  return {
    format: 'sqlite',
    migrations,
    counts,
    secrets: manifest?.secrets,
    async *batches(order) {
      for (const t of tables)
        if (!order.includes(t)) throw new BackupError(`The backup has a table "${t}" that this database lacks.`);
      for (const table of order) {
        if (!tables.includes(table)) continue;
        for await (const rows of repo.readTable(src.db, 'sqlite', table, READ_BATCH)) yield { table, rows };
      }
    },
    close: src.close,
  };
}

async function jsonlSource(file: string, gzip: boolean): Promise<BackupSource> {
  const raw = createReadStream(file);
  const input = gzip ? raw.pipe(createGunzip()) : raw;
  const lines = createInterface({ input, crlfDelay: Infinity })[Symbol.asyncIterator]();
  const parse = (line: string, n: number): unknown => {
    try {
      return JSON.parse(line);
    } catch {
      throw new BackupError(`Line ${n} of the backup is not valid JSON; the file is damaged.`);
    }
  };
  const first = await lines.next();
  const read = JsonlHeader.safeParse(first.done ? undefined : parse(first.value, 1));
  if (!read.success) {
    raw.destroy();
    throw new BackupError(`${file} is not a Coopnet backup (its first line is not a backup header).`);
  }
  const header = read.data;
  return {
    format: 'jsonl',
    migrations: header.migrations,
    counts: header.counts,
    secrets: header.secrets,
    async *batches() {
      let table: string | null = null;
      let rows: Row[] = [];
      let n = 1;
      for (;;) {
        const next = await lines.next();
        if (next.done) throw new BackupError('The backup ends before its last line: the file was cut short.');
        const line = parse(next.value, ++n);
        if (isObject(line) && line.end === true) break;
        if (!isObject(line) || typeof line.table !== 'string' || !isObject(line.row))
          throw new BackupError(`Line ${n} of the backup is not a row.`);
        if ((line.table !== table || rows.length >= READ_BATCH) && rows.length > 0) {
          yield { table: table!, rows };
          rows = [];
        }
        table = line.table;
        rows.push(line.row);
      }
      if (table && rows.length > 0) yield { table, rows };
    },
    close: async () => {
      raw.destroy();
    },
  };
}

const isPrefix = (a: string[], b: string[]) => a.length <= b.length && a.every((m, i) => b[i] === m);

/**
 * The tables holding more than every start makes (`serve`, `migrate`): the
 * network's settings row, bylaws version 1 and the three default bodies, as
 * they were made. A database holding only those is empty enough to restore into.
 */
async function occupiedTables(ex: Executor): Promise<string[]> {
  const tables = (await repo.listTables(ex)).map((t) => t.name);
  const governance =
    tables.includes('bodies') && tables.includes('bylaws_versions') ? await governanceAsFirstMade(ex) : {};
  const madeByStart: Record<string, number> = { ...STARTING_ROWS, ...governance };
  const counts = await countAll(ex, tables);
  return counts.filter((c) => c.rows > (madeByStart[c.table] ?? 0)).map((c) => `${c.table}: ${c.rows}`);
}

function refuseOccupied(occupied: string[]): never {
  throw new BackupError(
    `The database is not empty (${occupied.join(', ')}). Restore into an empty database, or pass --force to replace everything in it.`,
  );
}

/**
 * Compares the secrets `file` says it needs with the configuration's, before
 * anything is changed: refuses (BackupError) when they differ, unless
 * `acceptNew`.
 */
export async function checkRestoreSecrets(
  file: string,
  configured: ConfiguredSecrets,
  acceptNew: boolean,
): Promise<SecretsComparison> {
  const source = await openSource(file);
  try {
    const compared = await compareSecrets(source.secrets, configured, acceptNew);
    if (compared.refusal) throw new BackupError(compared.refusal);
    return compared;
  } finally {
    await source.close();
  }
}

/** Restores `file` into the database behind `handle`, which must be empty unless `force`. */
export async function restoreDatabase(
  handle: DatabaseHandle,
  file: string,
  options: { force?: boolean; onProgress?: Progress } = {},
): Promise<RestoreReport> {
  const source = await openSource(file);
  try {
    const known = knownMigrations();
    const unknown = source.migrations.filter((m) => !known.includes(m));
    if (unknown.length > 0)
      throw new BackupError(
        `This backup was made by a newer Coopnet (it has migrations ${unknown.join(', ')}); upgrade Coopnet first.`,
      );
    if (source.migrations.length === 0)
      throw new BackupError(`${file} holds no Coopnet data (no migrations were ever run on it).`);

    const executed = await repo.executedMigrations(handle.db);
    if (!options.force && executed.length > 0) {
      const occupied = await occupiedTables(handle.db);
      if (occupied.length > 0) refuseOccupied(occupied);
    }
    // Load the rows into the schema they were written for; later migrations run on them afterwards.
    if (isPrefix(executed, source.migrations))
      await migrateTo(handle.db, source.migrations[source.migrations.length - 1]!);

    const total = Object.values(source.counts).reduce((s, n) => s + n, 0);
    const loaded = new Map<string, number>();
    await handle.db.transaction().execute(async (trx) => {
      const { order, columns } = await tableOrder(trx, handle.dialect);
      if (!options.force) {
        const occupied = await occupiedTables(trx);
        if (occupied.length > 0) refuseOccupied(occupied);
      }
      if (handle.dialect === 'sqlite') await repo.deferForeignKeys(trx);
      for (const table of [...order].reverse()) await repo.deleteAllRows(trx, table);
      let done = 0;
      for await (const { table, rows } of source.batches(order)) {
        const cols = columns.get(table);
        if (!cols) throw new BackupError(`The backup has a table "${table}" that this database lacks.`);
        const size = insertBatch(cols.length);
        for (let i = 0; i < rows.length; i += size) {
          await repo.insertRows(
            trx,
            table,
            rows.slice(i, i + size).map((r) => decodeRow(r, handle.dialect)),
          );
        }
        loaded.set(table, (loaded.get(table) ?? 0) + rows.length);
        done += rows.length;
        options.onProgress?.('rows', done, total);
      }
      for (const [table, expected] of Object.entries(source.counts)) {
        if ((loaded.get(table) ?? 0) !== expected) {
          throw new BackupError(
            `The backup says ${table} has ${expected} rows but ${loaded.get(table) ?? 0} were read; the file is damaged.`,
          );
        }
      }
    });
    await migrateToLatest(handle.db);
    const { problems, tables } = await checkIntegrity(handle);
    for (const [table, expected] of Object.entries(source.counts)) {
      const found = tables.find((t) => t.table === table)?.rows;
      if (found !== expected) problems.push(`${table}: ${found ?? 'no'} rows restored, ${expected} in the backup`);
    }
    for (const kid of await unpublishedKids(handle.db, source.secrets)) {
      problems.push(
        `card key ${kid}: the backup lists it, the restored database does not publish it (tills would refuse its cards)`,
      );
    }
    return { file, format: source.format, tables, problems };
  } finally {
    await source.close();
  }
}

/** SQLite's integrity and foreign-key checks (PostgreSQL enforced its keys at every insert), and the row count of every table. */
export async function checkIntegrity(handle: DatabaseHandle): Promise<{ problems: string[]; tables: TableCount[] }> {
  const problems = handle.dialect === 'sqlite' ? await repo.sqliteProblems(handle.db) : [];
  const tables = await countAll(
    handle.db,
    (await repo.listTables(handle.db)).map((t) => t.name),
  );
  return { problems, tables };
}
