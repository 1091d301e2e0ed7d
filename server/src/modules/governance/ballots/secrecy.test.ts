/**
 * The secret ballot, checked the way an auditor with a copy of the database
 * and every API answer would: read every table (found by introspection, so
 * tables added later are checked too), every response, the audit log, and
 * show that nothing ties a voter to what they voted — before and after the
 * close.
 */
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { Client, describeOnDatabases } from '../../../../test/harness.ts';
import { type Voter, adoptRules, closeAfter, coordinatorOf, makeWorkers, openedProposal } from '../../../../test/proposals-factories.ts';
import { hashToken } from '../../../platform/tokens.ts';
import { ballotKeys, ballotRequestHash, canonicalJson, storedIdempotencyKey, tokenBinding } from './ballot-binding.ts';
import { createHash } from 'node:crypto';

const CANDIDATES = ['Amaia', 'Bruno', 'Carmen', 'Diego', 'Elena', 'Fermín'];
// Each voter ranks differently, so any ballot found next to a voter would give them away.
const RANKINGS = [
  [0, 1, 2],
  [1, 0],
  [2, 3, 4, 5],
  [3],
  [4, 2, 0],
  [5, 4, 3, 2, 1, 0],
  [0, 5],
  [2, 1, 0, 3],
];
const CHANGED = [1, 3, 5];

interface Trace {
  voter: Voter;
  receipts: string[];
  tokens: string[];
  tokenHashes: string[];
  ballots: string[];
}

