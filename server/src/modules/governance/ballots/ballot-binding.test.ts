/**
 * A ballot token changes a ballot only for the person it was given to, and an
 * Idempotency-Key names one ballot: the same key with another ballot is
 * refused, the same ballot gets the first answer.
 */
import { beforeAll, expect, it } from 'vitest';
import { type Client, describeOnDatabases } from '../../../../test/harness.ts';
import { type Voter, adoptRules, closeAfter, coordinatorOf, governanceCounts, makeWorkers, openedProposal } from '../../../../test/proposals-factories.ts';
import { DEFAULT_BYLAWS } from '@coopnet/domain/governance/bylaws';
import { adoptBylaws } from '../bylaws/bylaws.repository.ts';
import { readBox } from './ballots.repository.ts';

describeOnDatabases('ballot tokens and idempotency keys', (t) => {
  let coordinator: Client;
  let workers: Voter[];
  const url = (id: string) => `/api/v1/proposals/${id}/ballots`;
  const proposal = async (voter: Voter, id: string) => (await voter.client.get(`/api/v1/proposals/${id}`)).json();

  /** Expects a refusal with this status and code that changed nothing at all. */
  async function refused(send: () => Promise<{ statusCode: number; body: string; json: () => { error: { code: string } } }>, status: number, code: string) {
    const before = await governanceCounts(t.deps);
    const res = await send();
    expect(res.statusCode, res.body).toBe(status);
    expect(res.json().error.code).toBe(code);
    expect(await governanceCounts(t.deps)).toEqual(before);
  }

  /** Opens a proposal under the default rules changed as given, then restores the defaults. */
  async function openUnder(rule: Parameters<typeof adoptRules>[1][string]) {
    await adoptRules(t.deps, { free: rule });
    const id = await openedProposal(t, coordinator, {});
    await adoptBylaws(t.deps.db, DEFAULT_BYLAWS, null);
    return id;
  }

  const choices = async (id: string) => (await readBox(t.deps.db, id)).map((e) => (e.c as { choice: string }).choice).sort();

  beforeAll(async () => {
    coordinator = (await coordinatorOf(t)).client;
    workers = await makeWorkers(t, 4);
  });

  it('finding 7: another voter who has voted cannot use a voter’s ballot token; both ballots stay as cast and are counted', async () => {
    const id = await openUnder({ secret: true, changeable: true });
    const [one, two] = workers as [Voter, Voter];
    const first = await one.client.post(url(id), { ballot: { choice: 'no' } });
    expect(first.statusCode).toBe(201);
    const token1 = first.json().ballotToken as string;
    expect(token1).toMatch(/^bt_/);
    expect((await two.client.post(url(id), { ballot: { choice: 'yes' } })).statusCode).toBe(201);

    // Voter 2 sends voter 1's token: it is not theirs, so it matches no ballot of theirs.
    await refused(() => two.client.post(url(id), { ballot: { choice: 'abstain' }, ballotToken: token1 }), 400, 'governance.bad_ballot_token');
    await refused(() => two.client.post(url(id), { ballot: { choice: 'no' }, ballotToken: token1 }), 400, 'governance.bad_ballot_token');
    expect(await choices(id)).toEqual(['no', 'yes']);
    const mine = await proposal(one, id);
    expect(mine.myParticipation).toMatchObject({ voted: true, receipt: first.json().receipt });

    await closeAfter(t, 3);
    const decided = await proposal(one, id);
    expect(decided.result.tally).toEqual({ yes: 1, no: 1, abstain: 0 });
    expect(decided.participation.voted).toBe(2);
  });

  it('finding 7: a voter still replaces their own secret ballot with their token, and no one else’s', async () => {
    const id = await openUnder({ secret: true, changeable: true });
    const [one, two, three] = workers as [Voter, Voter, Voter];
    const first = await one.client.post(url(id), { ballot: { choice: 'no' } });
    const token1 = first.json().ballotToken as string;
    const second = await two.client.post(url(id), { ballot: { choice: 'yes' } });
    const token2 = second.json().ballotToken as string;

    await refused(() => two.client.post(url(id), { ballot: { choice: 'abstain' }, ballotToken: token1 }), 400, 'governance.bad_ballot_token');
    await refused(() => one.client.post(url(id), { ballot: { choice: 'abstain' }, ballotToken: token2 }), 400, 'governance.bad_ballot_token');

    const changed = await one.client.post(url(id), { ballot: { choice: 'abstain' }, ballotToken: token1 });
    expect(changed.statusCode, changed.body).toBe(201);
    expect(changed.json()).toEqual({ receipt: first.json().receipt, ballotToken: token1 });
    expect(await choices(id)).toEqual(['abstain', 'yes']);

    // Someone who has not voted casts their own ballot with it: a new ballot, and voter 1's stays.
    const third = await three.client.post(url(id), { ballot: { choice: 'no' }, ballotToken: token1 });
    expect(third.statusCode).toBe(201);
    expect(third.json().ballotToken).not.toBe(token1);
    expect(await choices(id)).toEqual(['abstain', 'no', 'yes']);

    await closeAfter(t, 3);
    expect((await proposal(one, id)).result.tally).toEqual({ yes: 1, no: 1, abstain: 1 });
  });

  it('finding 7: an Idempotency-Key replayed with a different ballot is refused with 409; with the same ballot it gets the first answer', async () => {
    const id = await openUnder({ changeable: false });
    const voter = workers[3]!;
    const send = (ballot: unknown, key = 'ballot-key-1') => voter.client.request('POST', url(id), { ballot }, { 'idempotency-key': key });
    const first = await send({ choice: 'yes' });
    expect(first.statusCode).toBe(201);

    await refused(() => send({ choice: 'no' }), 409, 'governance.idempotency_conflict');
    await refused(() => send({ choice: 'abstain' }), 409, 'governance.idempotency_conflict');
    const before = await governanceCounts(t.deps);
    const retry = await send({ choice: 'yes' });
    expect(retry.statusCode).toBe(201);
    expect(retry.json()).toEqual(first.json());
    expect(await governanceCounts(t.deps)).toEqual(before);
    // Another key is another request: the ballot cannot be changed in this vote.
    await refused(() => send({ choice: 'no' }, 'ballot-key-2'), 409, 'governance.already_voted');

    await closeAfter(t, 3);
    await refused(() => send({ choice: 'no' }), 409, 'governance.idempotency_conflict');
    expect((await send({ choice: 'yes' })).json()).toEqual(first.json());
    expect((await proposal(voter, id)).result.tally).toEqual({ yes: 1, no: 0, abstain: 0 });
  });

  it('finding 7: idempotent ballots compare the body as data (key order aside), per voter, secret ones included', async () => {
    const election = await openedProposal(t, coordinator, { matter: 'election', title: 'Two seats', options: ['Ana', 'Bea', 'Carla'], seats: 2 });
    const [one, two] = workers as [Voter, Voter];
    const post = (voter: Voter, body: unknown, key: string) => voter.client.request('POST', url(election), body, { 'idempotency-key': key });
    const first = await post(one, { ballot: { marks: [{ option: 2, rank: 1 }, { option: 0, rank: 2 }] } }, 'same-key');
    expect(first.statusCode).toBe(201);
    const token = first.json().ballotToken as string;
    const again = await post(one, { ballot: { marks: [{ rank: 1, option: 2 }, { rank: 2, option: 0 }] } }, 'same-key');
    expect(again.statusCode).toBe(201);
    expect(again.json()).toEqual({ receipt: first.json().receipt, ballotToken: null });
    await refused(() => post(one, { ballot: { marks: [{ option: 0, rank: 1 }, { option: 2, rank: 2 }] } }, 'same-key'), 409, 'governance.idempotency_conflict');

    // The same key string from another voter is their own request.
    const other = await post(two, { ballot: { ranking: [2, 0] } }, 'same-key');
    expect(other.statusCode).toBe(201);
    expect(other.json().receipt).not.toBe(first.json().receipt);

    // A change under a new key; replayed with the token, the first answer; with another ballot, 409.
    const change = { ballot: { ranking: [1] }, ballotToken: token };
    const changed = await post(one, change, 'change-key');
    expect(changed.statusCode).toBe(201);
    const before = await governanceCounts(t.deps);
    expect((await post(one, { ballotToken: token, ballot: { ranking: [1] } }, 'change-key')).json()).toEqual({ receipt: first.json().receipt, ballotToken: null });
    expect(await governanceCounts(t.deps)).toEqual(before);
    await refused(() => post(one, { ballot: { ranking: [0] }, ballotToken: token }, 'change-key'), 409, 'governance.idempotency_conflict');
    const box = await readBox(t.deps.db, election);
    expect(box.map((e) => JSON.stringify(e.c)).sort()).toEqual([JSON.stringify({ ranking: [1] }), JSON.stringify({ ranking: [2, 0] })]);
  });
});
