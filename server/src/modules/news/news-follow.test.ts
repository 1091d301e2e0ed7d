import { beforeAll, expect, it } from 'vitest';
import { actorClient, makeCoop } from '../../../test/factories.ts';
import { Client, describeOnDatabases } from '../../../test/harness.ts';
import { smtpCatcher } from '../../../test/smtp-catcher.ts';

const smtp = smtpCatcher();
const post = (o: Record<string, unknown> = {}) => ({
  coopId: null,
  title: 'Spring assembly',
  summary: 'On 14 March.',
  body: 'Come.',
  visibility: 'public',
  ...o,
});

describeOnDatabases(
  'following news by mail',
  (t) => {
    let coordinator: Client;
    let worker: Client;
    let workerEmail: string;
    let visitor: Client;

    beforeAll(async () => {
      coordinator = (await actorClient(t.deps, t.app, { roles: [{ role: 'coordinator' }] })).client;
      const w = await actorClient(t.deps, t.app, {
        coopId: (await makeCoop(t.deps)).id,
      });
      worker = w.client;
      workerEmail = (
        await t.deps.db.selectFrom('people').select('email').where('id', '=', w.id).executeTakeFirstOrThrow()
      ).email;
      visitor = new Client(t.app);
    });

    it('mails a new public post to a visitor who followed, with a link that unfollows without signing in', async () => {
      const email = `reader-${t.dialect}@example.org`;
      expect((await visitor.post('/api/v1/news/follow', { email })).statusCode).toBe(200);
      // Following twice is one follow, and says nothing more.
      expect((await visitor.post('/api/v1/news/follow', { email })).statusCode).toBe(200);
      expect((await visitor.post('/api/v1/news/follow', {})).statusCode).toBe(400);
      expect((await visitor.post('/api/v1/news/follow', { email: '<script>@x' })).statusCode).toBe(400);

      // Nothing but the confirmation is mailed until the address's owner confirms.
      await smtp.delivered(t.deps);
      const asked = smtp.to(email);
      expect(asked).toHaveLength(1);
      expect(asked[0]!.subject).toMatch(/^Confirm/);
      expect((await coordinator.post('/api/v1/news/posts', post({ title: 'Unconfirmed news' }))).statusCode).toBe(201);
      await smtp.delivered(t.deps);
      expect(smtp.to(email)).toHaveLength(1);
      const confirmToken = /\/news\/confirm\/([A-Za-z0-9_-]{10,})/.exec(asked[0]!.body)?.[1];
      expect(confirmToken).toBeTruthy();
      expect((await visitor.post('/api/v1/news/follow-confirmations', { token: 'x'.repeat(43) })).statusCode).toBe(404);
      expect((await new Client(t.app).post('/api/v1/news/follow-confirmations', { token: confirmToken })).statusCode).toBe(200);
      expect((await visitor.post('/api/v1/news/follow-confirmations', { token: confirmToken })).statusCode).toBe(200);

      expect((await coordinator.post('/api/v1/news/posts', post({ title: 'First news' }))).statusCode).toBe(201);
      await smtp.delivered(t.deps);
      const mails = smtp.to(email).filter((m) => !m.subject.startsWith('Confirm'));
      expect(mails).toHaveLength(1);
      expect(mails[0]!.subject).toContain('First news');
      const token = /\/news\/unfollow\/([A-Za-z0-9_-]{10,})/.exec(mails[0]!.body)?.[1];
      expect(token).toBeTruthy();
      // The token is not kept as it was sent.
      const stored = await t.deps.db.selectFrom('news_followers').select('token_hash').execute();
      expect(stored.map((r) => r.token_hash)).not.toContain(token);

      const stranger = new Client(t.app);
      expect((await stranger.post('/api/v1/news/unfollow', { token })).statusCode).toBe(200);
      expect((await stranger.post('/api/v1/news/unfollow', { token })).statusCode).toBe(404);
      expect((await stranger.post('/api/v1/news/unfollow', { token: 'x'.repeat(43) })).statusCode).toBe(404);

      expect((await coordinator.post('/api/v1/news/posts', post({ title: 'Second news' }))).statusCode).toBe(201);
      await smtp.delivered(t.deps);
      expect(smtp.to(email)).toHaveLength(2);
    });

    it('mails members-only posts only to followers who are members', async () => {
      const email = `outsider-${t.dialect}@example.org`;
      expect((await visitor.post('/api/v1/news/follow', { email })).statusCode).toBe(200);
      await smtp.delivered(t.deps);
      const confirmToken = /\/news\/confirm\/([A-Za-z0-9_-]{10,})/.exec(smtp.to(email)[0]!.body)?.[1];
      expect((await visitor.post('/api/v1/news/follow-confirmations', { token: confirmToken })).statusCode).toBe(200);
      expect((await worker.post('/api/v1/news/follow', {})).statusCode).toBe(200);
      expect(
        (await coordinator.post('/api/v1/news/posts', post({ title: 'Budget for members', visibility: 'members' })))
          .statusCode,
      ).toBe(201);
      await smtp.delivered(t.deps);
      expect(smtp.to(email).map((m) => m.subject)).not.toContainEqual(expect.stringContaining('Budget for members'));
      // The same follower is mailed public posts: the line above is not true merely because nothing is sent.
      expect((await coordinator.post('/api/v1/news/posts', post({ title: 'Open day' }))).statusCode).toBe(201);
      await smtp.delivered(t.deps);
      expect(smtp.to(email).map((m) => m.subject)).toContainEqual(expect.stringContaining('Open day'));
      expect(smtp.to(workerEmail).map((m) => m.subject)).toContainEqual(expect.stringContaining('Budget for members'));
    });
  },
  () => smtp.config(),
);