describeOnDatabases('secrecy of the ballot', (t) => {
  it('never links a voter to a ballot: not in any table, response or audit event', async () => {
    const { client: coordinator } = await coordinatorOf(t);
    const voters = await makeWorkers(t, RANKINGS.length);
    const election = await openedProposal(t, coordinator, { matter: 'election', title: 'Three delegates', options: CANDIDATES, seats: 3 });
    await adoptRules(t.deps, { free: { secret: true } });
    const motion = await openedProposal(t, coordinator, { title: 'A secret yes or no' });

    const keys = ballotKeys(t.deps.config.sessionSecret);
    const responses: string[] = [];
    const traces: Trace[] = [];
    const castOrder: string[] = [];
    for (const [i, voter] of voters.entries()) {
      const trace: Trace = { voter, receipts: [], tokens: [], tokenHashes: [], ballots: [JSON.stringify({ ranking: RANKINGS[i] })] };
      const headers: Record<string, string> = i === 0 ? { 'idempotency-key': 'first-try' } : {};
      let res = await voter.client.request('POST', `/api/v1/proposals/${election}/ballots`, { ballot: { ranking: RANKINGS[i] } }, headers);
      expect(res.statusCode, res.body).toBe(201);
      responses.push(res.body);
      trace.receipts.push(res.json().receipt);
      trace.tokens.push(res.json().ballotToken);
      if (i === 1) {
        // A changed ballot: the token is the only link, and only the voter has it.
        res = await voter.client.post(`/api/v1/proposals/${election}/ballots`, { ballot: { ranking: CHANGED }, ballotToken: res.json().ballotToken });
        expect(res.statusCode).toBe(201);
        responses.push(res.body);
        trace.ballots.push(JSON.stringify({ ranking: CHANGED }));
      }
      castOrder.push(JSON.stringify(i === 1 ? CHANGED : RANKINGS[i]));
      const choice = i % 2 === 0 ? 'yes' : 'no';
      res = await voter.client.post(`/api/v1/proposals/${motion}/ballots`, { ballot: { choice } });
      expect(res.statusCode).toBe(201);
      responses.push(res.body);
      trace.receipts.push(res.json().receipt);
      trace.tokens.push(res.json().ballotToken);
      // The hashes a token could be kept as: the plain HMAC of tokens, and the binding to its voter kept in the box.
      trace.tokenHashes = trace.tokens.flatMap((tk, k) => [hashToken(t.deps.config.sessionSecret, tk), tokenBinding(keys, tk, voter.id, k === 0 ? election : motion)]);
      traces.push(trace);
    }

    /** What identifies a voter: their id, e-mail, receipts, tokens and the tokens' hashes. */
    const identifiers = (tr: Trace) => [tr.voter.id, tr.voter.email, ...tr.receipts, ...tr.tokens, ...tr.tokenHashes];
    const BALLOT_MARKERS = ['"ranking"', '"choice"', '"marks"', '"approvals"'];

    async function everyRow(): Promise<{ table: string; text: string; row: Record<string, unknown> }[]> {
      const tables = await t.deps.db.introspection.getTables();
      expect(tables.map((tb) => tb.name)).toEqual(expect.arrayContaining(['ballot_boxes', 'participation', 'audit_events', 'idempotency_keys', 'proposals', 'notifications', 'outbox_mail']));
      const participation = tables.find((tb) => tb.name === 'participation')!;
      // Who voted, through whom, a receipt and the day: no time, no ballot.
      expect(participation.columns.map((c) => c.name).sort()).toEqual(['cast_by', 'cast_on', 'person_id', 'proposal_id', 'receipt_code']);
      const out: { table: string; text: string; row: Record<string, unknown> }[] = [];
      for (const table of tables) {
        const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(table.name)}`.execute(t.deps.db);
        // Each value as stored (JSON columns unescaped), so a ballot inside a JSON column is seen as written.
        for (const row of rows) out.push({ table: table.name, row, text: Object.values(row).map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join('\n') });
      }
      return out;
    }

    function assertNoLink(rows: { table: string; text: string; row: Record<string, unknown> }[], closed: boolean) {
      const boxes = rows.filter((r) => r.table === 'ballot_boxes');
      expect(boxes).toHaveLength(2);
      for (const box of boxes) {
        const entries = JSON.parse(box.row.ballots_json as string) as Record<string, unknown>[];
        for (const e of entries) {
          // A secret ballot: content and weight, and (until the close) the hash of its token. No voter, no time.
          expect(Object.keys(e).sort()).toEqual(closed ? ['c', 'w'] : ['c', 't', 'w']);
        }
        for (const tr of traces) {
          for (const id of [tr.voter.id, tr.voter.email, ...tr.receipts, ...tr.tokens]) expect(box.text).not.toContain(id);
          if (closed) for (const h of tr.tokenHashes) expect(box.text).not.toContain(h);
          else {
            // Open: the box keeps each token bound to its voter (found with the token and the voter), never its plain hash.
            const token = tr.tokens[box.row.proposal_id === election ? 0 : 1]!;
            expect(box.text).toContain(tokenBinding(keys, token, tr.voter.id, box.row.proposal_id as string));
            expect(box.text).not.toContain(hashToken(t.deps.config.sessionSecret, token));
          }
        }
      }
      for (const r of rows.filter((x) => x.table !== 'ballot_boxes')) {
        const mentions = traces.filter((tr) => identifiers(tr).some((id) => r.text.includes(id)));
        if (mentions.length === 0) continue;
        for (const marker of BALLOT_MARKERS) expect(r.text, `${r.table}: ${r.text.slice(0, 200)}`).not.toContain(marker);
        for (const tr of traces) for (const b of tr.ballots) expect(r.text).not.toContain(b.slice(1, -1));
        // Tokens and their hashes live nowhere but with the voter and in the box.
        for (const tr of traces) for (const secret of [...tr.tokens, ...tr.tokenHashes]) expect(r.text).not.toContain(secret);
      }
      for (const p of rows.filter((x) => x.table === 'participation')) expect(p.row.cast_on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const audit = rows.filter((x) => x.table === 'audit_events' && String(x.row.action).startsWith('participation.'));
      expect(audit.length).toBeGreaterThanOrEqual(RANKINGS.length * 2);
      for (const a of audit) expect(a.row.after_json === null || !BALLOT_MARKERS.some((m) => String(a.row.after_json).includes(m))).toBe(true);
    }

    assertNoLink(await everyRow(), false);

    // Every answer the API gives while the votes are open, to each voter, to the coordinators, to visitors.
    const visitor = new Client(t.app);
    const readers = [...voters.map((v) => v.client), coordinator, visitor];
    async function collect() {
      for (const c of readers) {
        for (const path of [
          `/api/v1/proposals/${election}`,
          `/api/v1/proposals/${motion}`,
          '/api/v1/proposals?limit=100',
          `/api/v1/proposals/${election}/ballots`,
          `/api/v1/proposals/${election}/ballots.blt`,
          `/api/v1/proposals/${motion}/ballots`,
          '/api/v1/notifications?limit=100',
          '/api/v1/audit?limit=100',
          '/api/v1/outbox?limit=100',
        ]) {
          responses.push((await c.get(path)).body);
        }
      }
    }
    await collect();
    expect(await closeAfter(t, 3)).toEqual(expect.arrayContaining([election, motion]));
    const after = await everyRow();
    assertNoLink(after, true);
    await collect();

    for (const raw of responses) {
      const body = raw.replace(/\\"/g, '"'); // JSON inside JSON strings, as written
      const mentions = traces.filter((tr) => identifiers(tr).some((id) => body.includes(id)));
      if (mentions.length === 0) continue;
      for (const marker of BALLOT_MARKERS) expect(body, body.slice(0, 300)).not.toContain(marker);
    }
    // The published ballots (BLT) are the ballots — and only the ballots.
    const blt = (await visitor.get(`/api/v1/proposals/${election}/ballots.blt`)).body;
    for (const tr of traces) for (const id of identifiers(tr)) expect(blt).not.toContain(id);
    for (const v of voters) expect(blt).not.toContain((await t.deps.db.selectFrom('people').select('display_name').where('id', '=', v.id).executeTakeFirstOrThrow()).display_name);

    // After the close the box is shuffled once more: its order is not the order of voting.
    const box = after.find((r) => r.table === 'ballot_boxes' && r.row.proposal_id === election)!;
    const order = (JSON.parse(box.row.ballots_json as string) as { c: { ranking: number[] } }[]).map((e) => JSON.stringify(e.c.ranking));
    expect(order.slice().sort()).toEqual(castOrder.slice().sort());
    expect(order).not.toEqual(castOrder);
    if (t.dialect === 'postgres') {
      // …and the box row's last write is the close, not a voter's ballot.
      const { rows } = await sql<{ box: string; proposal: string }>`
        select b.xmin::text as box, p.xmin::text as proposal
        from ballot_boxes b join proposals p on p.id = b.proposal_id where b.proposal_id = ${election}`.execute(t.deps.db);
      expect(rows[0]!.box).toBe(rows[0]!.proposal);
    }
    const decided = JSON.parse((await visitor.get(`/api/v1/proposals/${election}`)).body);
    expect(decided.result.count.validVotes).toBe(RANKINGS.length);
  });

  it('finding 7: with the server’s secret but without a voter’s own token or Idempotency-Key, the database ties no ballot to anyone', async () => {
    const { client: coordinator } = await coordinatorOf(t);
    const voters = await makeWorkers(t, 4);
    await adoptRules(t.deps, { free: { secret: true, changeable: true } });
    const id = await openedProposal(t, coordinator, { title: 'Retried secret ballots' });
    const CHOICES = ['yes', 'no', 'abstain'] as const;
    // Voters 0 and 1 vote alike with the same key string; 2 and 3 otherwise.
    const cast = [
      { choice: 'yes', key: 'same-key-string' },
      { choice: 'yes', key: 'same-key-string' },
      { choice: 'no', key: '0b3c9e4e-5f7a-4c53-9d0f-2f0b1f8b2a11' },
      { choice: 'abstain', key: 'c5a0de5e-1d51-4c1e-8b4a-6f4b8d2f1e09' },
    ];
    const tokens: string[] = [];
    for (const [i, v] of voters.entries()) {
      const res = await v.client.request('POST', `/api/v1/proposals/${id}/ballots`, { ballot: { choice: cast[i]!.choice } }, { 'idempotency-key': cast[i]!.key });
      expect(res.statusCode, res.body).toBe(201);
      tokens.push(res.json().ballotToken);
    }
    const secret = t.deps.config.sessionSecret;
    const keys = ballotKeys(secret);
    const scopeOf = (v: Voter) => `ballot:${id}:${v.id}`;

    // Every table, as text: the raw Idempotency-Keys (which only the voters' clients have) are nowhere.
    const tables = await t.deps.db.introspection.getTables();
    for (const table of tables) {
      const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(table.name)}`.execute(t.deps.db);
      const text = rows.map((r) => Object.values(r).map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).join('\n')).join('\n');
      for (const c of cast) expect(text, table.name).not.toContain(c.key);
      for (const tk of tokens) expect(text, table.name).not.toContain(tk);
    }

    const rows = await t.deps.db.selectFrom('idempotency_keys').selectAll().where('scope', 'like', `ballot:${id}:%`).execute();
    expect(rows).toHaveLength(voters.length);
    // Two voters with the same ballot and the same key string share no hash.
    expect(new Set(rows.map((r) => r.request_hash)).size).toBe(rows.length);
    expect(new Set(rows.map((r) => r.key)).size).toBe(rows.length);
    for (const [i, v] of voters.entries()) {
      const row = rows.find((r) => r.scope === scopeOf(v))!;
      // What the database holds does not let anyone — even with the server's secret — try each ballot and find theirs.
      for (const choice of CHOICES) {
        const body = { ballot: { choice } };
        const guesses = [
          ballotRequestHash(keys, row.scope, row.key, body),
          createHash('sha256').update(canonicalJson(body)).digest('hex'),
          createHash('sha256').update(canonicalJson(body)).digest('base64url'),
          hashToken(secret, canonicalJson(body)),
          hashToken(secret, `${row.scope}${canonicalJson(body)}`),
        ];
        for (const g of guesses) expect(row.request_hash).not.toBe(g);
      }
      // Only the voter's own key finds their record (so it does answer their retry).
      expect(row.key).toBe(storedIdempotencyKey(keys, row.scope, cast[i]!.key));
      expect(row.request_hash).toBe(ballotRequestHash(keys, row.scope, cast[i]!.key, { ballot: { choice: cast[i]!.choice } }));
    }

    // The box: each token is bound to its voter; with the secret alone, or another voter's id, it matches nothing.
    const { ballots_json } = await t.deps.db.selectFrom('ballot_boxes').select('ballots_json').where('proposal_id', '=', id).executeTakeFirstOrThrow();
    const entries = JSON.parse(ballots_json) as { t: string; c: { choice: string } }[];
    for (const [i, v] of voters.entries()) {
      const mine = entries.filter((e) => e.t === tokenBinding(keys, tokens[i]!, v.id, id));
      expect(mine.map((e) => e.c.choice)).toEqual([cast[i]!.choice]);
      expect(entries.some((e) => e.t === hashToken(secret, tokens[i]!))).toBe(false);
      for (const other of voters) if (other !== v) expect(entries.some((e) => e.t === tokenBinding(keys, tokens[i]!, other.id, id))).toBe(false);
    }
  });
});
