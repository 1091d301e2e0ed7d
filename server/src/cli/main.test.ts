/** The `coopnet` command as an operator runs it: a separate process, its output and exit codes. */
import { spawn } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../test/temp-dir.ts';

const ROOT = join(import.meta.dirname, '../../..');

function coopnet(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['server/bin/coopnet.js', ...args], { cwd: ROOT, env: { ...process.env, LOG_LEVEL: 'silent', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

const temps: string[] = [];
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

describe('the coopnet command', () => {
  it('prints its usage for help (exit 0) and for bad arguments (exit 2)', async () => {
    const help = await coopnet(['help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Usage: coopnet <command>/);
    const bad = [[], ['bogus'], ['seed-demo', '--coops', 'abc'], ['seed-demo', '--colours', '3'], ['create-admin', '--email', 'a@b.org'], ['backup'], ['restore', 'a', 'b'], ['serve', 'now']];
    const results = await Promise.all(bad.map((args) => coopnet(args)));
    results.forEach((r, i) => {
      expect(r.code, bad[i]!.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/Usage: coopnet/);
    });
    // Nine commands start at once, each a TypeScript process: on two busy cores that can take a while.
  }, 120_000);

  it('prints one command’s usage for <command> --help (exit 0)', async () => {
    const asked = [['backup', '--help'], ['seed-demo', '-h'], ['serve', '--help']];
    const [backup, seed, serve] = await Promise.all(asked.map((args) => coopnet(args)));
    expect(backup!.code).toBe(0);
    expect(backup!.stdout).toMatch(/^Usage: coopnet backup FILE \[--format sqlite\|jsonl\]\n\n\s+a consistent copy/);
    expect(backup!.stdout).not.toMatch(/restore FILE/);
    expect(seed!.code).toBe(0);
    expect(seed!.stdout).toMatch(/^Usage: coopnet seed-demo \[--coops N\] \[--workers N\]\n/);
    expect(serve!.code).toBe(0);
    expect(serve!.stdout).toMatch(/^Usage: coopnet serve\n[^]*SEED_DEMO/);
    expect(serve!.stdout).toMatch(/DATABASE_URL, DATA_DIR/);
  }, 120_000);

  it('says in one line, exit 1, that the backup folder is missing or a backup is cut short', async () => {
    const dir = tempDir('cli');
    temps.push(dir);
    const env = { DATA_DIR: join(dir, 'data') };
    const missing = await coopnet(['backup', join(dir, 'no-such-folder', 'coopnet.db')], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim()).toBe(`The folder ${join(dir, 'no-such-folder')} does not exist; create it first.`);

    expect((await coopnet(['migrate'], env)).code).toBe(0);
    for (const name of ['whole.db', 'whole.jsonl.gz']) expect((await coopnet(['backup', join(dir, name)], env)).code).toBe(0);
    writeFileSync(join(dir, 'cut.db'), readFileSync(join(dir, 'whole.db')).subarray(0, 20_000));
    writeFileSync(join(dir, 'cut.jsonl.gz'), readFileSync(join(dir, 'whole.jsonl.gz')).subarray(0, 300));
    for (const name of ['cut.db', 'cut.jsonl.gz']) {
      const r = await coopnet(['restore', join(dir, name)], { DATA_DIR: join(dir, `restored-${name}`) });
      expect(r.code, name).toBe(1);
      expect(r.stderr.trim().split('\n'), name).toHaveLength(1);
      expect(r.stderr, name).toMatch(new RegExp(`${name.replace('.', '\\.')} is damaged — cut short or corrupted`));
    }
  }, 120_000);

  it('stops with the message of a bad configuration (exit 1)', async () => {
    const r = await coopnet(['migrate'], { PORT: 'eighty', DATA_DIR: tempDir('cli') });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Invalid configuration:\n\s+PORT:/);
  });

  it('migrates, seeds a demo network once, and creates a coordinator', async () => {
    const env = { DATA_DIR: tempDir('cli') };
    const migrated = await coopnet(['migrate'], env);
    expect(migrated.code, migrated.stderr).toBe(0);
    expect(migrated.stdout).toMatch(/Applied \d+ migration/);
    expect((await coopnet(['migrate'], env)).stdout).toMatch(/up to date/);

    const seeded = await coopnet(['seed-demo', '--coops', '40', '--workers', '2500'], env);
    expect(seeded.code, seeded.stderr).toBe(0);
    expect(seeded.stdout).toMatch(/Seeded 40 co-ops, 2500 workers/);
    expect(seeded.stdout).toMatch(/coordinator\s+Marta Soler Vidal\s+marta\.soler@codi-comu\.example/);
    expect(seeded.stderr).toMatch(/seeding workers 2505\/2505 \(100%\)/);
    const again = await coopnet(['seed-demo'], env);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already holds co-ops/);

    const admin = await coopnet(['create-admin', '--email', 'secretaria@example.org', '--name', 'Secretaría'], env);
    expect(admin.code, admin.stderr).toBe(0);
    expect(admin.stdout).toMatch(/one-time password:\n\n\s+\S{16}\n/);
    const bad = await coopnet(['create-admin', '--email', 'nope', '--name', 'X'], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/--email/);
  });
});
