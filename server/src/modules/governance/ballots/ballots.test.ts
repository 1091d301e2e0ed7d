/**
 * Casting ballots, and every way of getting it wrong: each refusal says why,
 * and changes nothing (governanceCounts: every table, every ballot box).
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { Client, describeOnDatabases } from '../../../../test/harness.ts';
import { actorClient, makeCoop } from '../../../../test/factories.ts';
import { type Voter, adoptRules, closeAfter, coordinatorOf, governanceCounts, makeWorkers, openedProposal } from '../../../../test/proposals-factories.ts';
import { DEFAULT_BYLAWS } from '@coopnet/domain/governance/bylaws';
import { adoptBylaws } from '../bylaws/bylaws.repository.ts';
import { readBox } from './ballots.repository.ts';

describeOnDatabases('casting ballots', (t) => {
  let coordinator: Client;
  let workers: Voter[];
  const url = (id: string) => `/api/v1/proposals/${id}/ballots`;

  /** Expects a refusal with this status and code that changed nothing at all. */
  async function refused(send: () => Promise<{ statusCode: number; body: string; json: () => { error: { code: string } } }>, status: number, code: string) {
    const before = await governanceCounts(t.deps);
    const res = await send();
    expect(res.statusCode, res.body).toBe(status);
    expect(res.json().error.code).toBe(code);
    expect(await governanceCounts(t.deps)).toEqual(before);
  }

  /** Opens a proposal under the default rules changed as given, then restores the defaults. */
  async function openUnder(rule: Parameters<typeof adoptRules>[1][string], input: Parameters<typeof openedProposal>[2] = {}) {
    const matter = input.matter ?? 'free';
    await adoptRules(t.deps, { [matter]: rule });
    const id = await openedProposal(t, coordinator, input);
    await adoptBylaws(t.deps.db, DEFAULT_BYLAWS, null);
    return id;
  }

  beforeAll(async () => {
    coordinator = (await coordinatorOf(t)).client;
    workers = await makeWorkers(t, 6);
  });

  it('refuses a second ballot where ballots cannot be changed', async () => {
    const id = await openUnder({ changeable: false });
    expect((await workers[0]!.client.post(url(id), { ballot: { choice: 'no' } })).statusCode).toBe(201);
    await refused(() => workers[0]!.client.post(url(id), { ballot: { choice: 'yes' } }), 409, 'governance.already_voted');
    const me = (await workers[0]!.client.get(`/api/v1/proposals/${id}`)).json();
    expect(me.abilities.vote).toBe(false);
    expect(me.myParticipation.voted).toBe(true);
  });

  it('replaces an open ballot when ballots can be changed, and counts the last one', async () => {
    const id = await openedProposal(t, coordinator, {});
    const first = await workers[0]!.client.post(url(id), { ballot: { choice: 'no' } });
    expect(first.statusCode).toBe(201);
    expect((await workers[0]!.client.get(`/api/v1/proposals/${id}`)).json().abilities.vote).toBe(true);
    const again = await workers[0]!.client.post(url(id), { ballot: { choice: 'yes' } });
    expect(again.statusCode).toBe(201);
    expect(again.json().receipt).toBe(first.json().receipt);
    expect((await workers[1]!.client.post(url(id), { ballot: { choice: 'no' } })).statusCode).toBe(201);
    expect((await workers[2]!.client.post(url(id), { ballot: { choice: 'yes' } })).statusCode).toBe(201);
    expect(await readBox(t.deps.db, id)).toHaveLength(3);
    await closeAfter(t, 3);
    const decided = (await workers[0]!.client.get(`/api/v1/proposals/${id}`)).json();
    expect(decided.result.tally).toEqual({ yes: 2, no: 1, abstain: 0 });
    // An open vote shows who voted what, after the close.
    const ballots = (await workers[0]!.client.get(`${url(id)}?limit=10`)).json();
    expect(ballots.total).toBe(3);
    expect(ballots.items.map((b: { ballot: unknown }) => b.ballot)).toEqual(expect.arrayContaining([{ choice: 'yes' }, { choice: 'no' }]));
  });

  it('changes a secret ballot only with its token', async () => {
    const id = await openUnder({ secret: true });
    const cast = await workers[0]!.client.post(url(id), { ballot: { choice: 'no' } });
    expect(cast.statusCode).toBe(201);
    const token = cast.json().ballotToken as string;
    expect(token).toMatch(/^bt_/);
    await refused(() => workers[0]!.client.post(url(id), { ballot: { choice: 'yes' } }), 409, 'governance.already_voted');
    await refused(() => workers[0]!.client.post(url(id), { ballot: { choice: 'yes' }, ballotToken: 'bt_not-the-token' }), 400, 'governance.bad_ballot_token');
    const changed = await workers[0]!.client.post(url(id), { ballot: { choice: 'yes' }, ballotToken: token });
    expect(changed.statusCode).toBe(201);
    expect(changed.json()).toEqual({ receipt: cast.json().receipt, ballotToken: token });
    const box = await readBox(t.deps.db, id);
    expect(box).toHaveLength(1);
    expect(box[0]!.c).toEqual({ choice: 'yes' });
    await closeAfter(t, 3);
    await refused(() => workers[0]!.client.get(url(id)), 409, 'governance.secret_ballot');
  });

  it('refuses voters outside the frozen electorate', async () => {
    const id = await openedProposal(t, coordinator, {});
    const supporter = await actorClient(t.deps, t.app, { supporter: true });
    await refused(() => supporter.client.post(url(id), { ballot: { choice: 'yes' } }), 403, 'governance.not_in_electorate');
    await refused(() => coordinator.post(url(id), { ballot: { choice: 'yes' } }), 403, 'governance.not_in_electorate');
    // A worker who joined after the vote opened is not in its electorate.
    const [late] = await makeWorkers(t, 1, (await makeCoop(t.deps)).id);
    await refused(() => late!.client.post(url(id), { ballot: { choice: 'yes' } }), 403, 'governance.not_in_electorate');
    const visitor = new Client(t.app);
    const res = await visitor.post(url(id), { ballot: { choice: 'yes' } });
    expect(res.statusCode).toBe(401);
  });

  it('refuses ballots before the vote opens and after it closes', async () => {
    const draft = (await coordinator.post('/api/v1/proposals', { matter: 'free', title: 'Not yet open', text: '', subject: {} })).json().id as string;
    await refused(() => coordinator.post(url(draft), { ballot: { choice: 'yes' } }), 409, 'governance.not_open');
    const id = await openedProposal(t, coordinator, {});
    expect((await workers[0]!.client.post(url(id), { ballot: { choice: 'yes' } })).statusCode).toBe(201);
    await closeAfter(t, 3);
    await refused(() => workers[1]!.client.post(url(id), { ballot: { choice: 'yes' } }), 409, 'governance.not_open');
    await refused(() => workers[0]!.client.post(url(id), { ballot: { choice: 'no' } }), 409, 'governance.not_open');
  });

  it('refuses a closed proposal any change: edits, reopening, comments, amendments', async () => {
    const id = await openedProposal(t, coordinator, {});
    await closeAfter(t, 3);
    const author = coordinator;
    await refused(() => author.patch(`/api/v1/proposals/${id}`, { title: 'Changed afterwards' }), 409, 'governance.not_editable');
    await refused(() => author.post(`/api/v1/proposals/${id}/open`, { closesAt: new Date(Date.now() + 7_200_000).toISOString() }), 409, 'governance.bad_status');
    await refused(() => author.post(`/api/v1/proposals/${id}/discussion`), 409, 'governance.bad_status');
    await refused(() => author.post(`/api/v1/proposals/${id}/withdraw`), 409, 'governance.bad_status');
    await refused(() => workers[0]!.client.post(`/api/v1/proposals/${id}/comments`, { text: 'Too late?' }), 409, 'governance.closed_for_comments');
    await refused(() => workers[0]!.client.post(`/api/v1/proposals/${id}/amendments`, { text: 'Too late' }), 409, 'governance.not_in_discussion');
  });

  it('refuses ballots that do not fit the vote, with the counting library’s codes', async () => {
    const election = await openedProposal(t, coordinator, { matter: 'election', title: 'Fund committee', options: ['Ana', 'Bea', 'Carla'], seats: 2 });
    const w = workers[3]!.client;
    await refused(() => w.post(url(election), { ballot: { ranking: [0, 0] } }), 400, 'ballot.duplicate_option');
    await refused(() => w.post(url(election), { ballot: { ranking: [1, 7] } }), 400, 'ballot.unknown_option');
    await refused(() => w.post(url(election), { ballot: { ranking: [-1] } }), 400, 'ballot.unknown_option');
    await refused(() => w.post(url(election), { ballot: { marks: [{ option: 0, rank: 1 }, { option: 1, rank: 3 }] } }), 400, 'ballot.gap');
    await refused(() => w.post(url(election), { ballot: { marks: [{ option: 0, rank: 1 }, { option: 1, rank: 1 }] } }), 400, 'ballot.duplicate_rank');
    await refused(() => w.post(url(election), { ballot: { marks: [{ option: 0, rank: 1 }, { option: 0, rank: 2 }] } }), 400, 'ballot.duplicate_option');
    await refused(() => w.post(url(election), { ballot: { marks: [{ option: 9, rank: 1 }] } }), 400, 'ballot.unknown_option');
    await refused(() => w.post(url(election), { ballot: { choice: 'yes' } }), 400, 'ballot.wrong_kind');
    for (const bad of [{ ballot: { ranking: ['0'] } }, { ballot: { ranking: [0.5] } }, { ballot: { ranking: [0], extra: 1 } }, { ballot: {} }, {}, { ballot: { choice: 'maybe' } }, { ballot: { ranking: [0] }, other: true }]) {
      await refused(() => w.post(url(election), bad), 400, 'validation_failed');
    }
    const ok = await w.post(url(election), { ballot: { marks: [{ option: 2, rank: 1 }, { option: 0, rank: 2 }] } });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().ballotToken).toMatch(/^bt_/);

    const yesNo = await openedProposal(t, coordinator, {});
    await refused(() => w.post(url(yesNo), { ballot: { ranking: [0] } }), 400, 'ballot.wrong_kind');
    await refused(() => w.post(url(yesNo), { ballot: { choice: 'block', reason: 'no' } }), 400, 'ballot.wrong_kind');

    const consent = await openUnder({ method: 'consent', threshold: null });
    await refused(() => w.post(url(consent), { ballot: { choice: 'block' } }), 400, 'consent.block_without_reason');
    await refused(() => w.post(url(consent), { ballot: { choice: 'block', reason: '   ' } }), 400, 'consent.block_without_reason');
    expect((await w.post(url(consent), { ballot: { choice: 'block', reason: 'It would hurt the bakery.' } })).statusCode).toBe(201);

    const approval = await openUnder({ method: 'approval', threshold: null }, { options: ['Park', 'Library'] });
    await refused(() => w.post(url(approval), { ballot: { approvals: [1, 1] } }), 400, 'ballot.duplicate_option');
    await refused(() => w.post(url(approval), { ballot: { approvals: [2] } }), 400, 'ballot.unknown_option');
    expect((await w.post(url(approval), { ballot: { approvals: [0, 1] } })).statusCode).toBe(201);
  });

  it('refuses unknown proposals, and other people’s drafts as if they did not exist', async () => {
    await refused(() => workers[0]!.client.post(url('0b9f6c8e-0000-4000-8000-000000000000'), { ballot: { choice: 'yes' } }), 404, 'not_found');
    await refused(() => workers[0]!.client.post(url('not-a-uuid'), { ballot: { choice: 'yes' } }), 400, 'validation_failed');
    const draft = (await coordinator.post('/api/v1/proposals', { matter: 'free', title: 'Private draft', text: '', subject: {} })).json().id as string;
    await refused(() => workers[0]!.client.post(url(draft), { ballot: { choice: 'yes' } }), 404, 'not_found');
    expect((await workers[0]!.client.get(`/api/v1/proposals/${draft}`)).statusCode).toBe(404);
  });

  it('returns the first answer to a retried ballot with the same Idempotency-Key', async () => {
    const id = await openUnder({ changeable: false });
    const send = () => workers[4]!.client.request('POST', url(id), { ballot: { choice: 'yes' } }, { 'idempotency-key': 'retry-key-1' });
    const first = await send();
    expect(first.statusCode).toBe(201);
    const before = await governanceCounts(t.deps);
    const retry = await send();
    expect(retry.statusCode).toBe(201);
    expect(retry.json().receipt).toBe(first.json().receipt);
    expect(await governanceCounts(t.deps)).toEqual(before);
    await closeAfter(t, 3);
    const late = await send();
    expect(late.statusCode).toBe(201);
    expect(late.json().receipt).toBe(first.json().receipt);
  });

  it('refuses an Idempotency-Key outside 8–100 visible ASCII characters and keeps nothing; a UUID will do', async () => {
    const id = await openUnder({ changeable: false });
    const send = (key: string) => workers[5]!.client.request('POST', url(id), { ballot: { choice: 'yes' } }, { 'idempotency-key': key });
    for (const key of ['retry-1', 'k'.repeat(101)]) await refused(() => send(key), 400, 'validation_failed');
    expect((await send('retry-1')).json().error.details).toEqual([expect.objectContaining({ path: 'headers/idempotency-key' })]);
    // Not cast by the refused tries: in a vote that cannot be changed, this would be 409 otherwise.
    expect((await send(randomUUID())).statusCode).toBe(201);
  });
});

