/**
 * The frozen electorate of a proposal, by name, for choosing a delegate:
 * seen by its own members and the coordinators once voting has opened,
 * absent (404) for everyone else and for a proposal not yet put to a vote,
 * and never a word about who has voted.
 */
import { beforeAll, expect, it } from 'vitest';
import { Client, describeOnDatabases } from '../../../../test/harness.ts';
import { actorClient, makeCoop } from '../../../../test/factories.ts';
import { type Voter, closeAfter, coordinatorOf, governanceCounts, openedProposal } from '../../../../test/proposals-factories.ts';

interface Item {
  personId: string;
  displayName: string;
  coopName: string | null;
}

describeOnDatabases('proposal electorate API', (t) => {
  let coordinator: Client;
  let voters: Voter[];
  let visitor: Client;
  let openId: string;
  const url = (id: string) => `/api/v1/proposals/${id}/electorate`;

  /** The electorate as stored, to compare the answer with. */
  const storedElectorate = async (id: string) =>
    (await t.deps.db.selectFrom('electorate').select('person_id').where('proposal_id', '=', id).execute()).map((r) => r.person_id).sort();

  async function refused(client: Client, id: string, status: number, code: string) {
    const before = await governanceCounts(t.deps);
    const res = await client.get(url(id));
    expect(res.statusCode, res.body).toBe(status);
    expect(res.json().error.code).toBe(code);
    expect(await governanceCounts(t.deps)).toEqual(before);
  }

  beforeAll(async () => {
    coordinator = (await coordinatorOf(t)).client;
    const coop = await makeCoop(t.deps, { name: 'Panadería La Espiga' });
    // names out of order, and one lower-case, to see the sort
    voters = [];
    for (const displayName of ['Zoe Martín', 'ana Pérez', 'Bruno Díaz']) voters.push(await actorClient(t.deps, t.app, { coopId: coop.id, displayName }));
    visitor = new Client(t.app);
    openId = await openedProposal(t, coordinator, { title: 'Open the food bank on Sundays' });
  });

  it('lists the frozen electorate to its members, sorted by name, with their co-op', async () => {
    const res = await voters[0]!.client.get(url(openId));
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as Item[];
    expect(Object.keys(res.json())).toEqual(['items']);
    expect(items.map((i) => i.personId).sort()).toEqual(await storedElectorate(openId));
    const names = items.map((i) => i.displayName);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));
    const mine = items.filter((i) => voters.some((v) => v.id === i.personId));
    expect(mine).toEqual([
      { personId: voters[1]!.id, displayName: 'ana Pérez', coopName: 'Panadería La Espiga' },
      { personId: voters[2]!.id, displayName: 'Bruno Díaz', coopName: 'Panadería La Espiga' },
      { personId: voters[0]!.id, displayName: 'Zoe Martín', coopName: 'Panadería La Espiga' },
    ]);
    for (const i of items) expect(Object.keys(i).sort()).toEqual(['coopName', 'displayName', 'personId']);
  });

  it('answers the web app, which asks with ?limit=200, with the whole list', async () => {
    const res = await voters[1]!.client.get(`${url(openId)}?limit=200`);
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json().items as Item[]).length).toBe((await storedElectorate(openId)).length);
  });

  it('says nothing about who has voted: the list is the same before and after a vote', async () => {
    const before = (await voters[2]!.client.get(url(openId))).body;
    const cast = await voters[0]!.client.post(`/api/v1/proposals/${openId}/ballots`, { ballot: { choice: 'yes' } });
    expect(cast.statusCode, cast.body).toBe(201);
    const after = (await voters[2]!.client.get(url(openId))).body;
    expect(after).toBe(before);
    expect(after).not.toMatch(/voted|receipt|weight|choice|delegat/i);
  });

  it('shows it to a coordinator', async () => {
    const res = await coordinator.get(url(openId));
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json().items as Item[]).map((i) => i.personId).sort()).toEqual(await storedElectorate(openId));
  });

  it('hides it (404) from anyone outside the electorate, and asks a visitor to sign in (401)', async () => {
    // joined after the vote opened: not in the frozen electorate
    const late = await actorClient(t.deps, t.app, { coopId: (await makeCoop(t.deps)).id, displayName: 'Late Comer' });
    expect(await storedElectorate(openId)).not.toContain(late.id);
    await refused(late.client, openId, 404, 'not_found');
    const supporter = (await actorClient(t.deps, t.app, { supporter: true })).client;
    await refused(supporter, openId, 404, 'not_found');
    await refused(visitor, openId, 401, 'auth.required');
  });

  it('answers 404 for unknown proposals and 400 for ids that are not ids', async () => {
    await refused(voters[0]!.client, '00000000-0000-4000-8000-000000000000', 404, 'not_found');
    await refused(coordinator, '00000000-0000-4000-8000-000000000000', 404, 'not_found');
    await refused(voters[0]!.client, 'not-an-id', 400, 'validation_failed');
  });

  it('answers 404 for a draft or a proposal in discussion, even to its author and the coordinators: no electorate is frozen yet', async () => {
    const draft = await voters[0]!.client.post('/api/v1/proposals', { matter: 'free', title: 'Paint the hall', text: 'We paint the hall green.', subject: {} });
    expect(draft.statusCode, draft.body).toBe(201);
    const id = draft.json().id as string;
    await refused(voters[0]!.client, id, 404, 'not_found');
    await refused(coordinator, id, 404, 'not_found');
    await refused(voters[1]!.client, id, 404, 'not_found');
    expect((await voters[0]!.client.post(`/api/v1/proposals/${id}/discussion`)).statusCode).toBe(200);
    await refused(voters[0]!.client, id, 404, 'not_found');
    await refused(coordinator, id, 404, 'not_found');
  });

  it('still shows it to the members once the vote is decided', async () => {
    await closeAfter(t, 3);
    const shown = await voters[0]!.client.get(`/api/v1/proposals/${openId}`);
    expect(shown.json().status).not.toBe('voting');
    const res = await voters[1]!.client.get(url(openId));
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json().items as Item[]).map((i) => i.personId).sort()).toEqual(await storedElectorate(openId));
  });
});
