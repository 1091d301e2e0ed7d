import { beforeAll, expect, it } from 'vitest';
import { actorClient, makeCoop } from '../../../test/factories.ts';
import { Client, describeOnDatabases } from '../../../test/harness.ts';
import { closeAfter, coordinatorOf, hoursFromNow } from '../../../test/proposals-factories.ts';

const join = {
  legalForm: 'cooperativa de trabajo',
  address: 'Carrer de la Reina 12',
  city: 'Valencia',
  workerCount: 4,
  contactName: 'Amparo Founder',
  contactEmail: 'amparo@cuina.example',
  message: 'We cook for the schools of the Cabanyal.',
};

describeOnDatabases('a launched venture joins the network through the admission vote', (t) => {
  let founder: { id: string; client: Client };
  let helper: { id: string; client: Client };
  let coordinator: Client;
  let id: string;

  beforeAll(async () => {
    const forn = await makeCoop(t.deps, { name: 'Forn de la Plaça' });
    founder = await actorClient(t.deps, t.app, { coopId: forn.id, displayName: 'Amparo Founder' });
    helper = await actorClient(t.deps, t.app, { coopId: forn.id });
    coordinator = (await coordinatorOf(t)).client;
    const res = await founder.client.post('/api/v1/ventures', {
      name: 'Cuina del Cabanyal',
      description: 'A kitchen run by its cooks.',
      sector: 'food',
      role: 'Cook',
    });
    id = res.json().id;
  });

  it('applies only once launched, only by its team, with the venture’s facts', async () => {
    const early = await founder.client.post(`/api/v1/ventures/${id}/application`, join);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('ventures.not_launched');
    for (const stage of ['study', 'founding', 'launched'])
      expect((await founder.client.post(`/api/v1/ventures/${id}/stage`, { stage })).statusCode).toBe(200);
    expect((await founder.client.get(`/api/v1/ventures/${id}`)).json().abilities.applyToJoin).toBe(true);
    expect((await helper.client.post(`/api/v1/ventures/${id}/application`, join)).statusCode).toBe(403);
    expect((await coordinator.post(`/api/v1/ventures/${id}/application`, join)).statusCode).toBe(403);
    expect((await new Client(t.app).post(`/api/v1/ventures/${id}/application`, join)).statusCode).toBe(401);
    const sent = await founder.client.post(`/api/v1/ventures/${id}/application`, join);
    expect(sent.statusCode, sent.body).toBe(201);
    expect(sent.json()).toMatchObject({
      stage: 'launched',
      coop: { status: 'applicant' },
      abilities: { applyToJoin: false },
    });
    const back = await founder.client.post(`/api/v1/ventures/${id}/stage`, {
      stage: 'founding',
      reason: 'Second thoughts',
    });
    expect(back.json().error.code).toBe('ventures.applying');
    const again = await founder.client.post(`/api/v1/ventures/${id}/application`, join);
    expect(again.json().error.code).toBe('ventures.already_applied');
    // The coordinators see it among the applications, with the venture's name and description.
    const pending = (await coordinator.get('/api/v1/applications?status=pending')).json().items;
    expect(pending).toContainEqual(
      expect.objectContaining({
        contactEmail: 'amparo@cuina.example',
        coop: expect.objectContaining({ name: 'Cuina del Cabanyal', sector: 'food', workerCount: 4 }),
      }),
    );
  });

  it('becomes a member when the assembly admits its co-op', async () => {
    const coopId = (await founder.client.get(`/api/v1/ventures/${id}`)).json().coop.id as string;
    const created = await coordinator.post('/api/v1/proposals', {
      matter: 'admission',
      title: 'Admit Cuina del Cabanyal',
      text: 'A venture of the network, launched.',
      subject: { coopId },
    });
    expect(created.statusCode, created.body).toBe(201);
    const proposalId = created.json().id;
    expect(
      (await coordinator.post(`/api/v1/proposals/${proposalId}/open`, { closesAt: hoursFromNow(2) })).statusCode,
    ).toBe(200);
    for (const voter of [founder.client, helper.client])
      expect(
        (await voter.post(`/api/v1/proposals/${proposalId}/ballots`, { ballot: { choice: 'yes' } })).statusCode,
      ).toBe(201);
    expect(await closeAfter(t, 3)).toEqual([proposalId]);
    const after = (await new Client(t.app).get(`/api/v1/ventures/${id}`)).json();
    expect(after).toMatchObject({ stage: 'member', coop: { id: coopId, status: 'member' } });
    expect(after.stages.at(-1)).toMatchObject({ from: 'launched', to: 'member', byName: null });
    const audit = await t.deps.db
      .selectFrom('audit_events')
      .select(['action', 'actor_id'])
      .where('subject_id', '=', id)
      .orderBy('seq')
      .execute();
    expect(audit.at(-1)).toEqual({ action: 'venture.became_member', actor_id: null });
    // A member stays one: no more stage moves or offers.
    const moved = await founder.client.post(`/api/v1/ventures/${id}/stage`, { stage: 'launched', reason: 'undo' });
    expect(moved.json().error.code).toBe('ventures.member_is_final');
  });
});
