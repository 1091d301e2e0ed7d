/**
 * Proposals before and around the vote: making, editing, discussing,
 * amending, commenting, opening (with the bylaws' timing rules), reminders,
 * and the server's clock that closes votes. Bad input gets a 4xx and changes
 * nothing.
 */
import { DEFAULT_BYLAWS } from '@coopnet/domain/governance/bylaws';
import { beforeAll, expect, it } from 'vitest';
import { Client, describeOnDatabases } from '../../../../test/harness.ts';
import { actorClient, makeCoop } from '../../../../test/factories.ts';
import { type Voter, adoptRules, closeAfter, coordinatorOf, governanceCounts, hoursFromNow, makeWorkers, openedProposal } from '../../../../test/proposals-factories.ts';
import { adoptBylaws } from '../bylaws/bylaws.repository.ts';
import { sendReminders } from './closing.ts';

const motion = { matter: 'free', title: 'Open the food bank on Sundays', text: 'The food bank opens on Sundays from May.', subject: {} };

describeOnDatabases('proposals API', (t) => {
  let coordinator: Client;
  let author: Voter;
  let others: Voter[];
  let supporter: Client;
  let visitor: Client;

  async function refused(send: () => Promise<{ statusCode: number; body: string; json: () => { error: { code: string } } }>, status: number, code?: string) {
    const before = await governanceCounts(t.deps);
    const res = await send();
    expect(res.statusCode, res.body).toBe(status);
    if (code) expect(res.json().error.code).toBe(code);
    expect(await governanceCounts(t.deps)).toEqual(before);
  }

  beforeAll(async () => {
    coordinator = (await coordinatorOf(t)).client;
    const workers = await makeWorkers(t, 4);
    author = workers[0]!;
    others = workers.slice(1);
    supporter = (await actorClient(t.deps, t.app, { supporter: true })).client;
    visitor = new Client(t.app);
  });

  it('lets a worker write a motion, kept as a private draft until discussed', async () => {
    const res = await author!.client.post('/api/v1/proposals', motion);
    expect(res.statusCode, res.body).toBe(201);
    const p = res.json();
    expect(p).toMatchObject({ status: 'draft', matter: 'free', title: motion.title, text: motion.text, subjectText: 'Motion', options: [], seats: 1, result: null, participation: null, myParticipation: null });
    expect(p.rule).toEqual(DEFAULT_BYLAWS.matters.free);
    expect(p.abilities).toMatchObject({ edit: true, discuss: true, withdraw: true, comment: true, open: false, vote: false, close: false });
    expect((await visitor.get(`/api/v1/proposals/${p.id}`)).statusCode).toBe(404);
    expect((await others[0]!.client.get(`/api/v1/proposals/${p.id}`)).statusCode).toBe(404);
    expect((await coordinator.get(`/api/v1/proposals/${p.id}`)).json().abilities.open).toBe(true);
    expect((await visitor.get('/api/v1/proposals')).json().items.map((x: { id: string }) => x.id)).not.toContain(p.id);
    expect((await author!.client.get('/api/v1/proposals?status=draft')).json().items.map((x: { id: string }) => x.id)).toEqual([p.id]);

    const edited = await author!.client.patch(`/api/v1/proposals/${p.id}`, { title: 'Open the food bank on Sundays and holidays' });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().title).toBe('Open the food bank on Sundays and holidays');
    await refused(() => others[0]!.client.patch(`/api/v1/proposals/${p.id}`, { title: 'Hijacked' }), 404);
    await refused(() => coordinator.patch(`/api/v1/proposals/${p.id}`, { title: 'Not the author' }), 403);

    const discussed = await author!.client.post(`/api/v1/proposals/${p.id}/discussion`);
    expect(discussed.statusCode).toBe(200);
    expect(discussed.json().status).toBe('discussion');
    expect(discussed.json().discussionOpenedAt).not.toBeNull();
    expect((await visitor.get(`/api/v1/proposals/${p.id}`)).statusCode).toBe(200);
    await refused(() => author!.client.post(`/api/v1/proposals/${p.id}/discussion`), 409, 'governance.bad_status');
  });

  it('refuses bad proposals with a 400, and proposals from those who may not make them', async () => {
    const bad: unknown[] = [
      { ...motion, extra: 1 },
      { ...motion, title: 'x'.repeat(201) },
      { ...motion, title: 'ab' },
      { ...motion, text: 'x'.repeat(20_001) },
      { ...motion, title: 42 },
      { ...motion, matter: 'Free!' },
      { ...motion, subject: 'none' },
      { ...motion, options: 'a,b' },
      { ...motion, options: ['x'.repeat(201)] },
      { ...motion, seats: 0 },
      { ...motion, title: 'Bell\u0007' },
      { title: 'only a title' },
    ];
    for (const body of bad) await refused(() => author!.client.post('/api/v1/proposals', body), 400, 'validation_failed');
    await refused(() => author!.client.post('/api/v1/proposals', { ...motion, matter: 'fund_grant' }), 400, 'governance.unknown_matter');
    await refused(() => author!.client.post('/api/v1/proposals', { ...motion, subject: { coopId: 'x' } }), 400, 'governance.bad_subject');
    await refused(() => author!.client.post('/api/v1/proposals', { ...motion, options: ['Yes', 'No'] }), 400, 'governance.options_not_used');
    await refused(() => coordinator.post('/api/v1/proposals', { ...motion, matter: 'election', options: [] }), 400, 'governance.needs_options');
    await refused(() => coordinator.post('/api/v1/proposals', { ...motion, matter: 'election', options: ['Ana', 'ana'] }), 400, 'governance.duplicate_options');
    await refused(() => author!.client.post('/api/v1/proposals', { ...motion, matter: 'election', options: ['Ana', 'Bea'] }), 403);
    await refused(() => supporter.post('/api/v1/proposals', motion), 403);
    await refused(() => visitor.post('/api/v1/proposals', motion), 401);
    await refused(() => author!.client.patch('/api/v1/proposals/0b9f6c8e-0000-4000-8000-000000000000', { title: 'Nothing' }), 404);
    await refused(() => author!.client.get('/api/v1/proposals?limit=1000'), 400);
    await refused(() => author!.client.get('/api/v1/proposals?status=maybe'), 400);
  });

  it('says why each field was refused, with its bounds, so the web app can say it in the reader\'s words', async () => {
    const before = await governanceCounts(t.deps);
    const res = await author!.client.post('/api/v1/proposals', { matter: 'free', title: '', text: 'x'.repeat(20_001), subject: {}, seats: 0 });
    expect(res.statusCode).toBe(400);
    const error = res.json().error;
    expect(error.code).toBe('validation_failed');
    const byPath = Object.fromEntries(error.details.map((d: { path: string }) => [d.path, d]));
    // The schema's own message stays, for clients that read it.
    expect(byPath['body/title']).toMatchObject({ reason: 'too_small', minimum: 3, origin: 'string', message: expect.stringContaining('3') });
    expect(byPath['body/text']).toMatchObject({ reason: 'too_big', maximum: 20_000, origin: 'string' });
    expect(byPath['body/seats']).toMatchObject({ reason: 'too_small', minimum: 1, origin: 'number' });
    const missing = (await author!.client.post('/api/v1/proposals', { matter: 'free', text: 'No title', subject: {} })).json().error;
    expect(missing.details).toEqual([expect.objectContaining({ path: 'body/title', reason: 'required' })]);
    expect(await governanceCounts(t.deps)).toEqual(before);
  });

  it('answers bad input on every endpoint with a 4xx and changes nothing', async () => {
    const id = (await author!.client.post('/api/v1/proposals', { ...motion, title: 'Bad inputs' })).json().id as string;
    const unknown = '0b9f6c8e-0000-4000-8000-000000000000';
    const p = `/api/v1/proposals/${id}`;
    for (const body of [{ title: 5 }, { title: 'ok title', extra: true }, { text: 'x'.repeat(20_001) }, { options: [1, 2] }, { seats: 'two' }]) {
      await refused(() => author!.client.patch(p, body), 400, 'validation_failed');
    }
    await refused(() => author!.client.post(`${p}/discussion`, { extra: 1 }), 400, 'validation_failed');
    await refused(() => author!.client.post(`${p}/withdraw`, { now: true }), 400, 'validation_failed');
    await refused(() => coordinator.post(`${p}/open`, { closesAt: hoursFromNow(2), extra: 1 }), 400, 'validation_failed');
    await refused(() => coordinator.post(`${p}/open`, { closesAt: 12 }), 400, 'validation_failed');
    await author!.client.post(`${p}/discussion`);
    for (const body of [{ text: '' }, { text: 'x'.repeat(20_001) }, { text: 'ok', extra: 1 }, { text: 3 }]) {
      await refused(() => others[0]!.client.post(`${p}/amendments`, body), 400, 'validation_failed');
    }
    await refused(() => author!.client.post(`${p}/amendments/not-an-id/accept`), 400, 'validation_failed');
    await refused(() => author!.client.post(`${p}/amendments/${unknown}/decline`), 404, 'not_found');
    await refused(() => author!.client.post(`/api/v1/proposals/${unknown}/amendments`, { text: 'Lost' }), 404, 'not_found');
    await refused(() => author!.client.post(`/api/v1/proposals/${unknown}/comments`, { text: 'Lost' }), 404, 'not_found');
    await refused(() => author!.client.post(`/api/v1/proposals/${unknown}/delegation`, { toPersonId: others[0]!.id }), 404, 'not_found');
    await refused(() => author!.client.delete(`/api/v1/proposals/${unknown}/delegation`), 404, 'not_found');
    await refused(() => author!.client.delete(`${p}/delegation`), 409, 'governance.not_open');
    await refused(() => coordinator.post(`/api/v1/proposals/${unknown}/open`, { closesAt: hoursFromNow(2) }), 404, 'not_found');
    for (const path of [`/api/v1/proposals/${unknown}`, `/api/v1/proposals/${unknown}/comments`, `/api/v1/proposals/${unknown}/ballots`, `/api/v1/proposals/${unknown}/ballots.blt`]) {
      expect((await visitor.get(path)).statusCode).toBe(404);
    }
    expect((await visitor.get('/api/v1/proposals/not-an-id')).statusCode).toBe(400);
    expect((await visitor.get(`${p}/comments?limit=0`)).statusCode).toBe(400);
  });

  it('threads comments by the comment they answer', async () => {
    const id = (await author!.client.post('/api/v1/proposals', { ...motion, title: 'Comment on me' })).json().id as string;
    await author!.client.post(`/api/v1/proposals/${id}/discussion`);
    const first = await others[0]!.client.post(`/api/v1/proposals/${id}/comments`, { text: 'Who staffs it on Sundays?' });
    expect(first.statusCode, first.body).toBe(201);
    const reply = await author!.client.post(`/api/v1/proposals/${id}/comments`, { text: 'Volunteers from three co-ops.', parentId: first.json().id });
    expect(reply.statusCode).toBe(201);
    const list = (await visitor.get(`/api/v1/proposals/${id}/comments`)).json();
    expect(list.total).toBe(2);
    expect(list.items.map((c: { parentId: string | null; text: string }) => [c.parentId, c.text])).toEqual([
      [null, 'Who staffs it on Sundays?'],
      [first.json().id, 'Volunteers from three co-ops.'],
    ]);
    const elsewhere = (await author!.client.post('/api/v1/proposals', { ...motion, title: 'Another one' })).json().id as string;
    await author!.client.post(`/api/v1/proposals/${elsewhere}/discussion`);
    await refused(() => author!.client.post(`/api/v1/proposals/${elsewhere}/comments`, { text: 'Wrong thread', parentId: first.json().id }), 400, 'governance.bad_parent');
    await refused(() => supporter.post(`/api/v1/proposals/${id}/comments`, { text: 'I am no member' }), 403);
    await refused(() => visitor.post(`/api/v1/proposals/${id}/comments`, { text: 'Anonymous' }), 401);
    await refused(() => others[0]!.client.post(`/api/v1/proposals/${id}/comments`, { text: '' }), 400, 'validation_failed');
    await refused(() => others[0]!.client.post(`/api/v1/proposals/${id}/comments`, { text: 'x'.repeat(5001) }), 400, 'validation_failed');
    await refused(() => others[0]!.client.post(`/api/v1/proposals/${id}/comments`, { text: 'ok', parentId: 'nope' }), 400, 'validation_failed');
  });

  it('takes amendments during the discussion; the author accepts or declines them', async () => {
    const id = (await author!.client.post('/api/v1/proposals', { ...motion, title: 'Amend me' })).json().id as string;
    await refused(() => others[0]!.client.post(`/api/v1/proposals/${id}/amendments`, { text: 'Not yet' }), 404);
    await author!.client.post(`/api/v1/proposals/${id}/discussion`);
    const a1 = await others[0]!.client.post(`/api/v1/proposals/${id}/amendments`, { text: 'The food bank opens on Sundays and holidays from May.' });
    expect(a1.statusCode, a1.body).toBe(201);
    const a2 = await others[1]!.client.post(`/api/v1/proposals/${id}/amendments`, { text: 'The food bank closes.' });
    const [first, second] = a2.json().amendments as { id: string }[];
    await refused(() => supporter.post(`/api/v1/proposals/${id}/amendments`, { text: 'Outsider' }), 403);
    await refused(() => others[0]!.client.post(`/api/v1/proposals/${id}/amendments/${first!.id}/accept`), 403);
    await refused(() => author!.client.post(`/api/v1/proposals/${id}/amendments/0b9f6c8e-0000-4000-8000-000000000000/accept`), 404);
    const accepted = await author!.client.post(`/api/v1/proposals/${id}/amendments/${first!.id}/accept`);
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().text).toBe('The food bank opens on Sundays and holidays from May.');
    await refused(() => author!.client.post(`/api/v1/proposals/${id}/amendments/${first!.id}/decline`), 409, 'governance.amendment_decided');
    const declined = await author!.client.post(`/api/v1/proposals/${id}/amendments/${second!.id}/decline`);
    expect(declined.json().amendments.map((a: { status: string }) => a.status)).toEqual(['accepted', 'declined']);
    expect(declined.json().text).toBe('The food bank opens on Sundays and holidays from May.');
  });

  it('withdraws a proposal before the vote', async () => {
    const id = (await author!.client.post('/api/v1/proposals', { ...motion, title: 'Withdraw me' })).json().id as string;
    await refused(() => others[0]!.client.post(`/api/v1/proposals/${id}/withdraw`), 404);
    const res = await author!.client.post(`/api/v1/proposals/${id}/withdraw`);
    expect(res.json().status).toBe('withdrawn');
    await refused(() => coordinator.post(`/api/v1/proposals/${id}/open`, { closesAt: hoursFromNow(2) }), 409, 'governance.bad_status');
  });

  it('opens a vote only by a coordinator, for a time the bylaws allow, after the discussion they ask for', async () => {
    const id = (await author!.client.post('/api/v1/proposals', { ...motion, title: 'Timing' })).json().id as string;
    await refused(() => author!.client.post(`/api/v1/proposals/${id}/open`, { closesAt: hoursFromNow(2) }), 403);
    await refused(() => visitor.post(`/api/v1/proposals/${id}/open`, { closesAt: hoursFromNow(2) }), 401);
    await refused(() => coordinator.post(`/api/v1/proposals/${id}/open`, { closesAt: hoursFromNow(-1) }), 400, 'governance.bad_closing_time');
    await refused(() => coordinator.post(`/api/v1/proposals/${id}/open`, { closesAt: hoursFromNow(24 * 31) }), 400, 'governance.bad_closing_time');
    await refused(() => coordinator.post(`/api/v1/proposals/${id}/open`, { closesAt: 'tomorrow' }), 400, 'validation_failed');
    await refused(() => coordinator.post(`/api/v1/proposals/${id}/open`, {}), 400, 'validation_failed');
    await adoptRules(t.deps, { free: { minDiscussionHours: 24, minVotingHours: 48 } });
    await refused(() => coordinator.post(`/api/v1/proposals/${id}/open`, { closesAt: hoursFromNow(72) }), 409, 'governance.discussion_too_short');
    await author!.client.post(`/api/v1/proposals/${id}/discussion`);
    await refused(() => coordinator.post(`/api/v1/proposals/${id}/open`, { closesAt: hoursFromNow(72) }), 409, 'governance.discussion_too_short');
    await t.deps.db.updateTable('proposals').set({ discussion_opened_at: hoursFromNow(-25) }).where('id', '=', id).execute();
    await refused(() => coordinator.post(`/api/v1/proposals/${id}/open`, { closesAt: hoursFromNow(24) }), 400, 'governance.bad_closing_time');
    const opened = await coordinator.post(`/api/v1/proposals/${id}/open`, { closesAt: hoursFromNow(72) });
    expect(opened.statusCode, opened.body).toBe(200);
    expect(opened.json().rule).toMatchObject({ minDiscussionHours: 24, minVotingHours: 48 });
    await adoptBylaws(t.deps.db, DEFAULT_BYLAWS, null);
    // The rule was frozen at the opening: later bylaws do not change this vote.
    expect((await visitor.get(`/api/v1/proposals/${id}`)).json().rule.minVotingHours).toBe(48);
    await refused(() => coordinator.post(`/api/v1/proposals/${id}/open`, { closesAt: hoursFromNow(72) }), 409, 'governance.bad_status');
  });

  it('reminds those who have not voted, once, a day before the close', async () => {
    const id = await openedProposal(t, coordinator, { title: 'Remind us' }, 48);
    expect((await author!.client.post(`/api/v1/proposals/${id}/ballots`, { ballot: { choice: 'yes' } })).statusCode).toBe(201);
    expect(await sendReminders(t.deps, hoursFromNow(1))).toEqual([]);
    expect(await sendReminders(t.deps, hoursFromNow(30))).toEqual([id]);
    expect(await sendReminders(t.deps, hoursFromNow(31))).toEqual([]);
    const reminded = await t.deps.db.selectFrom('notifications').select('person_id').where('subject_id', '=', id).where('kind', '=', 'proposal.closing_soon').execute();
    const electorate = await t.deps.db.selectFrom('electorate').select('person_id').where('proposal_id', '=', id).execute();
    expect(reminded.map((r) => r.person_id).sort()).toEqual(electorate.map((e) => e.person_id).filter((p) => p !== author!.id).sort());
    const mail = await t.deps.db.selectFrom('outbox_mail').select('subject').where('to_address', '=', others[0]!.email).execute();
    expect(mail.map((m) => m.subject)).toContain('Voting closes soon: Remind us');
    await closeAfter(t, 49);
  });

  it('suspends a member co-op when a suspension passes', async () => {
    const coop = await makeCoop(t.deps, { name: 'Late Payers' });
    const id = await openedProposal(t, coordinator, { matter: 'suspension', title: 'Suspend Late Payers', subject: { coopId: coop.id } });
    const electorate = await t.deps.db.selectFrom('electorate').selectAll().where('proposal_id', '=', id).execute();
    // One co-op, one vote (the default for suspensions): one elector per member co-op with workers.
    expect(new Set(electorate.map((e) => e.coop_id)).size).toBe(electorate.length);
    const voters = [author!, ...others].filter((v) => electorate.some((e) => e.person_id === v.id));
    for (const v of voters) expect((await v.client.post(`/api/v1/proposals/${id}/ballots`, { ballot: { choice: 'yes' } })).statusCode).toBe(201);
    await closeAfter(t, 3);
    const decided = (await visitor.get(`/api/v1/proposals/${id}`)).json();
    expect(decided.status).toBe('passed');
    expect((await t.deps.db.selectFrom('coops').select('status').where('id', '=', coop.id).executeTakeFirstOrThrow()).status).toBe('suspended');
    expect((await visitor.get(`/api/v1/proposals/${id}/ballots.blt`)).json().error.code).toBe('governance.not_ranked');
  });
});

describeOnDatabases(
  'the governance clock',
  (t) => {
    it('closes a vote whose time has come without anyone asking', async () => {
      const coordinator = (await coordinatorOf(t)).client;
      const [voter] = await makeWorkers(t, 1);
      const id = await openedProposal(t, coordinator, { title: 'Tick tock' });
      expect((await voter!.client.post(`/api/v1/proposals/${id}/ballots`, { ballot: { choice: 'yes' } })).statusCode).toBe(201);
      await t.deps.db.updateTable('proposals').set({ voting_closes_at: hoursFromNow(-0.01) }).where('id', '=', id).execute();
      let status = 'voting';
      for (let i = 0; i < 40 && status === 'voting'; i++) {
        await new Promise((r) => setTimeout(r, 100));
        status = (await coordinator.get(`/api/v1/proposals/${id}`)).json().status;
      }
      expect(status).toBe('passed');
    });
  },
  { governanceTickSeconds: 1 },
);
