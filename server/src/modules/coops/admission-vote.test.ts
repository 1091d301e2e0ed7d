import { createHash } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { Client, describeOnDatabases } from '../../../test/harness.ts';
import { espigaApplication, makeCoop } from '../../../test/factories.ts';
import { type Voter, closeAfter, coordinatorOf, governanceCounts, hoursFromNow, makeWorkers } from '../../../test/proposals-factories.ts';

const application = espigaApplication;

describeOnDatabases('admission by a vote of the assembly', (t) => {
  let coordinator: Client;
  let coordinatorId: string;
  let workers: Voter[];
  let visitor: Client;
  let coopId: string;
  let applicationId: string;

  beforeAll(async () => {
    const c = await coordinatorOf(t);
    coordinator = c.client;
    coordinatorId = c.id;
    workers = await makeWorkers(t, 3);
    visitor = new Client(t.app);
    const res = await visitor.post('/api/v1/applications', application);
    expect(res.statusCode).toBe(201);
    coopId = res.json().coopId;
    applicationId = res.json().id;
  });

  it('no longer admits by a coordinator alone: admission is decided by a vote', async () => {
    const before = await governanceCounts(t.deps);
    const res = await coordinator.post(`/api/v1/applications/${applicationId}/admit`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('application.decided_by_vote');
    expect(await governanceCounts(t.deps)).toEqual(before);
  });

  it('only coordinators put an admission to a vote, and only of an applicant co-op', async () => {
    const before = await governanceCounts(t.deps);
    const byWorker = await workers[0]!.client.post('/api/v1/proposals', { matter: 'admission', title: 'Admit them', text: '', subject: { coopId } });
    expect(byWorker.statusCode).toBe(403);
    const member = await makeCoop(t.deps);
    const notApplicant = await coordinator.post('/api/v1/proposals', { matter: 'admission', title: 'Admit a member', text: '', subject: { coopId: member.id } });
    expect(notApplicant.statusCode).toBe(409);
    expect(notApplicant.json().error.code).toBe('governance.not_an_applicant');
    const unknown = await coordinator.post('/api/v1/proposals', { matter: 'admission', title: 'Admit nobody', text: '', subject: { coopId: '7b0e1c1e-0000-4000-8000-000000000000' } });
    expect(unknown.statusCode).toBe(400);
    const badSubject = await coordinator.post('/api/v1/proposals', { matter: 'admission', title: 'Admit', text: '', subject: { coop: coopId } });
    expect(badSubject.statusCode).toBe(400);
    expect(badSubject.json().error.code).toBe('governance.bad_subject');
    expect(await governanceCounts(t.deps)).toEqual({ ...before, coops: (before.coops as number) + 1 });
  });

  it('opens, takes three yes votes, and at the close admits the co-op in the same transaction', async () => {
    const created = await coordinator.post('/api/v1/proposals', {
      matter: 'admission',
      title: 'Admit Panadería La Espiga',
      text: 'They bake bread together and share the bakery.',
      subject: { coopId },
    });
    expect(created.statusCode, created.body).toBe(201);
    const draft = created.json();
    expect(draft).toMatchObject({ status: 'draft', matter: 'admission', subjectText: 'Admit Panadería La Espiga as a member co-op', result: null });
    expect(draft.rule).toMatchObject({ body: 'assembly', method: 'yes_no' });

    const twice = await coordinator.post('/api/v1/proposals', { matter: 'admission', title: 'Again', text: '', subject: { coopId } });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('governance.already_proposed');

    const opened = await coordinator.post(`/api/v1/proposals/${draft.id}/open`, { closesAt: hoursFromNow(2) });
    expect(opened.statusCode, opened.body).toBe(200);
    const voting = opened.json();
    expect(voting).toMatchObject({ status: 'voting', electorateSize: 3, lotSeed: null, result: null, participation: { voted: 0, electorate: 3 } });
    expect(voting.lotCommitment).toMatch(/^[0-9a-f]{64}$/);

    for (const w of workers) {
      const mails = await t.deps.db.selectFrom('outbox_mail').select('subject').where('to_address', '=', w.email).execute();
      expect(mails.map((m) => m.subject)).toContain('Vote open: Admit Panadería La Espiga');
      const res = await w.client.post(`/api/v1/proposals/${draft.id}/ballots`, { ballot: { choice: 'yes' } });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().receipt).toMatch(/^R-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
      expect(res.json().ballotToken).toBeNull();
    }
    const during = (await workers[0]!.client.get(`/api/v1/proposals/${draft.id}`)).json();
    expect(during.result).toBeNull();
    expect(during.participation).toEqual({ voted: 3, electorate: 3 });
    expect(during.myParticipation).toMatchObject({ voted: true, delegatedTo: null });

    // Not yet: the clock closes only votes whose time has come.
    expect(await closeAfter(t, 1)).toEqual([]);
    expect(await closeAfter(t, 3)).toEqual([draft.id]);
    expect(await closeAfter(t, 4)).toEqual([]);

    const decided = (await visitor.get(`/api/v1/proposals/${draft.id}`)).json();
    expect(decided.status).toBe('passed');
    expect(decided.result).toMatchObject({ outcome: 'passed', tally: { yes: 3, no: 0, abstain: 0 }, effectError: null });
    expect(decided.result.count.explanation.join(' ')).toContain('The proposal passed.');
    expect(decided.effectAppliedAt).not.toBeNull();
    expect(createHash('sha256').update(Buffer.from(decided.lotSeed, 'hex')).digest('hex')).toBe(decided.lotCommitment);

    const coop = (await visitor.get(`/api/v1/coops/${coopId}`)).json();
    expect(coop.status).toBe('member');
    const application = await t.deps.db.selectFrom('join_applications').selectAll().where('id', '=', applicationId).executeTakeFirstOrThrow();
    expect(application).toMatchObject({ status: 'admitted', decided_by: null });
    const invitation = await t.deps.db.selectFrom('outbox_mail').selectAll().where('to_address', '=', 'ana@espiga.example').execute();
    expect(invitation.map((m) => m.subject)).toContain('You are invited to Panadería La Espiga on Coopnet');
    const invited = await t.deps.db.selectFrom('invitations').selectAll().where('email', '=', 'ana@espiga.example').executeTakeFirstOrThrow();
    expect(invited).toMatchObject({ role: 'coop_admin', coop_id: coopId, created_by: null });

    // Nobody touched the co-op: every change to it was the system carrying out the vote.
    const touching = await t.deps.db.selectFrom('audit_events').selectAll().where('coop_id', '=', coopId).execute();
    expect(touching.map((e) => e.action).sort()).toEqual(['application.admitted', 'application.submitted', 'coop.admitted', 'invitation.created']);
    expect(touching.every((e) => e.actor_id === null)).toBe(true);
    expect(JSON.parse(touching.find((e) => e.action === 'coop.admitted')!.after_json!)).toMatchObject({ proposalId: draft.id });
    const byCoordinator = await t.deps.db.selectFrom('audit_events').select('action').where('actor_id', '=', coordinatorId).execute();
    expect(byCoordinator.map((e) => e.action).sort()).toEqual(['proposal.created', 'proposal.opened']);

    for (const w of workers) {
      const mails = await t.deps.db.selectFrom('outbox_mail').select('subject').where('to_address', '=', w.email).execute();
      expect(mails.map((m) => m.subject)).toContain('Decided: Admit Panadería La Espiga');
      const notes = await t.deps.db.selectFrom('notifications').select('kind').where('person_id', '=', w.id).execute();
      expect(notes.map((n) => n.kind).sort()).toEqual(['proposal.decided', 'proposal.opened']);
    }
  });

  it('records a passed decision whose effect can no longer apply, without applying it', async () => {
    const other = await visitor.post('/api/v1/applications', { ...application, coop: { ...application.coop, name: 'Bicis del Sur' }, contactEmail: 'bici@example.org' });
    const otherCoop = other.json().coopId as string;
    const id = (
      await coordinator.post('/api/v1/proposals', { matter: 'admission', title: 'Admit Bicis del Sur', text: '', subject: { coopId: otherCoop } })
    ).json().id as string;
    expect((await coordinator.post(`/api/v1/proposals/${id}/open`, { closesAt: hoursFromNow(2) })).statusCode).toBe(200);
    for (const w of workers) expect((await w.client.post(`/api/v1/proposals/${id}/ballots`, { ballot: { choice: 'yes' } })).statusCode).toBe(201);
    // Meanwhile the coordinators reject the application.
    expect((await coordinator.post(`/api/v1/applications/${other.json().id}/reject`, { reason: 'They withdrew' })).statusCode).toBe(200);
    expect(await closeAfter(t, 3)).toEqual([id]);
    const decided = (await visitor.get(`/api/v1/proposals/${id}`)).json();
    expect(decided.status).toBe('passed');
    expect(decided.effectAppliedAt).toBeNull();
    expect(decided.result.effectError).toMatchObject({ code: 'governance.not_an_applicant' });
    const coop = await t.deps.db.selectFrom('coops').select('status').where('id', '=', otherCoop).executeTakeFirstOrThrow();
    expect(coop.status).toBe('rejected');
  });
});
