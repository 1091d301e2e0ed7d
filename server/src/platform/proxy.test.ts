/**
 * Behind the reverse proxy the operator's guide documents, a client cannot
 * pass for another address by writing its own X-Forwarded-For: the sign-in
 * limit (LOGIN_RATE_LIMIT_MAX, 10 per address and account) still stops it.
 * A real nginx runs the guide's own block; the client sits at 127.0.0.5, the
 * proxy at 127.0.0.1, as a visitor and a proxy on the same machine would.
 */
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeOnDatabases, type TestContext } from '../../test/harness.ts';
import { makePerson } from '../../test/factories.ts';
import { guideBlocks, startNginx, type RunningNginx } from '../../test/nginx.ts';
import { readEnv } from '../config.ts';

const SECTION = 'Behind a reverse proxy';
const CLIENT = '127.0.0.5';
const NEIGHBOUR = '127.0.0.6';

/** The nginx block of the guide, and the same block as older guides had it: appending to the client's header. */
const documented = () => {
  const [block, ...more] = guideBlocks(SECTION, 'nginx');
  if (!block || more.length > 0) throw new Error(`docs/operations.md "${SECTION}" should have one nginx block`);
  return block;
};
const appending = () => documented().replace(/X-Forwarded-For\s+\$remote_addr;/, 'X-Forwarded-For $proxy_add_x_forwarded_for;');

/** The TRUST_PROXY value of the guide's start command. */
function documentedTrustProxy(): string {
  const value = guideBlocks(SECTION, 'sh').join('\n').match(/\bTRUST_PROXY=(\S+)/)?.[1];
  if (!value) throw new Error(`docs/operations.md "${SECTION}" should start Coopnet with TRUST_PROXY=…`);
  return value;
}

/** The status of a request over real http to `port` on loopback, sent from the address `from`. */
function statusOf(port: number, from: string, path: string, o: { body?: unknown; headers?: Record<string, string> } = {}): Promise<number> {
  const body = o.body === undefined ? undefined : JSON.stringify(o.body);
  const headers = { ...(body !== undefined && { 'content-type': 'application/json' }), ...o.headers };
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, localAddress: from, method: body === undefined ? 'GET' : 'POST', path, agent: false, headers },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** A wrong-password sign-in, with whatever X-Forwarded-For the client chose to write. */
const signIn = (port: number, from: string, email: string, forwardedFor?: string) =>
  statusOf(port, from, '/api/v1/auth/login', {
    body: { email, password: 'not the password' },
    headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
  });

/** Twelve wrong passwords for one account from `from`, each under another made-up address. */
async function twelveGuesses(port: number, email: string, from = CLIENT): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 1; i <= 12; i++) statuses.push(await signIn(port, from, email, `203.0.113.${i}`));
  return statuses;
}

const LIMITED = [...Array<number>(10).fill(401), 429, 429];

/** Coopnet listening on a loopback port, and nginx in front of it running these blocks. */
function behindNginx(t: TestContext, blocks: (() => string)[]) {
  const run = { coopnet: 0, proxies: [] as number[], nginx: null as RunningNginx | null };
  beforeAll(async () => {
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    run.coopnet = (t.app.server.address() as AddressInfo).port;
    run.nginx = await startNginx(blocks.map((block) => ({ block: block(), coopnetPort: run.coopnet })));
    run.proxies = run.nginx.ports;
  });
  afterAll(async () => {
    await run.nginx?.stop();
  });
  return run;
}

describeOnDatabases(
  'behind the documented nginx, with the documented TRUST_PROXY (the proxy\'s address)',
  (t) => {
    const run = behindNginx(t, [documented, appending]);

    it('twelve wrong passwords for one account, each under another forged X-Forwarded-For: the 11th and 12th are refused (429)', async () => {
      const { email } = await makePerson(t.deps);
      expect(await twelveGuesses(run.proxies[0]!, email)).toEqual(LIMITED);
      // Counted by the visitor's own address, not the proxy's: someone else may still try that account.
      expect(await signIn(run.proxies[0]!, NEIGHBOUR, email)).toBe(401);
    });

    it('a proxy that appends to the client\'s X-Forwarded-For (as older guides had it) does not let it escape either', async () => {
      const { email } = await makePerson(t.deps);
      expect(await twelveGuesses(run.proxies[1]!, email)).toEqual(LIMITED);
    });

    it('straight to Coopnet, not through the proxy, a forged X-Forwarded-For is ignored', async () => {
      const { email } = await makePerson(t.deps);
      expect(await twelveGuesses(run.coopnet, email)).toEqual(LIMITED);
    });

    it('/metrics is not shown to visitors through the proxy, though it runs on this machine', async () => {
      expect(await statusOf(run.proxies[0]!, CLIENT, '/metrics')).toBe(404);
      expect(await statusOf(run.coopnet, '127.0.0.1', '/metrics')).toBe(200);
    });
  },
  () => ({ trustProxy: readEnv({ TRUST_PROXY: documentedTrustProxy() }).TRUST_PROXY }),
);

describeOnDatabases(
  'behind the documented nginx, with TRUST_PROXY=true (one proxy)',
  (t) => {
    const run = behindNginx(t, [documented, appending]);

    it('twelve wrong passwords under forged X-Forwarded-For headers: the 11th and 12th are refused (429), whichever way nginx sets the header', async () => {
      for (const port of run.proxies) {
        const { email } = await makePerson(t.deps);
        expect(await twelveGuesses(port, email)).toEqual(LIMITED);
      }
      const { email } = await makePerson(t.deps);
      await twelveGuesses(run.proxies[0]!, email);
      expect(await signIn(run.proxies[0]!, NEIGHBOUR, email)).toBe(401);
    });
  },
  () => ({ trustProxy: readEnv({ TRUST_PROXY: 'true' }).TRUST_PROXY }),
);