describeOnDatabases('handing a vote to someone else', (t) => {
  let coordinator: Client;
  let workers: Voter[];
  const url = (id: string) => `/api/v1/proposals/${id}/ballots`;
  const delegation = (id: string) => `/api/v1/proposals/${id}/delegation`;

  async function refused(send: () => Promise<{ statusCode: number; body: string; json: () => { error: { code: string } } }>, status: number, code: string) {
    const before = await governanceCounts(t.deps);
    const res = await send();
    expect(res.statusCode, res.body).toBe(status);
    expect(res.json().error.code).toBe(code);
    expect(await governanceCounts(t.deps)).toEqual(before);
  }

  beforeAll(async () => {
    coordinator = (await coordinatorOf(t)).client;
    workers = await makeWorkers(t, 6);
  });

  it('hands a vote over and takes it back before the delegate votes', async () => {
    const id = await openedProposal(t, coordinator, {});
    const [ana, bea] = workers;
    const handed = await ana!.client.post(delegation(id), { toPersonId: bea!.id });
    expect(handed.statusCode, handed.body).toBe(201);
    expect(handed.json().myParticipation).toMatchObject({ voted: false, delegatedTo: { id: bea!.id } });
    expect(handed.json().abilities).toMatchObject({ vote: false, delegate: false, takeBackDelegation: true });
    expect((await bea!.client.get(`/api/v1/proposals/${id}`)).json().myParticipation.delegatedToMe).toBe(1);
    await refused(() => ana!.client.post(url(id), { ballot: { choice: 'no' } }), 409, 'governance.vote_delegated');
    await refused(() => ana!.client.post(delegation(id), { toPersonId: workers[2]!.id }), 409, 'governance.already_delegated');

    const back = await ana!.client.delete(delegation(id));
    expect(back.statusCode).toBe(200);
    expect(back.json().myParticipation.delegatedTo).toBeNull();
    await refused(() => ana!.client.delete(delegation(id)), 409, 'governance.no_delegation');
    expect((await ana!.client.post(url(id), { ballot: { choice: 'no' } })).statusCode).toBe(201);
    await refused(() => ana!.client.post(delegation(id), { toPersonId: bea!.id }), 409, 'governance.already_voted');
    await refused(() => bea!.client.post(delegation(id), { toPersonId: ana!.id }), 409, 'governance.delegate_voted');
  });

  it('lets a delegate vote with the combined weight, once, and keeps the vote with them', async () => {
    const id = await openedProposal(t, coordinator, {});
    const [ana, bea, carla, dora] = workers;
    expect((await ana!.client.post(delegation(id), { toPersonId: carla!.id })).statusCode).toBe(201);
    expect((await bea!.client.post(delegation(id), { toPersonId: carla!.id })).statusCode).toBe(201);
    // One step only: Carla cannot pass on what she carries, nor hand to someone who handed theirs.
    await refused(() => carla!.client.post(delegation(id), { toPersonId: dora!.id }), 409, 'governance.delegation_chain');
    await refused(() => dora!.client.post(delegation(id), { toPersonId: ana!.id }), 409, 'governance.delegation_chain');
    await refused(() => dora!.client.post(delegation(id), { toPersonId: dora!.id }), 400, 'governance.self_delegation');
    const outsider = await actorClient(t.deps, t.app, { supporter: true });
    await refused(() => dora!.client.post(delegation(id), { toPersonId: outsider.id }), 400, 'governance.delegate_not_in_electorate');
    await refused(() => outsider.client.post(delegation(id), { toPersonId: dora!.id }), 403, 'governance.not_in_electorate');

    expect((await carla!.client.post(url(id), { ballot: { choice: 'yes' } })).statusCode).toBe(201);
    expect((await dora!.client.post(url(id), { ballot: { choice: 'no' } })).statusCode).toBe(201);
    const box = await readBox(t.deps.db, id);
    expect(box.map((e) => e.w).sort()).toEqual([1, 3]);
    const participation = await t.deps.db.selectFrom('participation').selectAll().where('proposal_id', '=', id).execute();
    expect(participation.filter((p) => p.cast_by === carla!.id).map((p) => p.person_id).sort()).toEqual([ana!.id, bea!.id, carla!.id].sort());
    await refused(() => ana!.client.delete(delegation(id)), 409, 'governance.delegate_voted');
    await refused(() => ana!.client.post(url(id), { ballot: { choice: 'no' } }), 409, 'governance.vote_delegated');
    const anaView = (await ana!.client.get(`/api/v1/proposals/${id}`)).json();
    expect(anaView.myParticipation).toMatchObject({ voted: true, delegatedTo: { id: carla!.id } });
    expect(anaView.myParticipation.receipt).toMatch(/^R-/);
    expect(anaView.participation.voted).toBe(4);

    await closeAfter(t, 3);
    const decided = (await ana!.client.get(`/api/v1/proposals/${id}`)).json();
    expect(decided.result.tally).toEqual({ yes: 3, no: 1, abstain: 0 });
  });

  it('refuses delegation where the rule does not allow it (secret elections by default)', async () => {
    const id = await openedProposal(t, coordinator, { matter: 'election', title: 'Delegates', options: ['Ana', 'Bea'], seats: 1 });
    await refused(() => workers[0]!.client.post(delegation(id), { toPersonId: workers[1]!.id }), 409, 'governance.not_delegable');
    await refused(() => workers[0]!.client.post(delegation(id), { toPersonId: 'nope' }), 400, 'validation_failed');
    await refused(() => workers[0]!.client.post(delegation(id), { toPersonId: workers[1]!.id, extra: 1 }), 400, 'validation_failed');
  });
});

