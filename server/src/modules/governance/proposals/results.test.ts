/**
 * Results through the API: nothing before the close; after it, the outcome
 * and the whole count — an STV election stage by stage, thresholds exactly
 * at two thirds, a quorum against the electorate frozen at the opening, a
 * bylaw change taking effect, and a real election (Glasgow 2007, Linn ward)
 * loaded into a ballot box and counted at the close.
 */
import { readFileSync } from 'node:fs';
import { voting } from '@coopnet/domain';
import { DEFAULT_BYLAWS } from '@coopnet/domain/governance/bylaws';
import { beforeAll, expect, it } from 'vitest';
import { Client, describeOnDatabases } from '../../../../test/harness.ts';
import { type Voter, adoptRules, closeAfter, coordinatorOf, governanceCounts, makeWorkers, openedProposal } from '../../../../test/proposals-factories.ts';
import { lockBox, writeBox } from '../ballots/ballots.repository.ts';

const CANDIDATES = ['Amaia', 'Bruno', 'Carmen', 'Diego', 'Elena'];

describeOnDatabases('a secret STV election of council delegates', (t) => {
  let coordinator: Client;
  let voters: Voter[];
  let id: string;
  const visitor = () => new Client(t.app);

  // Ten assembly members rank five candidates for three seats.
  const RANKINGS = [
    [0, 1],
    [0, 2],
    [0, 1, 3],
    [0],
    [1, 0],
    [2, 3],
    [2, 4],
    [3, 2],
    [4, 3, 2],
    [1, 2, 0],
  ];

  beforeAll(async () => {
    coordinator = (await coordinatorOf(t)).client;
    voters = await makeWorkers(t, 10);
    id = await openedProposal(t, coordinator, { matter: 'election', title: 'Three delegates to the council', options: CANDIDATES, seats: 3 });
  });

  it('shows no result, tally or partial count while voting is open', async () => {
    for (const [i, ranking] of RANKINGS.entries()) {
      const res = await voters[i]!.client.post(`/api/v1/proposals/${id}/ballots`, { ballot: { ranking } });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().ballotToken).toMatch(/^bt_/);
    }
    const during = (await voters[0]!.client.get(`/api/v1/proposals/${id}`)).json();
    expect(during).toMatchObject({ status: 'voting', result: null, lotSeed: null, participation: { voted: 10, electorate: 10 } });
    expect(during.rule).toMatchObject({ method: 'stv_scottish', secret: true });
    const body = JSON.stringify(during);
    for (const word of ['tally', 'stages', 'quota', 'elected"']) expect(body).not.toContain(word);
    const list = (await visitor().get('/api/v1/proposals?status=voting')).json();
    expect(list.items.map((p: { id: string }) => p.id)).toContain(id);
    expect(JSON.stringify(list)).not.toContain('result');
    for (const path of ['ballots', 'ballots.blt']) {
      const res = await visitor().get(`/api/v1/proposals/${id}/${path}`);
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('governance.not_closed');
    }
  });

  it('publishes the count stage by stage after the close, with the lot seed that was committed', async () => {
    expect(await closeAfter(t, 3)).toEqual([id]);
    const decided = (await visitor().get(`/api/v1/proposals/${id}`)).json();
    expect(decided.status).toBe('elected');
    const count = decided.result.count;
    expect(count.method).toBe('stv_scottish');
    expect(count.validVotes).toBe(10);
    expect(count.quotaVotes).toBe(3); // ⌊10 / (3 + 1)⌋ + 1
    expect(count.stages.length).toBeGreaterThan(1);
    for (const stage of count.stages) {
      expect(stage.votes).toHaveLength(5);
      expect(stage.total).toBe(10 * count.unit);
    }
    expect(count.stages[0].votes).toEqual([4, 2, 2, 1, 1].map((v) => v * count.unit));
    // The same ballots counted by the library give the same result: the published count is the count.
    const lot = voting.lotOrder(Buffer.from(decided.lotSeed, 'hex'), CANDIDATES.length);
    expect(count.lot).toEqual(lot);
    const again = voting.countStvScottish({ candidates: CANDIDATES, seats: 3, lot, ballots: RANKINGS.map((prefs) => ({ prefs })) });
    expect(count).toEqual(JSON.parse(JSON.stringify(again)));
    expect(decided.result.elected).toEqual(again.elected.map((e) => CANDIDATES[e.candidate]));
    expect(decided.result.elected).toHaveLength(3);
    expect(decided.result.elected[0]).toBe('Amaia');
  });

  it('exports the anonymous ballots as BLT, and never lists a secret vote’s voters', async () => {
    const res = await visitor().get(`/api/v1/proposals/${id}/ballots.blt`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    const parsed = voting.parseBlt(res.body);
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(parsed.election.candidates).toEqual(CANDIDATES);
    expect(parsed.election.seats).toBe(3);
    expect(parsed.election.ballots.map((b) => b.prefs.join(',')).sort()).toEqual(RANKINGS.map((r) => r.join(',')).sort());
    const list = await visitor().get(`/api/v1/proposals/${id}/ballots`);
    expect(list.statusCode).toBe(409);
    expect(list.json().error.code).toBe('governance.secret_ballot');
  });
});

