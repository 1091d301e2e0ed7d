/**
 * Member card verifications per second in domain/ (`credentials.verifyCard`:
 * base45, CBOR, the COSE Sig_structure, the key look-up, Ed25519, network and
 * dates) next to bare Ed25519 verification by node:crypto of the same
 * signatures over the same Sig_structure bytes, prepared beforehand. Both use
 * a KeyObject made once, as a till holding the published keys would.
 *
 * A few thousand distinct cards, issued with a node:crypto key; the two sides
 * take turns in rounds (the order swapped each round), so a burst of other
 * work on the machine falls on both. Target: the domain keeps at least 80 %
 * of the bare verifications per second.
 *
 * `node --import tsx bench/card-verify.bench.ts` runs it alone.
 */
import {
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  randomBytes,
  randomUUID,
  sign,
  verify,
} from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { credentials } from '@coopnet/domain';
import type { Benchmark, BenchResult, Measurement } from './support.ts';

const TARGET = 0.8;
const CARDS = 3000;
const ROUNDS = 12;

const GIVEN = ['Ana Lucía', 'Joaquín', 'María José', 'Iñaki', 'Fatima', 'Wei', 'Noé', 'Olga', 'Samuel', 'Aitana'];
const SURNAMES = ['Fernández', 'El Idrissi', 'Ortega Muñoz', 'Ruiz', 'Nowak', 'Da Silva', 'Peña', 'Kowalczyk'];
const CROCKFORD = '0123456789abcdefghjkmnpqrstvwxyz';

interface Prepared {
  text: string;
  /** the Sig_structure bytes the card's signature covers, for the bare side */
  signed: Uint8Array;
  signature: Uint8Array;
}

