/**
 * The `coopnet` command: serve | migrate | seed-demo | create-admin | backup |
 * restore | rotate-card-key | retire-card-key | help. Run as
 * `node --import tsx server/src/main.ts <command>`, `npm run coopnet -- <command>`,
 * or `server/bin/coopnet.js <command>`.
 * Exit codes: 0 done, 1 failed (bad configuration, a refusal), 2 bad arguments.
 */
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildApp } from './app.ts';
import { BackupError, backupDatabase, checkRestoreSecrets, defaultFormat, restoreDatabase } from './cli/backup.ts';
import { AdminInputError, createCoordinator } from './cli/create-admin.ts';
import { DEMO_BANNER, decidePurpose, decidePurposeAfterRestore, prepareToServe } from './cli/database-purpose.ts';
import { stopGracefully } from './cli/graceful-stop.ts';
import { countsTable, loginsBox, progressLine } from './cli/output.ts';
import { logDemoBanner, logDemoLogins, logPublicUrlUnset, logSeeded, logServing, prettyServeLines } from './cli/serve-log.ts';
import { retireCardKeyCommand, rotateCardKeyCommand } from './cli/rotate-card-key.ts';
import { type Config, ConfigError, readEnv } from './config.ts';
import { type DatabaseHandle, openDatabase } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import { DEMO_PASSWORD, type DemoSize, MAX_COOPS, MAX_WORKERS, defaultSize, hasCoops, minimumWorkers, seedDemo, workingDemoLogins } from './modules/demo/index.ts';
import { ensureNetwork, getNetwork } from './modules/network/index.ts';
import { AppError } from './platform/errors.ts';
import { createLogger } from './platform/log/logger.ts';
import { configuredSecrets, databaseUrlOf, resolveConfig } from './secrets.ts';

const USAGE = `Usage: coopnet <command> [options]

Commands:
  serve                                  migrate, seed the demo network into an empty database
                                         (unless SEED_DEMO=false or the database is marked for a
                                         real network), and serve the web app and API
  migrate                                apply database migrations; with SEED_DEMO=false, mark an
                                         empty database for a real network (never the demo)
  seed-demo [--coops N] [--workers N]    seed a demo network of any size into an empty database
                                         (default 12 co-ops, 5 workers each)
  create-admin --email E --name N        create a coordinator account (and mark a new database for
                                         a real network); the password is read from
                                         COOPNET_ADMIN_PASSWORD or generated and printed once
  backup FILE [--format sqlite|jsonl]    a consistent copy of the database, safe while serving
                                         (SQLite: a database file; PostgreSQL: JSON lines, .gz to compress);
                                         it says which secrets it needs, without holding them
  restore FILE [--force] [--new-secrets]
                                         restore a backup into an empty database (--force replaces
                                         what is there) and check its integrity; refused, changing
                                         nothing, when this configuration lacks the backup's secrets
                                         (copy the old DATA_DIR/secrets.json first), unless --new-secrets
  rotate-card-key                        publish a new member-card signing key and store it in
                                         DATA_DIR/secrets.json; restart to sign with it
  retire-card-key KID                    stop accepting cards signed by an old key
  help                                   show this; coopnet <command> --help shows one command

Configuration comes from environment variables (see docs/operations.md):
DATABASE_URL, DATA_DIR, PORT, HOST, PUBLIC_URL, ...`;

class UsageError extends Error {}

/** One command's lines of USAGE, as its own usage; null for a command USAGE does not list. */
function commandUsage(command: string): string | null {
  const lines = USAGE.split('\n');
  const start = lines.findIndex((l) => l.startsWith(`  ${command} `));
  if (start < 0) return null;
  const [signature, first] = lines[start]!.slice(2).split(/\s{2,}/);
  const text = first ? [first] : [];
  for (let i = start + 1; i < lines.length && /^ {10,}\S/.test(lines[i]!); i++) text.push(lines[i]!.trim());
  return `Usage: coopnet ${signature}\n\n  ${text.join('\n  ')}\n\n${lines.slice(lines.findIndex((l) => l.startsWith('Configuration'))).join('\n')}`;
}

const out = (s: string) => process.stdout.write(`${s}\n`);
const err = (s: string) => process.stderr.write(`${s}\n`);

function config(): Config {
  return resolveConfig(readEnv());
}

function count(value: string | undefined, name: string, max: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > max) throw new UsageError(`--${name} must be a whole number from 1 to ${max}.`);
  return Number(value);
}

async function withDatabase<T>(cfg: Pick<Config, 'databaseUrl'>, work: (handle: DatabaseHandle) => Promise<T>): Promise<T> {
  const handle = openDatabase(cfg.databaseUrl);
  try {
    return await work(handle);
  } finally {
    await handle.close();
  }
}

