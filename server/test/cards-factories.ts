/** Test-only: checking cards as a till does, with the published key set and node:crypto alone. */
import { execFileSync } from 'node:child_process';
import { createPublicKey, verify } from 'node:crypto';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { credentials } from '@coopnet/domain';
import type { Client } from './harness.ts';
import { tempDir } from './temp-dir.ts';

export interface PublishedKey {
  kid: string;
  x: string;
  retiredAt: string | null;
}

export interface KeySet {
  network: { id: string; name: string };
  keys: PublishedKey[];
}

export const nodeVerifier: credentials.CardVerifier = {
  verify(data, signature, publicKey) {
    const key = createPublicKey({
      key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(publicKey).toString('base64url') },
      format: 'jwk',
    });
    return verify(null, data, key, signature);
  },
};

export async function keySetOf(client: Client): Promise<KeySet> {
  return (await client.get('/api/v1/.well-known/keys')).json() as KeySet;
}

/** What a till does: verify against the keys that are not retired. */
export function tillVerify(token: string, set: KeySet, now = new Date()): credentials.VerifyResult {
  const keys = new Map(
    set.keys.filter((k) => !k.retiredAt).map((k) => [k.kid, new Uint8Array(Buffer.from(k.x, 'base64url'))]),
  );
  return credentials.verifyCard(token, { keys, verifier: nodeVerifier, now, networkId: set.network.id });
}

export function kidOf(token: string): string {
  const read = credentials.readCard(token);
  if (!read.ok) throw new Error('unreadable card');
  return credentials.kidToHex(read.card.kid);
}

/** The page count, by poppler's pdfinfo. */
export function pdfPages(pdf: Buffer): number {
  const dir = tempDir('pdf');
  const file = join(dir, 'cards.pdf');
  writeFileSync(file, pdf);
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(info)![1]);
}

/**
 * The QR codes of each page, as an independent reader sees them: each page
 * rendered at 200 dpi by poppler's pdftoppm, then read by zbar's zbarimg.
 */
export function qrCodesByPage(pdf: Buffer): string[][] {
  const dir = tempDir('pdf');
  const file = join(dir, 'cards.pdf');
  writeFileSync(file, pdf);
  execFileSync('pdftoppm', ['-r', '200', '-png', file, join(dir, 'page')]);
  const pages = readdirSync(dir)
    .filter((f) => f.endsWith('.png'))
    .sort();
  return pages.map((page) =>
    execFileSync('zbarimg', ['--raw', '-q', join(dir, page)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
      .split('\n')
      .filter((l) => l.length > 0),
  );
}

export { insertKey } from '../src/modules/cards/cards.repository.ts';
