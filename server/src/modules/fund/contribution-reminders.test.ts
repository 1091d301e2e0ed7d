/**
 * Reminders of overdue contributions over real SMTP, on both engines: the job
 * runs at chosen days, and what the co-op's admins receive is read in their
 * mailboxes.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { actorClient, makeCoop } from '../../../test/factories.ts';
import { type Client, describeOnDatabases } from '../../../test/harness.ts';
import { smtpCatcher } from '../../../test/smtp-catcher.ts';
import { sendContributionReminders } from './contribution-reminders.ts';
import { fundJobs } from './fund-clock.ts';

const smtp = smtpCatcher();
const DAY_MS = 86_400_000;
/** Noon UTC of a day plus some days: the same day in the network's time zone. */
const dayAt = (day: string, plus: number) => new Date(Date.parse(`${day}T12:00:00Z`) + plus * DAY_MS);

describeOnDatabases(
  'reminders of overdue contributions, by mail',
  (t) => {
    type Person = { id: string; email: string; client: Client };
    let admin: Person;
    let adminEs: Person;
    let worker: Person;
    let otherAdmin: Person;
    let treasurer: Client;
    let share: { id: string; reference: string; dueDate: string; amountCents: number };
    let year: number;

    const inbox = async (p: Person) => {
      await smtp.delivered(t.deps);
      return smtp.to(p.email);
    };
    const sentRows = async () =>
      (await t.deps.db.selectFrom('fund_reminders').select(['obligation_id', 'stage']).execute()).map(
        (r) => `${r.obligation_id}:${r.stage}`,
      );

    beforeAll(async () => {
      const bakery = (await makeCoop(t.deps, { name: 'Forn de la Plaça' })).id;
      const bikes = (await makeCoop(t.deps, { name: 'Bicis del Túria' })).id;
      admin = await actorClient(t.deps, t.app, { coopId: bakery, roles: [{ role: 'coop_admin', coopId: bakery }] });
      adminEs = await actorClient(t.deps, t.app, { coopId: bakery, roles: [{ role: 'coop_admin', coopId: bakery }] });
      await t.deps.db.updateTable('people').set({ locale: 'es' }).where('id', '=', adminEs.id).execute();
      worker = await actorClient(t.deps, t.app, { coopId: bakery });
      otherAdmin = await actorClient(t.deps, t.app, { coopId: bikes, roles: [{ role: 'coop_admin', coopId: bikes }] });
      treasurer = (await actorClient(t.deps, t.app, { roles: [{ role: 'treasurer' }] })).client;
      year = Number((await t.deps.network.today()).slice(0, 4)) - 2;
      // The bakery owes its share of a surplus two years back; the bikes co-op owes one and pays it in full.
      const declare = (client: Client, coopId: string) =>
        client.request(
          'POST',
          `/api/v1/fund/coops/${coopId}/surplus`,
          { year, closedOn: `${year}-12-31`, surplusCents: 1_000_000 },
          { 'idempotency-key': randomUUID() },
        );
      share = (await declare(admin.client, bakery)).json().obligation;
      const paid = (await declare(otherAdmin.client, bikes)).json().obligation;
      const res = await treasurer.request(
        'POST',
        `/api/v1/fund/obligations/${paid.id}/payments`,
        { cents: paid.amountCents, date: await t.deps.network.today() },
        { 'idempotency-key': randomUUID() },
      );
      expect(res.statusCode).toBe(201);
    });

    it('sends nothing on the due day itself', async () => {
      expect(await sendContributionReminders(t.deps, dayAt(share.dueDate, 0))).toBe(0);
      expect(await inbox(admin)).toHaveLength(0);
    });

    it('the day after, mails the co-op’s admins once, each in their language, with what is owed, the reference and how to pay', async () => {
      expect(await sendContributionReminders(t.deps, dayAt(share.dueDate, 1))).toBe(1);
      expect(await sendContributionReminders(t.deps, dayAt(share.dueDate, 1))).toBe(0);
      expect(await sendContributionReminders(t.deps, dayAt(share.dueDate, 20))).toBe(0);
      const [en] = await inbox(admin);
      expect(await inbox(admin)).toHaveLength(1);
      expect(en!.body).toContain(share.reference);
      expect(en!.body).toContain(`share of the surplus of ${year}`);
      expect(en!.body).toContain('300.00');
      expect(en!.body).toContain('bank transfer');
      const es = await inbox(adminEs);
      expect(es).toHaveLength(1);
      expect(es[0]!.body).toContain(share.reference);
      expect(es[0]!.body).toContain(`la parte del excedente de ${year}`);
      expect(es[0]!.body).toContain('transferencia');
      // Nobody else: not a worker who is no admin, not the admin of a co-op that paid.
      expect(await inbox(worker)).toHaveLength(0);
      expect(await inbox(otherAdmin)).toHaveLength(0);
      const notices = (await admin.client.get('/api/v1/notifications?limit=100')).json().items;
      expect(notices.filter((n: { kind: string }) => n.kind === 'fund.contribution_overdue')).toHaveLength(1);
    });

    it('30 days later, a second reminder, once; then nothing more', async () => {
      expect(await sendContributionReminders(t.deps, dayAt(share.dueDate, 31))).toBe(1);
      expect(await sendContributionReminders(t.deps, dayAt(share.dueDate, 31))).toBe(0);
      expect(await sendContributionReminders(t.deps)).toBe(0);
      const mails = await inbox(admin);
      expect(mails).toHaveLength(2);
      expect(mails[0]!.body).toContain('still owes');
      expect(await sentRows()).toEqual(expect.arrayContaining([`${share.id}:1`, `${share.id}:2`]));
      expect(await sentRows()).toHaveLength(2);
    });

    it('an obligation first seen long overdue gets only its latest reminder, and one paid gets none', async () => {
      const coop = (await makeCoop(t.deps, { name: 'Neteges' })).id;
      const late = await actorClient(t.deps, t.app, { coopId: coop, roles: [{ role: 'coop_admin', coopId: coop }] });
      const o = (
        await late.client.request(
          'POST',
          `/api/v1/fund/coops/${coop}/surplus`,
          { year, closedOn: `${year}-12-31`, surplusCents: 500_000 },
          { 'idempotency-key': randomUUID() },
        )
      ).json().obligation;
      expect(await sendContributionReminders(t.deps)).toBe(1);
      const mails = await inbox(late);
      expect(mails).toHaveLength(1);
      expect(mails[0]!.body).toContain('still owes');
      expect(await sentRows()).toContain(`${o.id}:2`);
    });

    it('runs on the fund’s clock', () => {
      expect(fundJobs.some((job) => job.toString().includes('sendContributionReminders'))).toBe(true);
    });
  },
  smtp.config,
);