/** HOST must be an IP address or a name this machine resolves: checked before anything is written. */
async function checkHost(host: string): Promise<void> {
  if (isIP(host)) return;
  try {
    await lookup(host);
  } catch (e) {
    throw new ConfigError(`Invalid configuration:\n  HOST: ${host} is neither an IP address nor a name this machine can resolve (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}).`);
  }
}

async function serve(): Promise<void> {
  const cfg = config();
  await checkHost(cfg.host);
  // Everything serve says about the running server is a log line (serve-log.ts).
  const log = createLogger({ level: cfg.logLevel, format: cfg.logFormat }, { pretty: { render: prettyServeLines } });
  const { app, deps } = await buildApp(cfg, { logger: log });
  const { purpose, seeded } = await prepareToServe(deps, cfg.seedDemo);
  if (seeded) logSeeded(log, seeded.counts);
  if (purpose === 'demo') logDemoBanner(log);
  const logins = await workingDemoLogins(deps.db);
  if (logins.length > 0) logDemoLogins(log, (await deps.network.get()).name, DEMO_PASSWORD, logins);
  else if (!process.env.PUBLIC_URL) logPublicUrlUnset(log, cfg.publicUrl);

  stopGracefully(app);

  try {
    await app.listen({ host: cfg.host, port: cfg.port });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new ConfigError(`Cannot listen on ${cfg.host}:${cfg.port}: the port is in use (PORT=${cfg.port}).`);
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND' || code === 'EAI_AGAIN') throw new ConfigError(`Cannot listen on HOST=${cfg.host}: not an address of this machine (${code}).`);
    if (code === 'EACCES') throw new ConfigError(`Cannot listen on ${cfg.host}:${cfg.port}: not allowed (ports below 1024 need privileges; PORT=${cfg.port}).`);
    throw e;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : cfg.port;
  logServing(log, { purpose, host: cfg.host, port, publicUrl: cfg.publicUrl });
}

/** Says what a database decided for a real network turned out to be, when it was the demo already. */
function warnIfDemo(purpose: string): void {
  if (purpose === 'demo') err(`${DEMO_BANNER}\nThis database already holds the demo network; for a real network, start from an empty database.`);
}

async function migrate(): Promise<void> {
  const cfg = config();
  await withDatabase(cfg, async (handle) => {
    const applied = await migrateToLatest(handle.db);
    out(applied.length > 0 ? `Applied ${applied.length} migration(s): ${applied.join(', ')}` : 'The database is up to date.');
    if (!cfg.seedDemo) {
      const purpose = await decidePurpose(handle.db, 'real');
      if (purpose === 'real') out('The database is for a real network: the demo network is never seeded into it.');
      warnIfDemo(purpose);
    }
  });
}

async function seed(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { coops: { type: 'string' }, workers: { type: 'string' } }, strict: true });
  const coops = count(values.coops, 'coops', MAX_COOPS) ?? defaultSize().coops;
  const workers = count(values.workers, 'workers', MAX_WORKERS) ?? defaultSize(coops).workers;
  if (workers < minimumWorkers(coops)) throw new UsageError(`--workers must be at least ${minimumWorkers(coops)} for ${coops} co-ops (the named workers of the curated co-ops).`);
  const size: DemoSize = { coops, workers };
  await withDatabase(config(), async (handle) => {
    await migrateToLatest(handle.db);
    await ensureNetwork(handle.db);
    if (await hasCoops(handle.db)) throw new AppError(409, 'demo.not_empty', 'The database already holds co-ops; seed-demo only fills an empty database.');
    const started = Date.now();
    const seeded = await seedDemo(handle, size, progressLine('seeding', { minTotal: 2000 }));
    const c = seeded.counts;
    out(`Seeded ${c.coops} co-ops, ${c.workers} workers, ${c.supporters} supporters, ${c.roleGrants} roles and ${c.applications} applications in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    out(loginsBox((await getNetwork(handle.db)).name, seeded.password, seeded.logins));
  });
}

async function createAdmin(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { email: { type: 'string' }, name: { type: 'string' } }, strict: true });
  if (!values.email || !values.name) throw new UsageError('create-admin needs --email and --name.');
  const { email, name } = values;
  await withDatabase(config(), async (handle) => {
    await migrateToLatest(handle.db);
    await ensureNetwork(handle.db);
    const made = await createCoordinator(handle.db, { email, name, password: process.env.COOPNET_ADMIN_PASSWORD });
    warnIfDemo(await decidePurpose(handle.db, 'real'));
    if (!made.created) out(`${made.email} already had an account; it is now a coordinator and keeps its password.`);
    else if (made.generatedPassword) out(`Created coordinator ${made.email} with the one-time password:\n\n    ${made.generatedPassword}\n\nSign in and change it now; it is not shown again.`);
    else out(`Created coordinator ${made.email} with the password from COOPNET_ADMIN_PASSWORD.`);
  });
}

async function backup(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args, options: { format: { type: 'string' } }, allowPositionals: true, strict: true });
  if (positionals.length !== 1) throw new UsageError('backup needs one FILE.');
  if (values.format !== undefined && values.format !== 'sqlite' && values.format !== 'jsonl') throw new UsageError('--format is sqlite or jsonl.');
  const file = resolve(positionals[0]!);
  const env = readEnv();
  // The secrets are read, never made: a backup records those of the server it copies, or says it cannot.
  await withDatabase({ databaseUrl: databaseUrlOf(env) }, async (handle) => {
    const started = Date.now();
    const format = (values.format as 'sqlite' | 'jsonl' | undefined) ?? defaultFormat(handle.dialect, file);
    const report = await backupDatabase(handle, file, { format, onProgress: progressLine('backing up'), secrets: configuredSecrets(env) });
    out(`Backed up to ${report.file} (${report.format}, ${(report.bytes / 1024).toFixed(0)} KiB) in ${((Date.now() - started) / 1000).toFixed(1)} s:`);
    out(countsTable(report.tables));
    for (const warning of report.warnings) err(warning);
  });
}

async function restore(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args, options: { force: { type: 'boolean' }, 'new-secrets': { type: 'boolean' } }, allowPositionals: true, strict: true });
  if (positionals.length !== 1) throw new UsageError('restore needs one FILE.');
  const file = resolve(positionals[0]!);
  const env = readEnv();
  // Before the database is opened: a refusal leaves no database file and no secrets.json behind.
  const secrets = await checkRestoreSecrets(file, configuredSecrets(env), values['new-secrets'] ?? false);
  for (const warning of secrets.warnings) err(warning);
  await withDatabase({ databaseUrl: databaseUrlOf(env) }, async (handle) => {
    const report = await restoreDatabase(handle, file, { force: values.force ?? false, onProgress: progressLine('restoring') });
    out(`Restored ${report.file} (${report.format}):`);
    out(countsTable(report.tables));
    if (report.problems.length > 0) {
      err(`The restored database FAILED its integrity check:\n  ${report.problems.join('\n  ')}`);
      process.exitCode = 1;
    } else {
      out('Integrity check: ok.');
      if (secrets.checked) out(secrets.checked);
      if ((await decidePurposeAfterRestore(handle.db)) === 'demo') err(DEMO_BANNER);
    }
  });
}

export async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  const usage = command && (rest.includes('--help') || rest.includes('-h')) ? commandUsage(command) : null;
  if (usage) {
    out(usage);
    return;
  }
  try {
    switch (command) {
      case 'serve':
        if (rest.length > 0) throw new UsageError('serve takes no arguments; it is configured by environment variables.');
        return await serve();
      case 'migrate':
        if (rest.length > 0) throw new UsageError('migrate takes no arguments.');
        return await migrate();
      case 'seed-demo':
        return await seed(rest);
      case 'create-admin':
        return await createAdmin(rest);
      case 'backup':
        return await backup(rest);
      case 'restore':
        return await restore(rest);
      case 'rotate-card-key':
        if (rest.length > 0) throw new UsageError('rotate-card-key takes no arguments.');
        return await rotateCardKeyCommand(out);
      case 'retire-card-key':
        if (rest.length !== 1) throw new UsageError('retire-card-key needs one key id (see /.well-known/coopnet-keys.json).');
        return await retireCardKeyCommand(rest[0]!, out);
      case 'help':
      case '--help':
      case '-h':
        out(USAGE);
        return;
      default:
        throw new UsageError(command ? `Unknown command: ${command}` : 'Name a command.');
    }
  } catch (e) {
    // parseArgs throws TypeErrors with a code for unknown or malformed options.
    const code = (e as { code?: string }).code;
    if (e instanceof UsageError || (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS'))) {
      err(`${(e as Error).message}\n\n${USAGE}`);
      process.exit(2);
    }
    if (e instanceof ConfigError || e instanceof BackupError || e instanceof AdminInputError || e instanceof AppError) {
      err((e as Error).message);
      process.exit(1);
    }
    err(`coopnet ${command}: ${(e as Error).stack ?? String(e)}`);
    process.exit(1);
  }
}

await main(process.argv.slice(2));
