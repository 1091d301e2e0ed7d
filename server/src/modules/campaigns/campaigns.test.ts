import { beforeAll, expect, it } from 'vitest';
import { actorClient, makeCoop } from '../../../test/factories.ts';
import { Client, describeOnDatabases } from '../../../test/harness.ts';
import { makeApiToken } from '../../../test/people-factories.ts';
import { smtpCatcher } from '../../../test/smtp-catcher.ts';
import { pledgeJob } from './index.ts';

const smtp = smtpCatcher();

const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

describeOnDatabases(
  'campaigns and pledges',
  (t) => {
    let coordinator: Client;
    let treasurer: Client;
    let treasurerToken: Client;
    let worker: Client;
    let admin: Client;
    let otherAdmin: Client;
    let today: string;
    const visitor = () => new Client(t.app);
    const slug = 'strike-fund-bakery';
    const mapping = { date: 0, amount: 1, reference: 2, description: 3, header: true };

    const campaign = async () => (await visitor().get(`/api/v1/campaigns/${slug}`)).json();
    /** The ledger's sums: every movement balances, and what the bank holds. */
    const books = async () => {
      const all = await t.deps.db.selectFrom('ledger_entries').select(['account_code', 'cents']).execute();
      return {
        total: all.reduce((s, e) => s + Number(e.cents), 0),
        bank: all.filter((e) => e.account_code === 'assets:bank').reduce((s, e) => s + Number(e.cents), 0),
      };
    };
    const pledge = async (body: Record<string, unknown>) => {
      const res = await visitor().post(`/api/v1/campaigns/${slug}/pledges`, body);
      expect(res.statusCode).toBe(201);
      await smtp.delivered(t.deps);
      const mail = smtp.to(body.email as string)[0]!;
      const token = /\/pledges\/([A-Za-z0-9_-]{10,})/.exec(mail.body)![1]!;
      return { pledge: res.json(), mail, token };
    };
    const importCsv = (lines: string[]) =>
      treasurer.post('/api/v1/fund/statements', {
        csv: ['Fecha;Importe;Referencia;Concepto', ...lines].join('\n'),
        mapping,
      });

    beforeAll(async () => {
      const coop = await makeCoop(t.deps, { name: 'Forn de la Plaça' });
      const other = await makeCoop(t.deps, { name: 'Bicis del Túria' });
      coordinator = (await actorClient(t.deps, t.app, { roles: [{ role: 'coordinator' }] })).client;
      const tr = await actorClient(t.deps, t.app, { roles: [{ role: 'treasurer' }] });
      treasurer = tr.client;
      treasurerToken = new Client(t.app);
      treasurerToken.bearer = (await makeApiToken(t.deps, tr.id, ['treasurer', 'coordinator'])).token;
      worker = (await actorClient(t.deps, t.app, { coopId: coop.id })).client;
      admin = (await actorClient(t.deps, t.app, { coopId: coop.id, roles: [{ role: 'coop_admin', coopId: coop.id }] }))
        .client;
      otherAdmin = (
        await actorClient(t.deps, t.app, { coopId: other.id, roles: [{ role: 'coop_admin', coopId: other.id }] })
      ).client;
      today = await t.deps.network.today();
      const input = {
        slug,
        ownerKind: 'coop',
        ownerCoopId: coop.id,
        ownerName: 'Forn de la Plaça',
        beneficiaryPrivate: 'The twelve bakers on strike; their bank details are with the coordinators.',
        title: 'Strike fund for the bakers',
        summary: 'Twelve bakers are on strike for a fair wage. Help them hold out.',
        story: 'They have been on strike since **Monday**.',
        goalCents: 500_000,
        deadline: addDays(today, 120),
        subFund: 'emergency',
        suggestedCents: [1000, 2500],
        freeAmount: true,
        minimumCents: 500,
      };
      for (const [who, status] of [
        [visitor(), 401],
        [worker, 403],
        [treasurer, 403],
        [admin, 403],
        [treasurerToken, 403],
      ] as const)
        expect((await who.post('/api/v1/campaigns', input)).statusCode).toBe(status);
      expect((await coordinator.post('/api/v1/campaigns', input)).statusCode).toBe(201);
      expect((await coordinator.post('/api/v1/campaigns', input)).statusCode).toBe(409);
    });

    it('shows the campaign to anyone, and who benefits only to coordinators', async () => {
      const shown = await campaign();
      expect([shown.title, shown.raisedCents, shown.supporters, shown.beneficiaryPrivate]).toEqual([
        'Strike fund for the bakers',
        0,
        [],
        null,
      ]);
      expect((await worker.get(`/api/v1/campaigns/${slug}`)).json().beneficiaryPrivate).toBeNull();
      expect((await coordinator.get(`/api/v1/campaigns/${slug}`)).json().beneficiaryPrivate).toContain('twelve bakers');
      expect((await visitor().get('/api/v1/campaigns/no-such-campaign')).statusCode).toBe(404);
    });

    it('lets the owner co-op’s admin and coordinators post updates, nobody else', async () => {
      for (const [who, status] of [
        [visitor(), 401],
        [worker, 403],
        [otherAdmin, 403],
        [treasurerToken, 403],
      ] as const)
        expect((await who.post(`/api/v1/campaigns/${slug}/updates`, { body: 'Day 3' })).statusCode).toBe(status);
      expect(
        (await admin.post(`/api/v1/campaigns/${slug}/updates`, { body: 'Day 3: the bakery is closed.' })).statusCode,
      ).toBe(201);
      expect((await campaign()).updates.map((u: { body: string }) => u.body)).toEqual(['Day 3: the bakery is closed.']);
    });

    it('refuses amounts outside the tiers and hostile text', async () => {
      const post = (body: Record<string, unknown>) => visitor().post(`/api/v1/campaigns/${slug}/pledges`, body);
      const base = { frequency: 'monthly', email: 'x@example.org' };
      expect((await post({ ...base, cents: 499 })).json().error.code).toBe('campaigns.below_minimum');
      expect((await post({ ...base, cents: 10.5 })).statusCode).toBe(400);
      expect((await post({ ...base, cents: 1e12 })).statusCode).toBe(400);
      expect((await post({ ...base, cents: 1000, name: 'Ana\u0007' })).statusCode).toBe(400);
      expect((await post({ ...base, cents: 1000, email: 'not a mail' })).statusCode).toBe(400);
      expect(
        (await visitor().get(`/api/v1/pledges/${encodeURIComponent('<script>alert(1)</script>')}`)).statusCode,
      ).toBe(400);
    });

    it('books a pledge paid through the bank statement once, lists an unknown reference, and shows an anonymous supporter', async () => {
      const { pledge: p, mail } = await pledge({ cents: 1000, frequency: 'monthly', email: 'neighbour@example.org' });
      expect(p.reference).toMatch(/^P\d{6}-[0-9A-Z]{6}$/);
      expect(p.status).toBe('pending');
      expect(mail.body).toContain(p.reference);
      const before = await books();
      const lines = [`${today};10,00;${p.reference};Huelga`, `${today};7,00;P999999-ZZZZZZ;who knows`];
      expect((await worker.post('/api/v1/fund/statements', { csv: lines.join('\n'), mapping })).statusCode).toBe(403);
      const imported = (await importCsv(lines)).json();
      expect(imported.matched.map((m: { cents: number; reference: string }) => [m.cents, m.reference])).toEqual([
        [1000, p.reference],
      ]);
      expect(imported.unmatched.map((u: { reason: string }) => u.reason)).toEqual(['unknown_reference']);
      const again = (await importCsv(lines)).json();
      expect([again.matched.length, again.alreadyImported.length, again.unmatched.length]).toEqual([0, 1, 1]);
      const after = await books();
      expect([after.total, after.bank - before.bank]).toEqual([0, 1000]);
      const shown = await campaign();
      expect([shown.raisedCents, shown.supporters]).toEqual([
        1000,
        [{ name: null, cents: 1000, frequency: 'monthly' }],
      ]);
      const moves = (await treasurer.get('/api/v1/fund/movements')).json().items as { reason: string }[];
      expect(moves.some((m) => m.reason.includes(p.reference))).toBe(true);
    });

    it('books a payment confirmed twice by hand once', async () => {
      const { pledge: p, token } = await pledge({
        cents: 2500,
        frequency: 'one_off',
        name: 'Marta',
        email: 'marta@example.org',
      });
      const dueId = p.dues[0].id as string;
      const url = `/api/v1/campaigns/dues/${dueId}/payments`;
      const body = { cents: 2500, date: today };
      const before = await books();
      for (const [who, status] of [
        [visitor(), 401],
        [worker, 403],
        [coordinator, 403],
        [admin, 403],
      ] as const)
        expect((await who.request('POST', url, body, { 'idempotency-key': 'confirm-marta-1' })).statusCode).toBe(
          status,
        );
      expect((await treasurer.post(url, body)).json().error.code).toBe('campaigns.idempotency_key_required');
      expect((await treasurer.request('POST', url, body, { 'idempotency-key': 'confirm-marta-1' })).statusCode).toBe(
        201,
      );
      expect((await treasurer.request('POST', url, body, { 'idempotency-key': 'confirm-marta-1' })).statusCode).toBe(
        200,
      );
      const twice = await treasurerToken.request('POST', url, body, { 'idempotency-key': 'confirm-marta-2' });
      expect([twice.statusCode, twice.json().error.code]).toEqual([409, 'campaigns.already_paid']);
      const after = await books();
      expect([after.total, after.bank - before.bank]).toEqual([0, 2500]);
      expect((await visitor().get(`/api/v1/pledges/${token}`)).json().status).toBe('done');
      const shown = await campaign();
      expect(shown.raisedCents).toBe(3500);
      expect(shown.supporters.map((s: { name: string | null }) => s.name)).toEqual(['Marta', null]);
    });

    it('next month: a cancelled pledge owes nothing, an active one owes again, one never paid lapses and its late payment is only listed', async () => {
      // the pledge's own mail, before its receipt and thank-you
      const neighbour = smtp.to('neighbour@example.org').find((m) => m.body.includes('/pledges/'))!;
      const token = /\/pledges\/([A-Za-z0-9_-]{10,})/.exec(neighbour.body)![1]!;
      const { token: keepToken, pledge: kept } = await pledge({
        cents: 2500,
        frequency: 'monthly',
        email: 'keeps@example.org',
      });
      await treasurer.request(
        'POST',
        `/api/v1/campaigns/dues/${kept.dues[0].id}/payments`,
        { cents: 2500, date: today },
        { 'idempotency-key': 'confirm-keeps-1' },
      );
      const { pledge: never } = await pledge({ cents: 1000, frequency: 'monthly', email: 'never@example.org' });

      expect(
        (await visitor().post('/api/v1/pledges/not-the-token-at-all/changes', { action: 'cancel' })).statusCode,
      ).toBe(404);
      const cancelled = await visitor().post(`/api/v1/pledges/${token}/changes`, { action: 'cancel' });
      expect([cancelled.statusCode, cancelled.json().status]).toEqual([200, 'cancelled']);
      expect((await visitor().post(`/api/v1/pledges/${token}/changes`, { action: 'resume' })).statusCode).toBe(409);

      const nextMonth = addDays(`${today.slice(0, 7)}-01`, 40);
      await pledgeJob(t.deps, nextMonth);
      await pledgeJob(t.deps, nextMonth); // twice: still once
      const dues = async (tk: string) =>
        (await visitor().get(`/api/v1/pledges/${tk}`)).json().dues.map((d: { period: string }) => d.period);
      expect(await dues(token)).toEqual([today.slice(0, 7)]);
      expect(await dues(keepToken)).toEqual([today.slice(0, 7), nextMonth.slice(0, 7)]);

      const row = await t.deps.db
        .selectFrom('campaign_pledges')
        .select('status')
        .where('id', '=', never.id)
        .executeTakeFirstOrThrow();
      expect(row.status).toBe('lapsed');
      const before = await books();
      const late = (await importCsv([`${today};10,00;${never.reference};late`])).json();
      expect([late.matched.length, late.unmatched.map((u: { reason: string }) => u.reason)]).toEqual([
        0,
        ['unknown_reference'],
      ]);
      expect(await books()).toEqual(before);
    });
  },
  smtp.config,
);
