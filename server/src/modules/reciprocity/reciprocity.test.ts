import { benefits } from '@coopnet/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { actorClient, makeCoop, tableCounts } from '../../../test/factories.ts';
import { Client, describeOnDatabases } from '../../../test/harness.ts';
import { monthsUpTo } from './matrix.ts';
import { asText, csvField } from './reciprocity.csv.ts';
import { type Holder, makeHolder, monthTotal, redeem } from '../../../test/reciprocity-factories.ts';

interface Position {
  coopId: string;
  coopName: string;
  givenCents: number;
  givenCount: number;
  receivedCents: number;
  receivedCount: number;
  netCents: number;
}
interface Cell {
  giverCoopId: string;
  receiverCoopId: string | null;
  count: number;
  cents: number;
}

/** Reads a CSV body as rows of fields (RFC 4180 quoting), without its byte-order mark. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const s = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && s[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  return rows;
}

describeOnDatabases('reciprocity accounts', (t) => {
  const MONTH = '2025-03';
  let a: { id: string; name: string };
  let b: { id: string; name: string };
  let c: { id: string; name: string };
  let quiet: { id: string; name: string };
  let gone: { id: string; name: string };
  let worker: Client;
  let supporter: Holder;

  beforeAll(async () => {
    a = await makeCoop(t.deps, { name: 'Forn "La Espiga", Russafa' });
    b = await makeCoop(t.deps, { name: 'Bicis del Túria' });
    c = await makeCoop(t.deps, { name: '=Cervesa' });
    quiet = await makeCoop(t.deps, { name: 'Quiet Co-op' });
    gone = await makeCoop(t.deps, { name: 'Gone Co-op', status: 'left' });
    worker = (await actorClient(t.deps, t.app, { coopId: b.id })).client;
    const [ofA, ofB, ofC] = [await makeHolder(t.deps, a.id), await makeHolder(t.deps, b.id), await makeHolder(t.deps, c.id)];
    supporter = await makeHolder(t.deps, null);
    // a gave b twice and a supporter once; b gave a once; c gave a once (flagged at sync, accepted by c's admin);
    // the co-op that has since left gave b once. Flags not decided yet, or rejected, count nowhere.
    await redeem(t.deps, a.id, ofB, MONTH, 1000);
    await redeem(t.deps, a.id, ofB, MONTH, 550);
    await redeem(t.deps, a.id, supporter, MONTH, 200);
    await redeem(t.deps, b.id, ofA, MONTH, 300);
    await redeem(t.deps, c.id, ofA, MONTH, 400, 'limit_exceeded', 'accepted');
    await redeem(t.deps, c.id, ofA, MONTH, 4000, 'limit_exceeded');
    await redeem(t.deps, a.id, ofB, MONTH, 7000, 'cap_exceeded', 'rejected');
    await redeem(t.deps, gone.id, ofB, MONTH, 125);
    // Other months are not this month's.
    await redeem(t.deps, a.id, ofC, '2025-02', 999);
    await redeem(t.deps, b.id, ofC, '2025-04', 777);
  });

  it('refuses visitors (401) and supporters without a role (403), and lets workers and role holders read', async () => {
    expect((await new Client(t.app).get('/api/v1/reciprocity')).statusCode).toBe(401);
    const { client: sup } = await actorClient(t.deps, t.app, { supporter: true });
    for (const path of ['/reciprocity', '/reciprocity/months', '/reciprocity.csv', '/reciprocity/settlement-policy', '/reciprocity/settlements']) {
      const res = await sup.get(`/api/v1${path}`);
      expect(res.statusCode, path).toBe(403);
      expect(res.json().error.code).toBe('reciprocity.members_only');
    }
    const { client: coordinatorSupporter } = await actorClient(t.deps, t.app, { supporter: true, roles: [{ role: 'coordinator' }] });
    expect((await coordinatorSupporter.get('/api/v1/reciprocity')).statusCode).toBe(200);
    expect((await worker.get('/api/v1/reciprocity')).statusCode).toBe(200);
  });

  it('sums the month by giver and receiver, supporters apart, flagged redemptions only once accepted', async () => {
    const res = await worker.get(`/api/v1/reciprocity?month=${MONTH}`);
    expect(res.statusCode).toBe(200);
    const m = res.json() as { month: string; currency: string; coops: { id: string }[]; cells: Cell[]; positions: Position[]; totalCents: number; totalCount: number };
    expect(m.month).toBe(MONTH);
    expect(m.currency).toBe('EUR');
    expect(m.cells).toEqual(
      expect.arrayContaining([
        { giverCoopId: a.id, receiverCoopId: b.id, count: 2, cents: 1550 },
        { giverCoopId: a.id, receiverCoopId: null, count: 1, cents: 200 },
        { giverCoopId: b.id, receiverCoopId: a.id, count: 1, cents: 300 },
        { giverCoopId: c.id, receiverCoopId: a.id, count: 1, cents: 400 },
        { giverCoopId: gone.id, receiverCoopId: b.id, count: 1, cents: 125 },
      ]),
    );
    expect(m.cells).toHaveLength(5);
    const pos = new Map(m.positions.map((p) => [p.coopId, p]));
    expect(pos.get(a.id)).toMatchObject({ givenCents: 1750, givenCount: 3, receivedCents: 700, receivedCount: 2, netCents: 1050 });
    expect(pos.get(b.id)).toMatchObject({ givenCents: 300, givenCount: 1, receivedCents: 1675, receivedCount: 3, netCents: -1375 });
    expect(pos.get(c.id)).toMatchObject({ givenCents: 400, receivedCents: 0, netCents: 400 });
    // Every member co-op is listed, even with nothing; one that left is listed because it gave.
    expect(pos.get(quiet.id)).toMatchObject({ coopName: 'Quiet Co-op', givenCents: 0, receivedCents: 0, netCents: 0 });
    expect(pos.get(gone.id)).toMatchObject({ givenCents: 125, netCents: 125 });
    expect(m.coops.map((x) => x.id)).toEqual(m.positions.map((p) => p.coopId));

    // The matrix adds up to the table: its cells to the total, the total to all the month's redemptions.
    const table = await monthTotal(t.deps, MONTH);
    expect(m.totalCents).toBe(table.cents);
    expect(m.totalCount).toBe(table.count);
    expect(m.cells.reduce((s, x) => s + x.cents, 0)).toBe(m.totalCents);
    expect(m.cells.reduce((s, x) => s + x.count, 0)).toBe(m.totalCount);
    // Each net is given − received; given adds up to the total, received to the total less what supporters got,
    // so Σ net = Σ discounts received by supporters.
    for (const p of m.positions) expect(p.netCents).toBe(p.givenCents - p.receivedCents);
    const toSupporters = m.cells.filter((x) => x.receiverCoopId === null).reduce((s, x) => s + x.cents, 0);
    expect(toSupporters).toBe(200);
    expect(m.positions.reduce((s, p) => s + p.givenCents, 0)).toBe(m.totalCents);
    expect(m.positions.reduce((s, p) => s + p.receivedCents, 0)).toBe(m.totalCents - toSupporters);
    expect(m.positions.reduce((s, p) => s + p.netCents, 0)).toBe(toSupporters);
  });

  it('defaults to the current month in the network’s time zone, and lists the last twelve months oldest first', async () => {
    const now = benefits.localMonth(new Date(), 'UTC');
    const holder = await makeHolder(t.deps, b.id);
    await redeem(t.deps, a.id, holder, now, 321);
    const m = (await worker.get('/api/v1/reciprocity')).json();
    expect(m.month).toBe(now);
    expect(m.totalCents).toBe((await monthTotal(t.deps, now)).cents);

    const res = await worker.get('/api/v1/reciprocity/months');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { month: string; count: number; cents: number }[];
    expect(items.map((i) => i.month)).toEqual(monthsUpTo(now, 12));
    expect(items.at(-1)).toEqual({ month: now, ...(await monthTotal(t.deps, now)) });
  });

  it('exports the month as CSV: pairs with decimal amounts and cents, then the positions', async () => {
    const res = await worker.get(`/api/v1/reciprocity.csv?month=${MONTH}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="reciprocity-${MONTH}.csv"`);
    expect(res.body.startsWith('\uFEFFmonth,giver_id,giver,receiver_id,receiver,count,amount,amount_cents\r\n')).toBe(true);
    // A name with a comma and quotes is quoted, its quotes doubled.
    expect(res.body).toContain(`${MONTH},${a.id},"Forn ""La Espiga"", Russafa",${b.id},Bicis del Túria,2,15.50,1550\r\n`);
    const rows = parseCsv(res.body);
    const blank = rows.findIndex((r) => r.length === 1 && r[0] === '');
    const pairs = rows.slice(1, blank);
    const positions = rows.slice(blank + 2);
    expect(pairs).toContainEqual([MONTH, a.id, 'Forn "La Espiga", Russafa', '', 'Supporters', '1', '2.00', '200']);
    // A name a spreadsheet would take for a formula stays text.
    expect(pairs).toContainEqual([MONTH, c.id, "'=Cervesa", a.id, 'Forn "La Espiga", Russafa', '1', '4.00', '400']);
    expect(pairs).toHaveLength(5);
    expect(rows[blank + 1]).toEqual(['month', 'coop_id', 'coop', 'given_count', 'given', 'given_cents', 'received_count', 'received', 'received_cents', 'net', 'net_cents']);
    expect(positions).toContainEqual([MONTH, b.id, 'Bicis del Túria', '1', '3.00', '300', '3', '16.75', '1675', '-13.75', '-1375']);
    expect(positions).toContainEqual([MONTH, quiet.id, 'Quiet Co-op', '0', '0.00', '0', '0', '0.00', '0', '0.00', '0']);
    expect(pairs.reduce((s, r) => s + Number(r[7]), 0)).toBe((await monthTotal(t.deps, MONTH)).cents);
  });

  it('answers 400 to a month that is not one, and to unknown query fields, changing nothing', async () => {
    const before = await tableCounts(t.deps);
    for (const q of ['month=2026-13', 'month=abc', 'month=2026-1', 'month=2026-00', 'month=', 'other=1']) {
      for (const path of ['/reciprocity', '/reciprocity.csv', '/reciprocity/settlements']) {
        const res = await worker.get(`/api/v1${path}?${q}`);
        expect(res.statusCode, `${path}?${q}`).toBe(400);
        expect(res.json().error.code).toBe('validation_failed');
      }
    }
    expect(await tableCounts(t.deps)).toEqual(before);
  });
});

describe('reciprocity CSV pieces', () => {
  it('quotes only what must be quoted', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(-12)).toBe('-12');
  });

  it('keeps a formula in a name as text, whichever list separator the spreadsheet uses', () => {
    for (const c of ['=', '+', '-', '@', '\t', '\r']) expect(asText(`${c}1+1`)).toBe(`'${c}1+1`);
    expect(asText('Forn =1+1')).toBe('Forn =1+1');
    expect(csvField('Forn;=HYPERLINK("https://evil.example")')).toBe('"Forn;=HYPERLINK(""https://evil.example"")"');
    expect(csvField('Forn\t=1+1')).toBe('"Forn\t=1+1"');
    expect(csvField(asText('\t=1+1'))).toBe(`"'\t=1+1"`);
  });
  it('counts months back across a year', () => {
    expect(monthsUpTo('2026-02', 4)).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
  });
});
