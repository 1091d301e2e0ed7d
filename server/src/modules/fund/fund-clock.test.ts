/**
 * The fund's clock over real SMTP, on both engines: the jobs run directly at
 * chosen moments (the clock's "now"), and what people receive is read where
 * they would read it — their notifications and their mailbox.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { actorClient, makeCoop } from '../../../test/factories.ts';
import { application, giftInto, onFundCommittee, post } from '../../../test/fund-factories.ts';
import { type Client, describeOnDatabases } from '../../../test/harness.ts';
import { smtpCatcher } from '../../../test/smtp-catcher.ts';
import { alertArrears } from './arrears-alerts.ts';
import { remindFastTrack } from './fast-track.ts';
import { fundJobs, runFundJobs } from './fund-clock.ts';

const smtp = smtpCatcher();
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
/** A mail's subject as its reader sees it: the header unfolded, MIME encoded-words undone. */
function decoded(raw: string): string {
  const header = /^Subject: (.*(?:\r?\n[ \t].*)*)/m.exec(raw)?.[1] ?? '';
  const words = header.replace(/\r?\n[ \t]/g, ' ').replace(/\?=\s+=\?/g, '?==?');
  return words.replace(/=\?UTF-8\?([QB])\?([^?]*)\?=/gi, (_, enc: string, text: string) =>
    enc.toUpperCase() === 'B'
      ? Buffer.from(text, 'base64').toString('utf8')
      : Buffer.from(
          text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))),
          'latin1',
        ).toString('utf8'),
  );
}
const at = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();

