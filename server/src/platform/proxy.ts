/**
 * Which reverse proxies Coopnet believes about the client's address
 * (`X-Forwarded-For`) and scheme (`X-Forwarded-Proto`): the TRUST_PROXY setting.
 *
 * The client's address is read from the right of `X-Forwarded-For`, skipping
 * only the proxies trusted here, so whatever a client wrote on the left itself
 * is never taken for its address.
 */
import { isIP } from 'node:net';
import { z } from 'zod';

/** `false`: no proxy; a number: that many proxies in front; a list: the proxies' addresses and ranges. */
export type TrustProxy = false | number | string[];

/** Ranges known by name to Fastify's address resolver. */
const NAMED_RANGES = ['loopback', 'linklocal', 'uniquelocal'];

function isAddressOrRange(value: string): boolean {
  if (NAMED_RANGES.includes(value)) return true;
  const [address = '', prefix, ...more] = value.split('/');
  const family = isIP(address);
  if (family === 0 || more.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

const EXPECTED =
  "must be false, true, the number of proxies in front (1 for one proxy on this machine) or the proxies' addresses, such as 127.0.0.1 or 10.0.0.0/8, separated by commas or spaces";

/** TRUST_PROXY as written by the operator. `true`/`yes` mean one proxy, the same as `1`. */
export const trustProxySetting = z.string().transform((raw, ctx): TrustProxy => {
  const value = raw.trim().toLowerCase();
  if (['false', 'no', '0'].includes(value)) return false;
  if (['true', 'yes'].includes(value)) return 1;
  if (/^\d{1,2}$/.test(value)) return Number(value) || false;
  const list = value.split(/[\s,]+/).filter(Boolean);
  const wrong = list.find((item) => !isAddressOrRange(item));
  if (list.length === 0 || wrong !== undefined) {
    ctx.addIssue({ code: 'custom', message: `${EXPECTED} (${JSON.stringify(wrong ?? raw)} is none of these)` });
    return z.NEVER;
  }
  return list;
});

/**
 * The setting as Fastify's `trustProxy` option. Fastify 5.12.1 and later no
 * longer take a number (a bare number now trusts nothing), so a hop count is
 * given as the function that trusts the connection's peer and the hops
 * before it: hop 0 is the peer, so `n` proxies trust hops 0 to n-1.
 */
export function fastifyTrustProxy(setting: TrustProxy): false | string[] | ((address: string, hop: number) => boolean) {
  if (typeof setting === 'number') return (_address, hop) => hop < setting;
  return setting;
}