describeOnDatabases('thresholds and bylaw changes', (t) => {
  let coordinator: Client;
  let voters: Voter[];

  beforeAll(async () => {
    coordinator = (await coordinatorOf(t)).client;
    voters = await makeWorkers(t, 3);
  });

  async function twoYesOneNo(): Promise<string> {
    const id = await openedProposal(t, coordinator, { title: 'Two thirds?' });
    for (const [i, choice] of ['yes', 'yes', 'no'].entries()) {
      expect((await voters[i]!.client.post(`/api/v1/proposals/${id}/ballots`, { ballot: { choice } })).statusCode).toBe(201);
    }
    await closeAfter(t, 3);
    return id;
  }

  it('passes exactly two thirds under "at least 2/3"', async () => {
    await adoptRules(t.deps, { free: { threshold: { numerator: 2, denominator: 3, base: 'cast', strict: false }, quorum: null } });
    const decided = (await coordinator.get(`/api/v1/proposals/${await twoYesOneNo()}`)).json();
    expect(decided.status).toBe('passed');
    expect(decided.result.count.threshold.comparison.text).toBe('2 × 3 = 6 ≥ 2 × 3 = 6');
  });

  it('refuses bylaws that do not make sense when the change is proposed', async () => {
    const before = await governanceCounts(t.deps);
    const badMethod = { matters: { ...DEFAULT_BYLAWS.matters, bylaw_change: { ...DEFAULT_BYLAWS.matters.bylaw_change!, method: 'irv' } } };
    const res = await coordinator.post('/api/v1/proposals', { matter: 'bylaw_change', title: 'Rank bylaw changes', text: '', subject: { bylaws: badMethod } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('governance.bad_bylaws');
    expect(res.json().error.details).toEqual([{ path: 'matters.bylaw_change.method', message: 'bylaw changes are decided yes or no' }]);
    const { free: _free, ...withoutFree } = DEFAULT_BYLAWS.matters;
    const missing = await coordinator.post('/api/v1/proposals', { matter: 'bylaw_change', title: 'Drop free motions', text: '', subject: { bylaws: { matters: withoutFree } } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.code).toBe('governance.bad_bylaws');
    const shapeless = await coordinator.post('/api/v1/proposals', { matter: 'bylaw_change', title: 'Nonsense', text: '', subject: { bylaws: { matters: { free: { body: 'parliament' } } } } });
    expect(shapeless.statusCode).toBe(400);
    expect(shapeless.json().error.code).toBe('governance.bad_bylaws');
    const byWorker = await voters[0]!.client.post('/api/v1/proposals', { matter: 'bylaw_change', title: 'Mine', text: '', subject: { bylaws: DEFAULT_BYLAWS } });
    expect(byWorker.statusCode).toBe(403);
    expect(await governanceCounts(t.deps)).toEqual(before);
  });

  it('adopts a new version of the bylaws when a bylaw change passes, and votes follow it', async () => {
    const current = (await coordinator.get('/api/v1/bylaws')).json();
    const strict = { matters: { ...current.bylaws.matters, free: { ...current.bylaws.matters.free, threshold: { numerator: 2, denominator: 3, base: 'cast', strict: true } } } };
    const id = await openedProposal(t, coordinator, { matter: 'bylaw_change', title: 'More than two thirds for motions', subject: { bylaws: strict } });
    for (const v of voters) expect((await v.client.post(`/api/v1/proposals/${id}/ballots`, { ballot: { choice: 'yes' } })).statusCode).toBe(201);
    // Bylaw changes cannot be changed once cast (the default rule).
    const again = await voters[0]!.client.post(`/api/v1/proposals/${id}/ballots`, { ballot: { choice: 'no' } });
    expect(again.json().error.code).toBe('governance.already_voted');
    await closeAfter(t, 3);
    const decided = (await coordinator.get(`/api/v1/proposals/${id}`)).json();
    expect(decided.status).toBe('passed');
    const adopted = (await coordinator.get('/api/v1/bylaws')).json();
    expect(adopted.version).toBe(current.version + 1);
    expect(adopted.proposalId).toBe(id);
    expect(adopted.bylaws).toEqual(strict);

    const failed = (await coordinator.get(`/api/v1/proposals/${await twoYesOneNo()}`)).json();
    expect(failed.status).toBe('failed');
    expect(failed.result.count.threshold.comparison.text).toBe('2 × 3 = 6 ≤ 2 × 3 = 6');
  });
});

describeOnDatabases('quorum against the frozen electorate', (t) => {
  it('counts the quorum on the electorate frozen at the opening, not on who joined later', async () => {
    const coordinator = (await coordinatorOf(t)).client;
    const four = await makeWorkers(t, 4);
    await adoptRules(t.deps, { free: { quorum: { numerator: 1, denominator: 2, strict: false, abstentionsCount: true, attendanceCounts: false } } });
    const frozen = await openedProposal(t, coordinator, { title: 'Frozen electorate' });
    const late = await makeWorkers(t, 10);
    const later = await openedProposal(t, coordinator, { title: 'Opened after ten joined' });
    for (const v of four.slice(0, 2)) {
      expect((await v.client.post(`/api/v1/proposals/${frozen}/ballots`, { ballot: { choice: 'yes' } })).statusCode).toBe(201);
      expect((await v.client.post(`/api/v1/proposals/${later}/ballots`, { ballot: { choice: 'yes' } })).statusCode).toBe(201);
    }
    expect((await late[0]!.client.post(`/api/v1/proposals/${frozen}/ballots`, { ballot: { choice: 'yes' } })).statusCode).toBe(403);
    await closeAfter(t, 3);
    const a = (await coordinator.get(`/api/v1/proposals/${frozen}`)).json();
    expect(a.electorateSize).toBe(4);
    expect(a.status).toBe('passed');
    expect(a.result.count.quorum).toMatchObject({ electorate: 4, turnout: 2, met: true, share: '1/2' });
    const b = (await coordinator.get(`/api/v1/proposals/${later}`)).json();
    expect(b.electorateSize).toBe(14);
    expect(b.status).toBe('no_quorum');
    expect(b.result.count.quorum).toMatchObject({ electorate: 14, turnout: 2, met: false });
  });
});

describeOnDatabases('a real election loaded into a ballot box (Glasgow 2007, Linn ward)', (t) => {
  it('elects the official four with a quota of 1,914 at the close', async () => {
    const parsed = voting.parseBlt(readFileSync(new URL('../../../../../domain/src/voting/testdata/glasgow-2007-linn.blt', import.meta.url), 'utf8'));
    if (!parsed.ok) throw new Error(parsed.error.message);
    const ward = parsed.election;
    expect(ward.candidates).toHaveLength(11);
    const coordinator = (await coordinatorOf(t)).client;
    await makeWorkers(t, 2);
    // The ward's electorate is not in this database: no quorum to check, as for the council election itself.
    await adoptRules(t.deps, { election: { quorum: null, method: 'stv_scottish' } });
    const id = await openedProposal(t, coordinator, { matter: 'election', title: 'Linn ward', options: [...ward.candidates], seats: 4 });
    await t.deps.db.transaction().execute(async (trx) => {
      const box = (await lockBox(trx, t.deps.dialect, id))!;
      expect(box).toEqual([]);
      await writeBox(trx, id, ward.ballots.map((b) => ({ c: { ranking: [...b.prefs] }, w: b.weight })));
    });
    expect(await closeAfter(t, 3)).toEqual([id]);
    const decided = (await coordinator.get(`/api/v1/proposals/${id}`)).json();
    expect(decided.status).toBe('elected');
    expect(decided.result.count.validVotes).toBe(9567);
    expect(decided.result.count.quotaVotes).toBe(1914);
    expect(new Set(decided.result.elected)).toEqual(new Set(['David Ritchie', 'Sadie Docherty', 'John McKenzie', 'Margot Clark']));
    expect(decided.result.count.tieBreaks).toEqual([]);
    // And out again, the same election.
    const blt = voting.parseBlt((await coordinator.get(`/api/v1/proposals/${id}/ballots.blt`)).body);
    if (!blt.ok) throw new Error(blt.error.message);
    expect(blt.election.candidates).toEqual(ward.candidates);
    expect(blt.election.ballots.reduce((s, b) => s + b.weight, 0)).toBe(9567);
  });
});
