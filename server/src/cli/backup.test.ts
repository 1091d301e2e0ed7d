import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type DatabaseHandle, openDatabase } from '../db/database.ts';
import { STARTING_ROWS } from '../db/starting-rows.ts';
import { describeOnDatabases, freshDatabaseUrl } from '../../test/harness.ts';
import { tempDir } from '../../test/temp-dir.ts';
import { backupDatabase, type BackupReport, checkIntegrity, restoreDatabase } from './backup.ts';

const application = (i: number) => ({
  coop: {
    name: `Cooperativa Número ${i}`,
    legalForm: 'cooperativa de trabajo asociado',
    sector: 'bakery',
    address: `Carrer de Sueca ${i}`,
    city: 'València',
    description: 'Bread baked by its workers',
    workerCount: 3 + (i % 10),
  },
  contactName: `Contact ${i}`,
  contactEmail: `contact${i}@example.org`,
  message: 'We would like to join.',
});

const tempFile = (name: string) => join(tempDir('backup'), name);
const countsOf = (r: { tables: { table: string; rows: number }[] }) =>
  Object.fromEntries(r.tables.map((t) => [t.table, t.rows]));

/** Runs the `coopnet` command as a separate process, as an operator would. */
function coopnet(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts', ...args], {
      cwd: join(import.meta.dirname, '../../..'),
      env: { ...process.env, LOG_LEVEL: 'silent', DATA_DIR: tempDir('cli'), ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describeOnDatabases('backup and restore', (t) => {
  const other = () => (t.dialect === 'sqlite' ? 'postgres' : 'sqlite');
  let posted = 0;
  /** POSTs an application as a visitor from its own address (the route allows 20 an hour per address). */
  async function apply(): Promise<string> {
    const i = posted++;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/applications',
      payload: application(i),
      remoteAddress: `10.1.${i >> 8}.${i & 255}`,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  }

  // The command opens its own connection to the database the server is using.
  let command: DatabaseHandle;
  const opened: DatabaseHandle[] = [];
  const fresh = async (dialect = t.dialect) => {
    const h = openDatabase(await freshDatabaseUrl(dialect));
    opened.push(h);
    return h;
  };
  beforeAll(() => {
    command = openDatabase(t.deps.config.databaseUrl);
    opened.push(command);
  });
  afterAll(async () => {
    for (const h of opened) await h.close();
  });

  it('backs up while 200 applications are being written, and the restore holds every one acknowledged before, whole', async () => {
    const file = tempFile(t.dialect === 'sqlite' ? 'coopnet.db' : 'coopnet.jsonl');
    const acknowledged: string[] = [];
    let ackedBeforeBackup: string[] = [];
    let backup: Promise<BackupReport> | null = null;
    // Four visitors applying at once, 50 each; the backup starts midway and runs while they go on.
    await Promise.all(
      [0, 1, 2, 3].map(async () => {
        for (let k = 0; k < 50; k++) {
          acknowledged.push(await apply());
          if (acknowledged.length >= 100 && !backup) {
            ackedBeforeBackup = [...acknowledged];
            backup = backupDatabase(command, file);
          }
        }
      }),
    );
    const report = await backup!;
    expect(acknowledged).toHaveLength(200);
    expect(report.format).toBe(t.dialect === 'sqlite' ? 'sqlite' : 'jsonl');

    const target = await fresh();
    const restored = await restoreDatabase(target, file);
    expect(restored.problems).toEqual([]);
    expect(countsOf(restored)).toEqual(countsOf(report));

    const apps = await target.db.selectFrom('join_applications').select(['id', 'coop_id', 'contact_email']).execute();
    const ids = new Set(apps.map((a) => a.id));
    for (const id of ackedBeforeBackup) expect(ids.has(id), id).toBe(true);
    for (const id of ids) expect(acknowledged).toContain(id);

    // No half-written application: each has its co-op, its audit event and its mail, and nothing else is left over.
    const coops = await target.db.selectFrom('coops').select(['id', 'status']).execute();
    const audit = await target.db
      .selectFrom('audit_events')
      .select('subject_id')
      .where('action', '=', 'application.submitted')
      .execute();
    const mail = await target.db.selectFrom('outbox_mail').select('to_address').execute();
    expect(coops.filter((c) => c.status === 'applicant')).toHaveLength(apps.length);
    expect(new Set(audit.map((a) => a.subject_id))).toEqual(ids);
    expect(new Set(mail.map((m) => m.to_address))).toEqual(new Set(apps.map((a) => a.contact_email)));
    for (const a of apps) expect(coops.some((c) => c.id === a.coop_id)).toBe(true);
    expect((await checkIntegrity(target)).problems).toEqual([]);
  });

  it('refuses to restore into a database that holds data, changing nothing, unless forced', async () => {
    const file = tempFile('coopnet.jsonl');
    await backupDatabase(command, file, { format: 'jsonl' });
    const target = await fresh();
    await restoreDatabase(target, file);
    await apply();
    const before = countsOf(await checkIntegrity(command));

    await expect(restoreDatabase(command, file)).rejects.toThrow(/not empty.*--force/);
    expect(countsOf(await checkIntegrity(command))).toEqual(before);

    // Forced, the target's own rows give way to the backup's.
    const targetBefore = countsOf(await checkIntegrity(target));
    const forced = await restoreDatabase(target, file, { force: true });
    expect(forced.problems).toEqual([]);
    expect(countsOf(forced)).toEqual(targetBefore);
  });

  it('restores a backup into the other database engine', async () => {
    const file = tempFile('coopnet.jsonl.gz');
    const report = await backupDatabase(command, file, { format: 'jsonl' });
    expect(readFileSync(file).subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
    const target = await fresh(other());
    const restored = await restoreDatabase(target, file);
    expect(restored.problems).toEqual([]);
    expect(countsOf(restored)).toEqual(countsOf(report));
    const sample = await command.db.selectFrom('coops').selectAll().orderBy('id').limit(5).execute();
    expect(await target.db.selectFrom('coops').selectAll().orderBy('id').limit(5).execute()).toEqual(sample);
  });

  it('refuses damaged files, files that are not backups and backups from a newer version, leaving the database empty', async () => {
    const file = tempFile('coopnet.jsonl');
    await backupDatabase(command, file, { format: 'jsonl' });
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    const target = await fresh();
    const attempts: [string, string, RegExp][] = [
      ['cut.jsonl', lines.slice(0, -3).join('\n'), /cut short/],
      [
        'garbled.jsonl',
        [...lines.slice(0, 5), '{"table": "coops", "row": {', ...lines.slice(5)].join('\n'),
        /not valid JSON/,
      ],
      ['miscounted.jsonl', [...lines.slice(0, 3), ...lines.slice(4)].join('\n'), /damaged/],
      [
        'newer.jsonl',
        [lines[0]!.replace('"migrations":[', '"migrations":["9999-from-the-future",'), ...lines.slice(1)].join('\n'),
        /newer Coopnet/,
      ],
      [
        'not-a-row.jsonl',
        [...lines.slice(0, 3), 'null', ...lines.slice(3)].join('\n'),
        /Line 4 of the backup is not a row/,
      ],
      [
        'odd-secrets.jsonl',
        [JSON.stringify({ ...JSON.parse(lines[0]!), secrets: { cardKids: 'all' } }), ...lines.slice(1)].join('\n'),
        /not a Coopnet backup \(its first line/,
      ],
      ['notes.txt', 'my shopping list\n', /not a Coopnet backup/],
      ['other.json', '{"hello": "world"}\n', /not a Coopnet backup/],
    ];
    for (const [name, content, error] of attempts) {
      const bad = tempFile(name);
      writeFileSync(bad, content);
      await expect(restoreDatabase(target, bad), name).rejects.toThrow(error);
      // What the start makes is no data: the network's row, the sectors and the fund's chart a network starts with.
      const starting = STARTING_ROWS;
      const madeByStart = (x: { table: string; rows: number }) => starting[x.table] === x.rows;
      const rows = (await checkIntegrity(target)).tables.filter((x) => !madeByStart(x) && x.rows > 0);
      expect(rows, name).toEqual([]);
    }
  });

  it('works as the `coopnet backup` and `coopnet restore` commands, while the server writes', async () => {
    const file = tempFile(t.dialect === 'sqlite' ? 'cli.db' : 'cli.jsonl');
    // The commands run with the server's secrets, as the guide says.
    const secrets = { SESSION_SECRET: t.deps.config.sessionSecret, CARD_SIGNING_KEY: t.deps.config.cardSigningKey };
    let writing = true;
    const writes = (async () => {
      while (writing) await apply();
    })();
    const backedUp = await coopnet(['backup', file], { DATABASE_URL: t.deps.config.databaseUrl, ...secrets });
    writing = false;
    await writes;
    expect(backedUp.stderr.replace(/backing up rows[^\n]*\n/g, '')).toBe('');
    expect(backedUp.code).toBe(0);
    expect(backedUp.stdout).toMatch(/Backed up to .*\n[\s\S]*join_applications\s+\d+/);

    const targetUrl = await freshDatabaseUrl(t.dialect);
    const restored = await coopnet(['restore', file], { DATABASE_URL: targetUrl, ...secrets });
    expect(restored.code, restored.stderr).toBe(0);
    expect(restored.stdout).toMatch(
      /Integrity check: ok\.\nSecrets: this configuration has the backup's session secret and card signing key/,
    );
    const again = await coopnet(['restore', file], { DATABASE_URL: targetUrl, ...secrets });
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/not empty/);
    expect((await coopnet(['restore'], { DATABASE_URL: targetUrl })).code).toBe(2);
  });
});