describeOnDatabases(
  'the fund’s clock: fast-track deadlines and arrears alerts, in the app and by mail',
  (t) => {
    type Person = { id: string; email: string; client: Client };
    let bakery: { id: string };
    let admin: Person; // the bakery's admin, who applies
    let memberA: Person; // on the committee, of the bikes co-op
    let memberB: Person; // on the committee, of a third co-op, reads Spanish
    let memberD: Person; // on the committee, of a fourth co-op
    let memberOfBakery: Person; // on the committee, but works at the bakery
    let coordinator: Person;
    let treasurer: Person;

    const mails = async (p: { email: string }) => {
      await smtp.delivered(t.deps);
      return smtp.to(p.email).map((m) => ({ ...m, subject: decoded(m.raw) }));
    };
    const notices = async (p: Person, kind: string) =>
      (
        (await p.client.get('/api/v1/notifications?limit=100')).json().items as { kind: string; subjectId: string }[]
      ).filter((n) => n.kind === kind);
    const apply = async (body: unknown) => {
      const res = await admin.client.post('/api/v1/fund/applications', body);
      expect(res.statusCode).toBe(201);
      return res.json() as { id: string; track: { dueAt: string | null; overdue: boolean } };
    };

    beforeAll(async () => {
      bakery = await makeCoop(t.deps, { name: 'Forn de la Plaça' });
      const [bikes, third, fourth] = [await makeCoop(t.deps), await makeCoop(t.deps), await makeCoop(t.deps)];
      admin = await actorClient(t.deps, t.app, {
        coopId: bakery.id,
        roles: [{ role: 'coop_admin', coopId: bakery.id }],
      });
      memberA = await actorClient(t.deps, t.app, { coopId: bikes.id });
      memberB = await actorClient(t.deps, t.app, { coopId: third.id });
      memberD = await actorClient(t.deps, t.app, { coopId: fourth.id });
      memberOfBakery = await actorClient(t.deps, t.app, { coopId: bakery.id });
      coordinator = await actorClient(t.deps, t.app, { roles: [{ role: 'coordinator' }] });
      treasurer = await actorClient(t.deps, t.app, { roles: [{ role: 'treasurer' }] });
      await t.deps.db.updateTable('people').set({ locale: 'es' }).where('id', '=', memberB.id).execute();
      await onFundCommittee(t.deps, [
        { id: memberA.id, coopId: bikes.id },
        { id: memberB.id, coopId: third.id },
        { id: memberD.id, coopId: fourth.id },
        { id: memberOfBakery.id, coopId: bakery.id },
      ]);
      const today = await t.deps.network.today();
      for (const [code, cents] of [
        ['emergency', 1_000_000],
        ['development', 4_000_000],
      ] as const)
        expect((await post(treasurer.client, giftInto(code, cents, today))).statusCode).toBe(201);
    });

    it('mails the committee members who may decide an application as it is made, not those of the applicant co-op', async () => {
      const made = await apply(application(bakery.id, 150_000));
      for (const p of [memberA, memberB, memberD]) {
        const [mail] = (await mails(p)).filter((m) => m.body.includes(`/fund/applications/${made.id}`));
        expect(mail, p.email).toBeDefined();
      }
      const english = (await mails(memberA)).find((m) => m.body.includes(made.id))!;
      expect(english.subject).toBe('Forn de la Plaça applied to the fund: an emergency grant of €1,500.00');
      expect(english.body).toContain('may decide it by ');
      expect(english.body).toContain(`http://coopnet.test/fund/applications/${made.id}`);
      const spanish = (await mails(memberB)).find((m) => m.body.includes(made.id))!;
      expect(spanish.subject).toContain('Forn de la Plaça pidió al fondo: una ayuda de emergencia de 1500,00');
      expect((await mails(memberOfBakery)).some((m) => m.body.includes(made.id))).toBe(false);
      expect((await mails(admin)).some((m) => m.body.includes(made.id))).toBe(false);
    });

    it('reminds those who may still answer 12 hours before a fast-track deadline, once; then tells the coordinators and the committee it is overdue, once', async () => {
      const made = await apply(application(bakery.id, 200_000));
      const due = made.track.dueAt!;
      expect(made.track.overdue).toBe(false);
      expect(
        (await memberA.client.post(`/api/v1/fund/applications/${made.id}/answers`, { decision: 'approve' })).statusCode,
      ).toBe(200);

      const mine = (sent: string[]) => sent.filter((s) => s.startsWith(made.id));
      expect(mine(await remindFastTrack(t.deps, at(due, -13 * HOUR_MS)))).toEqual([]);
      expect(mine(await remindFastTrack(t.deps, at(due, -11 * HOUR_MS)))).toEqual([`${made.id}:fast_track_reminder`]);
      expect(mine(await remindFastTrack(t.deps, at(due, -10 * HOUR_MS)))).toEqual([]);

      const reminded = async (p: Person) =>
        (await mails(p)).filter((m) => m.body.includes(made.id) && /^(Fast track|Vía rápida)/.test(m.subject));
      expect(await reminded(memberD)).toHaveLength(1);
      expect((await reminded(memberD))[0]!.body).toContain('You have not answered it');
      expect((await reminded(memberB))[0]!.subject).toMatch(
        /^Vía rápida: Forn de la Plaça necesita respuesta antes del /,
      );
      for (const p of [memberA, memberOfBakery, admin, coordinator]) expect(await reminded(p), p.email).toEqual([]);
      const about = async (p: Person, kind: string) => (await notices(p, kind)).filter((n) => n.subjectId === made.id);
      expect(await about(memberD, 'fund_application.due_soon')).toHaveLength(1);
      expect(await about(memberA, 'fund_application.due_soon')).toEqual([]);

      expect(mine(await remindFastTrack(t.deps, at(due, HOUR_MS)))).toEqual([`${made.id}:fast_track_overdue`]);
      expect(mine(await remindFastTrack(t.deps, at(due, 2 * HOUR_MS)))).toEqual([]);
      const overdue = async (p: Person) =>
        (await mails(p)).filter((m) => m.body.includes(made.id) && /^(Overdue|Fuera de plazo)/.test(m.subject));
      for (const p of [coordinator, memberA, memberB, memberD]) expect(await overdue(p), p.email).toHaveLength(1);
      for (const p of [memberOfBakery, admin]) expect(await overdue(p), p.email).toEqual([]);
      expect((await overdue(coordinator))[0]!.body).toContain('The committee can still decide it.');
      expect(await about(coordinator, 'fund_application.overdue')).toHaveLength(1);
      expect(await about(admin, 'fund_application.overdue')).toEqual([]);
    });

    it('shows an application overdue only once its deadline has passed, and no longer once decided', async () => {
      const made = await apply(application(bakery.id, 100_000));
      const read = async () => (await memberA.client.get(`/api/v1/fund/applications/${made.id}`)).json();
      expect((await read()).track.overdue).toBe(false);
      await t.deps.db
        .updateTable('fund_applications')
        .set({ due_at: new Date(Date.now() - HOUR_MS).toISOString() })
        .where('id', '=', made.id)
        .execute();
      expect((await read()).track.overdue).toBe(true);
      const listed = (await memberA.client.get('/api/v1/fund/applications')).json().items as {
        id: string;
        track: { overdue: boolean };
      }[];
      expect(listed.find((a) => a.id === made.id)!.track.overdue).toBe(true);
      await memberA.client.post(`/api/v1/fund/applications/${made.id}/answers`, { decision: 'approve' });
      await memberB.client.post(`/api/v1/fund/applications/${made.id}/answers`, { decision: 'approve' });
      expect(await read()).toMatchObject({ status: 'approved', track: { overdue: false } });
      // Whoever applied hears of it by mail too.
      expect(
        (await mails(admin)).some(
          (m) => m.subject === 'Your application to the fund was approved' && m.body.includes(made.id),
        ),
      ).toBe(true);
    });

    it('sends an overdue notice once when two ticks run together', async () => {
      const made = await apply(application(bakery.id, 120_000));
      const later = at(made.track.dueAt!, HOUR_MS);
      const results = await Promise.all([
        remindFastTrack(t.deps, later),
        remindFastTrack(t.deps, later),
        remindFastTrack(t.deps, later),
      ]);
      expect(results.flat().filter((s) => s.startsWith(made.id))).toEqual([`${made.id}:fast_track_overdue`]);
      const got = (await mails(coordinator)).filter((m) => m.body.includes(made.id));
      expect(got).toHaveLength(1);
      // The clock's own tick runs every job and tells how it went.
      expect(await runFundJobs(t.deps, undefined, fundJobs)).toBe(true);
    });

    it('offers the committee help when a loan falls more than 30 days behind, tells the co-op’s admins, once; again after catching up and falling behind again', async () => {
      const made = await apply({
        ...application(bakery.id, 600_000, 'loan'),
        loan: { termMonths: 6, rateBasisPoints: 0, graceMonths: 0, schedule: 'fixed' },
        repayment: 'Monthly, from the canteen contract.',
      });
      for (const p of [memberA, memberB, memberD])
        expect(
          (await p.client.post(`/api/v1/fund/applications/${made.id}/answers`, { decision: 'approve' })).statusCode,
        ).toBe(200);
      const paid = await treasurer.client.request(
        'POST',
        `/api/v1/fund/applications/${made.id}/payment`,
        {},
        { 'idempotency-key': randomUUID() },
      );
      expect(paid.statusCode).toBe(201);
      const loanId = paid.json().loanId as string;
      expect((await mails(admin)).some((m) => m.subject === 'The fund paid your application')).toBe(true);
      const statement = (await admin.client.get(`/api/v1/fund/loans/${loanId}`)).json();
      const [first, second, third] = statement.instalments as { due: string; principalCents: number }[];
      const dayAfter = (day: string, days: number) =>
        new Date(Date.parse(`${day}T12:00:00Z`) + days * DAY_MS).toISOString();

      // 20 days late: not yet. 35 days late: the committee offers help, the co-op hears of it.
      expect(await alertArrears(t.deps, dayAfter(first!.due, 20))).toEqual([]);
      expect(await alertArrears(t.deps, dayAfter(first!.due, 35))).toEqual([`${loanId}:30`]);
      expect(await alertArrears(t.deps, dayAfter(first!.due, 36))).toEqual([]);

      const offers = async (p: Person) =>
        (await mails(p)).filter((m) => m.body.includes(made.id) && /loan|préstamo/.test(m.subject));
      const toCommittee = (await offers(memberA))[0]!;
      expect(toCommittee.subject).toBe('Forn de la Plaça may need help with its loan');
      expect(toCommittee.body).toContain('more than 30 days behind');
      expect(toCommittee.body).toContain('offer help');
      expect(toCommittee.body).toContain('Nothing is charged for being late.');
      expect(toCommittee.body).not.toMatch(/penalt|fine\b|default/i);
      expect((await offers(memberB))[0]!.subject).toBe('Forn de la Plaça puede necesitar ayuda con su préstamo');
      expect(await offers(memberOfBakery)).toEqual([]);
      const toCoop = (await mails(admin)).filter((m) => m.body.includes(`/fund/loans/${loanId}`));
      expect(toCoop.map((m) => m.subject)).toEqual(['The fund committee will be in touch about your loan']);
      expect((await notices(admin, 'fund_loan.arrears_notice')).map((n) => n.subjectId)).toEqual([loanId]);
      expect(await notices(memberD, 'fund_loan.arrears_offer')).toHaveLength(1);

      // 65 days late: the next threshold, once.
      expect(await alertArrears(t.deps, dayAfter(first!.due, 65))).toEqual([`${loanId}:60`]);
      expect(await alertArrears(t.deps, dayAfter(first!.due, 66))).toEqual([]);

      // The co-op catches up on the first two instalments; then falls behind on the third.
      const repaid = await treasurer.client.request(
        'POST',
        `/api/v1/fund/loans/${loanId}/repayments`,
        { cents: first!.principalCents + second!.principalCents, date: await t.deps.network.today() },
        { 'idempotency-key': randomUUID() },
      );
      expect(repaid.statusCode).toBe(201);
      expect(await alertArrears(t.deps, dayAfter(third!.due, 10))).toEqual([]);
      expect(await alertArrears(t.deps, dayAfter(third!.due, 35))).toEqual([`${loanId}:30`]);
      expect(await alertArrears(t.deps, dayAfter(third!.due, 36))).toEqual([]);
      expect(toCoop.length + 2).toBe(
        (await mails(admin)).filter((m) => m.body.includes(`/fund/loans/${loanId}`)).length,
      );

      // Two ticks at once past 90 days: one alert.
      const together = await Promise.all([
        alertArrears(t.deps, dayAfter(third!.due, 95)),
        alertArrears(t.deps, dayAfter(third!.due, 95)),
      ]);
      expect(together.flat()).toEqual([`${loanId}:90`]);
      expect(toCoop.length + 3).toBe(
        (await mails(admin)).filter((m) => m.body.includes(`/fund/loans/${loanId}`)).length,
      );
    });
  },
  smtp.config,
);