describeOnDatabases('a delegate recalled during a council vote', (t) => {
  it('cannot vote any more; the frozen electorate size stays', async () => {
    const coordinator = (await coordinatorOf(t)).client;
    const bodies = (await coordinator.get('/api/v1/bodies')).json().items as { id: string; kind: string }[];
    const council = bodies.find((b) => b.kind === 'council')!;
    const delegates: Voter[] = [];
    const admins: Client[] = [];
    for (const name of ['Alpha', 'Beta']) {
      const coop = await makeCoop(t.deps, { name });
      const admin = await actorClient(t.deps, t.app, { coopId: coop.id, roles: [{ role: 'coop_admin', coopId: coop.id }] });
      const [delegate] = await makeWorkers(t, 1, coop.id);
      const appointed = await admin.client.post(`/api/v1/bodies/${council.id}/members`, { personId: delegate!.id });
      expect(appointed.statusCode, appointed.body).toBe(201);
      delegates.push(delegate!);
      admins.push(admin.client);
    }
    // Settlement policy is the council's, one vote per co-op, cast by its delegate.
    const id = await openedProposal(t, coordinator, { matter: 'settlement_policy', title: 'Reimburse big givers', subject: { policy: 'fund_reimburses_givers', thresholdCents: 50_000 } });
    const opened = (await coordinator.get(`/api/v1/proposals/${id}`)).json();
    expect(opened.electorateSize).toBe(2);
    const electorate = await t.deps.db.selectFrom('electorate').select('person_id').where('proposal_id', '=', id).execute();
    expect(electorate.map((e) => e.person_id).sort()).toEqual(delegates.map((d) => d.id).sort());

    const members = (await coordinator.get(`/api/v1/bodies/${council.id}/members`)).json().items as { id: string; personId: string }[];
    const recalled = members.find((m) => m.personId === delegates[0]!.id)!;
    // Through the bodies API: the co-op's admin recalls its delegate.
    expect((await admins[0]!.post(`/api/v1/bodies/${council.id}/members/${recalled.id}/recall`)).statusCode).toBe(200);
    const before = await governanceCounts(t.deps);
    const res = await delegates[0]!.client.post(`/api/v1/proposals/${id}/ballots`, { ballot: { choice: 'yes' } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('governance.not_in_electorate');
    expect(await governanceCounts(t.deps)).toEqual(before);
    expect((await delegates[1]!.client.post(`/api/v1/proposals/${id}/ballots`, { ballot: { choice: 'yes' } })).statusCode).toBe(201);
    const after = (await coordinator.get(`/api/v1/proposals/${id}`)).json();
    expect(after.electorateSize).toBe(2);
    expect(after.participation).toEqual({ voted: 1, electorate: 2 });

    await closeAfter(t, 3);
    const decided = (await coordinator.get(`/api/v1/proposals/${id}`)).json();
    expect(decided.status).toBe('passed');
    expect(decided.result.count.quorum.comparison.text).toBe('1 × 4 = 4 ≥ 1 × 2 = 2');
    const chosen = await t.deps.db.selectFrom('audit_events').selectAll().where('action', '=', 'settlement_policy.chosen').executeTakeFirstOrThrow();
    expect(JSON.parse(chosen.after_json!)).toEqual({ policy: 'fund_reimburses_givers', thresholdCents: 50_000 });
  });
});