/** Cards as the server issues them: 10-character base32 ids, a UUID co-op, 30 days of validity. */
function issueCards(count: number) {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const raw = new Uint8Array(Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url'));
  const kid = credentials.deriveKid(raw);
  const networkId = randomUUID();
  const coops = Array.from({ length: 40 }, () => randomUUID());
  const issuedAt = Math.floor(Date.now() / 1000);
  const cards: Prepared[] = [];
  let last: { signed: Uint8Array; signature: Uint8Array } = { signed: new Uint8Array(0), signature: new Uint8Array(0) };
  const signer: credentials.CardSigner = {
    sign(data) {
      const signature = new Uint8Array(sign(null, data, privateKey));
      last = { signed: data, signature };
      return signature;
    },
  };
  for (let i = 0; i < count; i++) {
    const text = credentials.issueCard(
      {
        networkId,
        cardId: [...randomBytes(10)].map((b) => CROCKFORD[b & 31]).join(''),
        holderName: `${GIVEN[i % GIVEN.length]} ${SURNAMES[(i * 7) % SURNAMES.length]}`,
        coopId: coops[i % coops.length]!,
        kind: i % 10 === 0 ? 'supporter' : 'worker',
        issuedAt,
        expiresAt: issuedAt + 30 * 86_400,
      },
      { kid, signer },
    );
    cards.push({ text, ...last });
  }
  return { cards, publicKey, raw, kidHex: credentials.kidToHex(kid), networkId };
}

/** Ed25519 by node:crypto behind the domain's verifier interface, one KeyObject per published key. */
function cachingVerifier(): credentials.CardVerifier {
  const spkiPrefix = Uint8Array.from([0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00]);
  const objects = new WeakMap<Uint8Array, KeyObject>();
  return {
    verify(data, signature, publicKey) {
      let key = objects.get(publicKey);
      if (!key) {
        if (publicKey.length !== 32) return false;
        key = createPublicKey({ key: Buffer.concat([spkiPrefix, publicKey]), format: 'der', type: 'spki' });
        objects.set(publicKey, key);
      }
      return verify(null, data, key, signature);
    },
  };
}

interface Tally {
  ms: number[];
  cpuUs: number;
  done: number;
  failures: number;
}

const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;

function measurement(subject: string, t: Tally, perRound: number): Measurement {
  const sorted = [...t.ms].sort((a, b) => a - b);
  const total = t.ms.reduce((a, b) => a + b, 0);
  return {
    subject,
    requestsPerSecond: Math.round((t.done * 1000) / total),
    // Per verification, from the round times: the median round, and the slowest.
    p50Ms: round(sorted[Math.floor(sorted.length / 2)]! / perRound, 4),
    p99Ms: round(sorted[sorted.length - 1]! / perRound, 4),
    requests: t.done,
    cpuUsPerRequest: round(t.cpuUs / t.done, 1),
    failures: t.failures,
  };
}

/** Median µs per card of `f` over every card index, for the notes that say where the domain's time goes. */
function microsPerCard(count: number, f: (i: number) => unknown): number {
  const runs: number[] = [];
  for (let r = 0; r < 5; r++) {
    const t0 = performance.now();
    for (let i = 0; i < count; i++) f(i);
    runs.push(((performance.now() - t0) * 1000) / count);
  }
  return runs.sort((a, b) => a - b)[2]!;
}

async function measure(): Promise<BenchResult> {
  const { cards, publicKey, raw, kidHex, networkId } = issueCards(CARDS);
  const opts: credentials.VerifyOptions = {
    keys: new Map([[kidHex, raw]]),
    verifier: cachingVerifier(),
    now: new Date(),
    networkId,
  };

  const sides = {
    domain: (t: Tally) => {
      for (const c of cards) if (!credentials.verifyCard(c.text, opts).ok) t.failures++;
    },
    bare: (t: Tally) => {
      for (const c of cards) if (!verify(null, c.signed, publicKey, c.signature)) t.failures++;
    },
  };
  const tallies = {
    domain: { ms: [], cpuUs: 0, done: 0, failures: 0 } as Tally,
    bare: { ms: [], cpuUs: 0, done: 0, failures: 0 } as Tally,
  };
  // Warm-up: both paths compiled and their caches filled before anything counts.
  for (let i = 0; i < 2; i++) for (const side of Object.values(sides)) side({ ms: [], cpuUs: 0, done: 0, failures: 0 });

  for (let r = 0; r < ROUNDS; r++) {
    const order = r % 2 === 0 ? (['domain', 'bare'] as const) : (['bare', 'domain'] as const);
    for (const name of order) {
      const t = tallies[name];
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      sides[name](t);
      t.ms.push(performance.now() - t0);
      const cpu = process.cpuUsage(cpu0);
      t.cpuUs += cpu.user + cpu.system;
      t.done += cards.length;
    }
  }

  const domain = measurement('domain: credentials.verifyCard', tallies.domain, cards.length);
  const bare = measurement('bare: crypto.verify (Ed25519)', tallies.bare, cards.length);
  const ratio = domain.requestsPerSecond / bare.requestsPerSecond;

  // Where the domain's extra time goes: the decoding steps alone, without a signature check.
  const readUs = microsPerCard(cards.length, (i) => credentials.readCard(cards[i]!.text));
  const base45Us = microsPerCard(cards.length, (i) =>
    credentials.decodeBase45(cards[i]!.text.slice(credentials.CARD_PREFIX.length)),
  );
  const decoded = cards.map((c) => {
    const r = credentials.readCard(c.text);
    if (!r.ok) throw new Error(r.detail);
    return r.card;
  });
  const sigUs = microsPerCard(decoded.length, (i) =>
    credentials.sigStructure(decoded[i]!.protectedBytes, decoded[i]!.payload),
  );
  const perUs = (m: Measurement) => 1e6 / m.requestsPerSecond;
  return {
    name: `Member card verification, ${CARDS.toLocaleString('en')} distinct cards`,
    measurements: [domain, bare],
    ratioOf: 'domain / bare verifications per second',
    ratio,
    target: TARGET,
    passed: ratio >= TARGET && domain.failures === 0 && bare.failures === 0,
    notes: [
      `requests/s here = verifications per second on one core; p50/p99 ms = per verification in the median and slowest round`,
      `per card: domain ${perUs(domain).toFixed(1)} µs, bare ${perUs(bare).toFixed(1)} µs, the domain's own work ${(perUs(domain) - perUs(bare)).toFixed(1)} µs ` +
        `(readCard ${readUs.toFixed(1)} µs, of which base45 ${base45Us.toFixed(1)} µs; Sig_structure ${sigUs.toFixed(1)} µs)`,
      `a card is ${cards[0]!.text.length} characters of QR text`,
    ],
  };
}

const benchmark: Benchmark = {
  name: 'Member card verification',
  run: measure,
};

export default benchmark;

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const r = await measure();
  for (const m of r.measurements)
    console.log(`${m.subject}: ${m.requestsPerSecond}/s, ${m.cpuUsPerRequest} µs CPU each, ${m.failures} failures`);
  console.log(`${r.ratioOf}: ${r.ratio.toFixed(2)} (target ≥ ${r.target}) ${r.passed ? 'PASS' : 'FAIL'}`);
  for (const n of r.notes ?? []) console.log(n);
  if (!r.passed) process.exitCode = 1;
}
