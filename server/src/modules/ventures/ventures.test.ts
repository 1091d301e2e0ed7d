import { beforeAll, expect, it } from 'vitest';
import { actorClient, makeCoop } from '../../../test/factories.ts';
import { Client, describeOnDatabases } from '../../../test/harness.ts';
import { makeApiToken } from '../../../test/people-factories.ts';

const kitchen = {
  name: 'Cuina del Barri',
  description: 'Lunches for the schools, cooked by the people who run the kitchen.',
  sector: 'food',
  role: 'Cook and accounts',
  needs: [
    { kind: 'skill', description: 'A cook for large kitchens' },
    { kind: 'space', description: 'A kitchen to rent' },
  ],
};

describeOnDatabases('ventures: proposing, the team, offers and stages', (t) => {
  let founder: { id: string; client: Client };
  let helper: { id: string; client: Client };
  let other: { id: string; client: Client };
  let applicantWorker: Client;
  let coordinator: Client;
  let visitor: Client;
  let id: string;

  const auditOf = async (ventureId: string) =>
    (
      await t.deps.db
        .selectFrom('audit_events')
        .select('action')
        .where('subject_id', '=', ventureId)
        .orderBy('seq')
        .execute()
    ).map((a) => a.action);

  beforeAll(async () => {
    const forn = await makeCoop(t.deps, { name: 'Forn de la Plaça' });
    const bicis = await makeCoop(t.deps, { name: 'Bicis del Túria' });
    const applicant = await makeCoop(t.deps, { name: 'Not yet a member', status: 'applicant' });
    founder = await actorClient(t.deps, t.app, { coopId: forn.id, displayName: 'Amparo Founder' });
    helper = await actorClient(t.deps, t.app, { coopId: bicis.id, displayName: 'Oumar Helper' });
    other = await actorClient(t.deps, t.app, { coopId: bicis.id, displayName: 'Rosa Other' });
    applicantWorker = (await actorClient(t.deps, t.app, { coopId: applicant.id })).client;
    coordinator = (await actorClient(t.deps, t.app, { roles: [{ role: 'coordinator' }] })).client;
    visitor = new Client(t.app);
    const res = await founder.client.post('/api/v1/ventures', kitchen);
    expect(res.statusCode, res.body).toBe(201);
    id = res.json().id;
  });

  it('a worker of a member co-op proposes a venture and is its team; anyone reads it', async () => {
    const read = await visitor.get(`/api/v1/ventures/${id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({
      name: 'Cuina del Barri',
      stage: 'idea',
      sector: 'food',
      openNeeds: 2,
      team: [{ name: 'Amparo Founder', role: 'Cook and accounts' }],
      abilities: { manage: false, offer: false, applyToJoin: false },
    });
    expect((await founder.client.get(`/api/v1/ventures/${id}`)).json().abilities).toEqual({
      manage: true,
      offer: false,
      applyToJoin: false,
    });
    const list = (await visitor.get('/api/v1/ventures')).json().items;
    expect(list).toContainEqual(expect.objectContaining({ id, stage: 'idea', openNeeds: 2 }));
    expect(await auditOf(id)).toEqual(['venture.proposed']);
  });

  it('a visitor, a worker of a co-op that is not a member, a coordinator with no co-op and API tokens cannot propose', async () => {
    expect((await visitor.post('/api/v1/ventures', kitchen)).statusCode).toBe(401);
    expect((await applicantWorker.post('/api/v1/ventures', kitchen)).statusCode).toBe(403);
    expect((await coordinator.post('/api/v1/ventures', kitchen)).statusCode).toBe(403);
    const token = new Client(t.app);
    token.bearer = (await makeApiToken(t.deps, founder.id, ['read'])).token;
    expect((await token.get(`/api/v1/ventures/${id}`)).statusCode).toBe(200);
    expect((await token.post('/api/v1/ventures', kitchen)).statusCode).toBe(403);
    expect((await token.post(`/api/v1/ventures/${id}/stage`, { stage: 'study' })).statusCode).toBe(403);
    const admin = new Client(t.app);
    admin.bearer = (await makeApiToken(t.deps, founder.id, ['coop_admin'])).token;
    expect((await admin.post(`/api/v1/ventures/${id}/offers`, { kind: 'skill', text: 'x' })).statusCode).toBe(403);
    expect((await visitor.get('/api/v1/ventures')).json().items).toHaveLength(1);
  });

  it('shows hostile text as text and refuses huge or hidden characters with 400', async () => {
    const hostile = '<script>alert(1)</script><img src=x onerror=alert(1)>';
    const res = await founder.client.post('/api/v1/ventures', {
      ...kitchen,
      name: 'Script kitchen',
      description: hostile,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().description).toBe(hostile);
    for (const bad of [
      { ...kitchen, description: 'x'.repeat(4001) },
      { ...kitchen, name: 'x'.repeat(121) },
      { ...kitchen, name: 'Bad\u202Ename' },
      { ...kitchen, description: 'bell\u0007' },
      { ...kitchen, needs: Array.from({ length: 31 }, () => ({ kind: 'skill', description: 'x' })) },
      { ...kitchen, needs: [{ kind: 'money', description: 'x' }] },
      { ...kitchen, sector: 'no-such-sector' },
      { ...kitchen, role: '' },
    ]) {
      const refused = await founder.client.post('/api/v1/ventures', bad);
      expect(refused.statusCode, JSON.stringify(bad).slice(0, 80)).toBe(400);
    }
    const offer = await helper.client.post(`/api/v1/ventures/${id}/offers`, { kind: 'skill', text: 'y'.repeat(301) });
    expect(offer.statusCode).toBe(400);
  });

  it('the team and coordinators move the stage one step at a time, back only with a reason; others may not', async () => {
    for (const c of [helper.client, other.client])
      expect((await c.post(`/api/v1/ventures/${id}/stage`, { stage: 'study' })).statusCode).toBe(403);
    expect((await visitor.post(`/api/v1/ventures/${id}/stage`, { stage: 'study' })).statusCode).toBe(401);
    const skip = await founder.client.post(`/api/v1/ventures/${id}/stage`, { stage: 'founding' });
    expect(skip.statusCode).toBe(409);
    expect(skip.json().error.code).toBe('ventures.skips');
    expect((await founder.client.post(`/api/v1/ventures/${id}/stage`, { stage: 'study' })).json().stage).toBe('study');
    const back = await founder.client.post(`/api/v1/ventures/${id}/stage`, { stage: 'idea' });
    expect(back.json().error.code).toBe('ventures.back_needs_reason');
    const member = await coordinator.post(`/api/v1/ventures/${id}/stage`, { stage: 'founding' });
    expect(member.json().stage).toBe('founding');
    const byHand = await coordinator.post(`/api/v1/ventures/${id}/stage`, { stage: 'launched' });
    expect(byHand.json().stage).toBe('launched');
    const toMember = await founder.client.post(`/api/v1/ventures/${id}/stage`, { stage: 'member' });
    expect(toMember.json().error.code).toBe('ventures.member_by_admission');
    const withReason = await founder.client.post(`/api/v1/ventures/${id}/stage`, {
      stage: 'founding',
      reason: 'The statutes need another look',
    });
    expect(withReason.statusCode).toBe(200);
    expect(withReason.json().stages.map((s: { to: string }) => s.to)).toEqual([
      'idea',
      'study',
      'founding',
      'launched',
      'founding',
    ]);
    expect(withReason.json().stages.at(-1)).toMatchObject({
      reason: 'The statutes need another look',
      byName: 'Amparo Founder',
    });
    expect(await auditOf(id)).toEqual([
      'venture.proposed',
      'venture.moved_forward',
      'venture.moved_forward',
      'venture.moved_forward',
      'venture.moved_back',
    ]);
  });

  it('the team keeps its needs and edits its facts; others may not', async () => {
    const added = await founder.client.post(`/api/v1/ventures/${id}/needs`, {
      kind: 'capital',
      description: 'Seed capital',
    });
    expect(added.statusCode).toBe(201);
    const need = added.json().needs.find((n: { kind: string }) => n.kind === 'capital');
    expect((await helper.client.patch(`/api/v1/ventures/${id}/needs/${need.id}`, { met: true })).statusCode).toBe(403);
    const met = await founder.client.patch(`/api/v1/ventures/${id}/needs/${need.id}`, { met: true });
    expect(met.json().openNeeds).toBe(2);
    expect((await founder.client.delete(`/api/v1/ventures/${id}/needs/${need.id}`)).json().needs).toHaveLength(2);
    expect((await helper.client.patch(`/api/v1/ventures/${id}`, { name: 'Taken over' })).statusCode).toBe(403);
    const edited = await founder.client.patch(`/api/v1/ventures/${id}`, {
      description: 'Lunches and a cooking course.',
    });
    expect(edited.json()).toMatchObject({ name: 'Cuina del Barri', description: 'Lunches and a cooking course.' });
  });

  it('members offer a skill or ask to join; the team accepts or declines; who offered may withdraw', async () => {
    const offered = await helper.client.post(`/api/v1/ventures/${id}/offers`, { kind: 'skill', text: 'Bookkeeping' });
    expect(offered.statusCode).toBe(201);
    const skill = offered.json().offers.find((o: { text: string }) => o.text === 'Bookkeeping');
    expect(skill).toMatchObject({ status: 'open', personName: 'Oumar Helper' });
    // Open offers are the team's business and the offerer's: a visitor sees none.
    expect((await visitor.get(`/api/v1/ventures/${id}`)).json().offers).toEqual([]);
    expect(
      (await helper.client.post(`/api/v1/ventures/${id}/offers`, { kind: 'skill', text: 'Again' })).json().error.code,
    ).toBe('ventures.offer_open');
    expect((await applicantWorker.post(`/api/v1/ventures/${id}/offers`, { kind: 'skill', text: 'x' })).statusCode).toBe(
      403,
    );
    expect((await founder.client.post(`/api/v1/ventures/${id}/offers`, { kind: 'join', text: 'x' })).statusCode).toBe(
      403,
    );
    // Someone else cannot decide it nor withdraw it.
    expect(
      (await other.client.post(`/api/v1/ventures/${id}/offers/${skill.id}/decision`, { decision: 'accept' }))
        .statusCode,
    ).toBe(403);
    expect((await other.client.delete(`/api/v1/ventures/${id}/offers/${skill.id}`)).statusCode).toBe(404);
    const accepted = await founder.client.post(`/api/v1/ventures/${id}/offers/${skill.id}/decision`, {
      decision: 'accept',
    });
    expect(accepted.json().offers.find((o: { id: string }) => o.id === skill.id).status).toBe('accepted');
    expect((await visitor.get(`/api/v1/ventures/${id}`)).json().offers).toHaveLength(1);
    const again = await founder.client.post(`/api/v1/ventures/${id}/offers/${skill.id}/decision`, {
      decision: 'decline',
    });
    expect(again.statusCode).toBe(409);

    const join = (await other.client.post(`/api/v1/ventures/${id}/offers`, { kind: 'join', text: 'Driver' })).json();
    const joinOffer = join.offers.find((o: { kind: string }) => o.kind === 'join');
    const joined = await founder.client.post(`/api/v1/ventures/${id}/offers/${joinOffer.id}/decision`, {
      decision: 'accept',
    });
    expect(joined.json().team.map((m: { name: string; role: string }) => `${m.name}: ${m.role}`)).toEqual([
      'Amparo Founder: Cook and accounts',
      'Rosa Other: Driver',
    ]);
    // Now in the team, Rosa manages it; withdrawing her accepted request takes her out of it.
    expect((await other.client.get(`/api/v1/ventures/${id}`)).json().abilities.manage).toBe(true);
    const left = await other.client.delete(`/api/v1/ventures/${id}/offers/${joinOffer.id}`);
    expect(left.json().team).toHaveLength(1);
    expect((await other.client.get(`/api/v1/ventures/${id}`)).json().abilities.manage).toBe(false);
    const declined = (await other.client.post(`/api/v1/ventures/${id}/offers`, { kind: 'skill', text: 'Van' })).json();
    const van = declined.offers.find((o: { text: string }) => o.text === 'Van');
    expect(
      (await coordinator.post(`/api/v1/ventures/${id}/offers/${van.id}/decision`, { decision: 'decline' })).statusCode,
    ).toBe(200);
    expect((await other.client.delete(`/api/v1/ventures/${id}/offers/${van.id}`)).statusCode).toBe(409);
    expect(await auditOf(id)).toEqual(
      expect.arrayContaining([
        'venture.skill_offered',
        'venture.offer_accepted',
        'venture.offer_withdrawn',
        'venture.offer_declined',
      ]),
    );
  });

  it('two team members accepting the same offer at once accept it once', async () => {
    const second = await actorClient(t.deps, t.app, { coopId: (await makeCoop(t.deps)).id, displayName: 'Teo Second' });
    const asked = (await second.client.post(`/api/v1/ventures/${id}/offers`, { kind: 'join', text: 'Baker' })).json();
    const ask = asked.offers.find((o: { text: string }) => o.text === 'Baker');
    const newcomer = await actorClient(t.deps, t.app, { coopId: (await makeCoop(t.deps)).id });
    const request = (
      await newcomer.client.post(`/api/v1/ventures/${id}/offers`, { kind: 'join', text: 'Waiter' })
    ).json();
    const waiter = request.offers.find((o: { text: string }) => o.text === 'Waiter');
    const results = await Promise.all([
      founder.client.post(`/api/v1/ventures/${id}/offers/${waiter.id}/decision`, { decision: 'accept' }),
      coordinator.post(`/api/v1/ventures/${id}/offers/${waiter.id}/decision`, { decision: 'accept' }),
      founder.client.post(`/api/v1/ventures/${id}/offers/${waiter.id}/decision`, { decision: 'decline' }),
    ]);
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes).toEqual([200, 409, 409]);
    const team = await t.deps.db.selectFrom('venture_team').select('person_id').where('venture_id', '=', id).execute();
    expect(team.filter((m) => m.person_id === newcomer.id).length).toBeLessThanOrEqual(1);
    const decided = await t.deps.db
      .selectFrom('audit_events')
      .select('action')
      .where('subject_id', '=', id)
      .where('action', 'in', ['venture.offer_accepted', 'venture.offer_declined'])
      .where('after_json', 'like', `%${waiter.id}%`)
      .execute();
    expect(decided).toHaveLength(1);
    expect(ask.status).toBe('open');
  });
});
