/** `coopnet rotate-card-key` and `retire-card-key` as an operator runs them, on the embedded database. */
import { spawn } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db/database.ts';
import { listKeys, loadSigningKey } from '../modules/cards/index.ts';
import { newCardSigningKey } from '../secrets.ts';
import { tempDir } from '../../test/temp-dir.ts';

const ROOT = join(import.meta.dirname, '../../..');

function coopnet(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['server/bin/coopnet.js', ...args], {
      cwd: ROOT,
      env: { ...process.env, LOG_LEVEL: 'silent', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

const secretsOf = (dir: string) =>
  JSON.parse(readFileSync(join(dir, 'secrets.json'), 'utf8')) as { sessionSecret: string; cardSigningKey: string };

async function publishedIn(dir: string) {
  const handle = openDatabase(`sqlite:${join(dir, 'coopnet.db')}`);
  try {
    return (await listKeys(handle.db)).map((k) => ({ kid: k.kid, retired: k.retired_at !== null }));
  } finally {
    await handle.close();
  }
}

describe('coopnet rotate-card-key / retire-card-key', () => {
  it('rotates the signing key in secrets.json, keeps the old key published, and retires it on request', async () => {
    const dir = tempDir('keys');
    const env = { DATA_DIR: dir };
    expect((await coopnet(['migrate'], env)).code).toBe(0);
    const first = secretsOf(dir);
    const firstKid = loadSigningKey(first.cardSigningKey).kidHex;

    const rotated = await coopnet(['rotate-card-key'], env);
    expect(rotated.code, rotated.stderr).toBe(0);
    const second = secretsOf(dir);
    const secondKid = loadSigningKey(second.cardSigningKey).kidHex;
    expect(secondKid).not.toBe(firstKid);
    expect(second.sessionSecret).toBe(first.sessionSecret);
    expect(statSync(join(dir, 'secrets.json')).mode & 0o777).toBe(0o600);
    expect(rotated.stdout).toContain(`Published card key ${secondKid}`);
    expect(rotated.stdout).toContain(`coopnet retire-card-key ${firstKid}`);
    expect(rotated.stdout).toMatch(/Back up \S+\/secrets\.json again now, apart from the database backups/);
    expect(await publishedIn(dir)).toEqual([
      { kid: firstKid, retired: false },
      { kid: secondKid, retired: false },
    ]);

    // Refusals change nothing; they run side by side.
    const [active, unknown, notAKid, noKid, extra] = await Promise.all([
      coopnet(['retire-card-key', secondKid], env),
      coopnet(['retire-card-key', 'deadbeef'], env),
      coopnet(['retire-card-key', 'my-key'], env),
      coopnet(['retire-card-key'], env),
      coopnet(['rotate-card-key', 'now'], env),
    ]);
    expect(active.code).toBe(1);
    expect(active.stderr).toMatch(/signing cards now/);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/No card key deadbeef/);
    expect(notAKid.code).toBe(1);
    expect(notAKid.stderr).toMatch(/not a key id/);
    expect([noKid.code, extra.code]).toEqual([2, 2]);
    expect(secretsOf(dir)).toEqual(second);

    const retired = await coopnet(['retire-card-key', firstKid.toUpperCase()], env);
    expect(retired.code, retired.stderr).toBe(0);
    expect(retired.stdout).toMatch(new RegExp(`Retired card key ${firstKid}`));
    expect(await publishedIn(dir)).toEqual([
      { kid: firstKid, retired: true },
      { kid: secondKid, retired: false },
    ]);
    expect((await coopnet(['retire-card-key', firstKid], env)).stdout).toMatch(/already retired/);
  }, 120_000); // nine runs of the command, each starting Node and tsx

  it('refuses to rotate a key given in the environment, which secrets.json cannot override', async () => {
    const dir = tempDir('keys');
    const r = await coopnet(['rotate-card-key'], { DATA_DIR: dir, CARD_SIGNING_KEY: newCardSigningKey() });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/CARD_SIGNING_KEY is set in the environment/);
  });
});
