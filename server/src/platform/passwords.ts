/** Password hashing with scrypt from Node's crypto; parameters kept in the hash. */
import { randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const scrypt = promisify(scryptCb) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: { N: number; r: number; p: number; maxmem: number },
) => Promise<Buffer>;

const N = 16384;
const r = 8;
const p = 1;
const KEYLEN = 32;

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, KEYLEN, { N, r, p, maxmem: 64 * 1024 * 1024 });
  return `scrypt$${N}$${r}$${p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  // Hash even when there is no account, so timing does not reveal which e-mails exist.
  const parts = (stored ?? `scrypt$${N}$${r}$${p}$AAAAAAAAAAAAAAAAAAAAAA$`).split('$');
  const [, n, rr, pp, salt, key] = parts;
  const expected = Buffer.from(key ?? '', 'base64url');
  const actual = await scrypt(password, Buffer.from(salt ?? '', 'base64url'), KEYLEN, {
    N: Number(n),
    r: Number(rr),
    p: Number(pp),
    maxmem: 64 * 1024 * 1024,
  });
  return stored !== null && expected.length === actual.length && timingSafeEqual(expected, actual);
}