describeOnDatabases(
  'the fund’s clock in a running server',
  (t) => {
    it('tells the coordinators of an overdue fast-track application without anyone asking, and counts its ticks', async () => {
      const coop = await makeCoop(t.deps, { name: 'Bicis del Túria' });
      const admin = await actorClient(t.deps, t.app, {
        coopId: coop.id,
        roles: [{ role: 'coop_admin', coopId: coop.id }],
      });
      const coordinator = await actorClient(t.deps, t.app, { roles: [{ role: 'coordinator' }] });
      const made = (await admin.client.post('/api/v1/fund/applications', application(coop.id, 100_000))).json();
      expect(made.track.dueAt).toBeTruthy();
      await t.deps.db
        .updateTable('fund_applications')
        .set({ due_at: new Date(Date.now() - 60_000).toISOString() })
        .where('id', '=', made.id)
        .execute();
      let told = false;
      for (let i = 0; i < 40 && !told; i++) {
        await new Promise((r) => setTimeout(r, 100));
        const items = (await coordinator.client.get('/api/v1/notifications?limit=100')).json().items as {
          kind: string;
          subjectId: string;
        }[];
        told = items.some((n) => n.kind === 'fund_application.overdue' && n.subjectId === made.id);
      }
      expect(told).toBe(true);
      const metrics = await t.app.inject({ method: 'GET', url: '/metrics' });
      expect(metrics.body).toMatch(/^coopnet_fund_ticks_total\{outcome="ok"\} [1-9]\d*$/m);
      expect(metrics.body).toMatch(/^coopnet_fund_ticks_total\{outcome="failed"\} 0$/m);
    });
  },
  { governanceTickSeconds: 1 },
);
