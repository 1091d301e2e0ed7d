import { beforeAll, expect, it } from 'vitest';
import { Client, describeOnDatabases } from '../../../test/harness.ts';
import { actorClient, makeCoop, makePerson, signIn, tableCounts } from '../../../test/factories.ts';
import { makeApiToken } from '../../../test/people-factories.ts';
import { type KeySet, keySetOf, pdfPages, qrCodesByPage, tillVerify } from '../../../test/cards-factories.ts';

const DAY = 86_400_000;

describeOnDatabases('printed member cards', (t) => {
  let visitor: Client;
  let coop: { id: string; name: string };
  let admin: Client;
  let emails: string[];
  let keys: KeySet;
  beforeAll(async () => {
    visitor = new Client(t.app);
    coop = await makeCoop(t.deps, { name: 'Cooperativa Gráfica Łódź' });
    const a = await actorClient(t.deps, t.app, {
      coopId: coop.id,
      displayName: 'Amparo Ruiz',
      roles: [{ role: 'coop_admin', coopId: coop.id }],
    });
    admin = a.client;
    emails = [a.email];
    // Nine workers in all: a full page and one more. One has a very long name.
    for (let i = 1; i <= 8; i++) {
      const name = i === 8 ? `Maria ${'de la Concepción '.repeat(5)}Vidal` : `Worker ${i}`;
      emails.push((await makePerson(t.deps, { coopId: coop.id, displayName: name })).email);
    }
    keys = await keySetOf(visitor);
  });

  const printUrl = (coopId = coop.id) => `/api/v1/coops/${coopId}/cards.pdf`;
  const print = (client: Client, coopId = coop.id) => client.request('POST', printUrl(coopId));
  /** Every card and whether it is revoked: what a refused print must leave as it was. */
  const cardStates = async () =>
    (await t.deps.db.selectFrom('cards').select(['id', 'revoked_at']).orderBy('id').execute()).map((c) => `${c.id}:${c.revoked_at}`);

  it("prints a year-long card for every active worker, readable by an independent QR reader, that becomes the worker's card", async () => {
    // One worker already has a phone card; another has left the co-op and gets none.
    const phoneCard = (await (await signIn(t.app, emails[1]!)).get('/api/v1/me/card')).json();
    const gone = await makePerson(t.deps, { coopId: coop.id, displayName: 'Gone' });
    await admin.delete(`/api/v1/coops/${coop.id}/workers/${gone.id}`);

    const res = await print(admin);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['cache-control']).toBe('no-store');
    const pdf = res.rawPayload;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdfPages(pdf)).toBe(2);

    const pages = qrCodesByPage(pdf);
    expect(pages.map((p) => p.length)).toEqual([8, 1]);
    const printed = pages.flat();

    // Each worker's app now shows the printed card.
    const current = [];
    for (const email of emails) current.push((await (await signIn(t.app, email)).get('/api/v1/me/card')).json());
    expect(printed.sort()).toEqual(current.map((c) => c.token).sort());
    for (const c of current) {
      const verified = tillVerify(c.token, keys);
      expect(verified.ok).toBe(true);
      if (verified.ok) expect(verified.claims.cardId).toBe(c.cardId);
      const days = (Date.parse(c.expiresAt) - Date.now()) / DAY;
      expect(days).toBeGreaterThan(364.9);
      expect(days).toBeLessThanOrEqual(365);
    }
    const revoked = (await visitor.get('/api/v1/cards/revoked')).json().items;
    expect(revoked).toContainEqual({ cardId: phoneCard.cardId, revokedAt: expect.any(String), reason: 'replaced' });

    const audit = await t.deps.db
      .selectFrom('audit_events')
      .select(['actor_id', 'after_json'])
      .where('action', '=', 'cards.printed')
      .where('coop_id', '=', coop.id)
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.after_json!)).toMatchObject({ count: 9 });
  });

  it('prints again: new cards replace the printed ones, which are revoked', async () => {
    const before = (await (await signIn(t.app, emails[0]!)).get('/api/v1/me/card')).json();
    const res = await print(admin);
    expect(res.statusCode).toBe(200);
    const tokens = qrCodesByPage(res.rawPayload).flat();
    expect(tokens).toHaveLength(9);
    expect(tokens).not.toContain(before.token);
    const revoked = (await visitor.get('/api/v1/cards/revoked')).json().items;
    expect(revoked).toContainEqual({ cardId: before.cardId, revokedAt: expect.any(String), reason: 'replaced' });
    const live = await t.deps.db
      .selectFrom('cards')
      .select('person_id')
      .where('coop_id', '=', coop.id)
      .where('revoked_at', 'is', null)
      .execute();
    expect(live).toHaveLength(9);
    expect(new Set(live.map((c) => c.person_id)).size).toBe(9);
  });

  it('lets a coordinator print, like the other work on a co-op’s workers', async () => {
    const small = await makeCoop(t.deps);
    await makePerson(t.deps, { coopId: small.id });
    const { client: coordinator } = await actorClient(t.deps, t.app, { roles: [{ role: 'coordinator' }] });
    const res = await print(coordinator, small.id);
    expect(res.statusCode).toBe(200);
    expect(pdfPages(res.rawPayload)).toBe(1);
    expect(qrCodesByPage(res.rawPayload).flat()).toHaveLength(1);
  });

  it('refuses everyone else, bad ids, and co-ops without cards, printing nothing', async () => {
    const before = await tableCounts(t.deps);
    const { client: worker } = await actorClient(t.deps, t.app, { coopId: coop.id });
    const other = await makeCoop(t.deps);
    const { client: otherAdmin } = await actorClient(t.deps, t.app, {
      coopId: other.id,
      roles: [{ role: 'coop_admin', coopId: other.id }],
    });
    const applicant = await makeCoop(t.deps, { status: 'applicant' });
    const { client: applicantAdmin } = await actorClient(t.deps, t.app, {
      coopId: applicant.id,
      roles: [{ role: 'coop_admin', coopId: applicant.id }],
    });
    const empty = await makeCoop(t.deps);
    const { client: coordinator } = await actorClient(t.deps, t.app, { roles: [{ role: 'coordinator' }] });
    const left = await makeCoop(t.deps, { status: 'left' });
    const setup = await tableCounts(t.deps);

    const cases: [Client, string, number, string][] = [
      [visitor, coop.id, 401, 'auth.required'],
      [worker, coop.id, 404, 'not_found'],
      [otherAdmin, coop.id, 404, 'not_found'],
      [admin, other.id, 404, 'not_found'],
      [admin, '00000000-0000-4000-8000-000000000000', 404, 'not_found'],
      [admin, 'not-an-id', 400, 'validation_failed'],
      [applicantAdmin, applicant.id, 409, 'cards.coop_not_member'],
      [coordinator, empty.id, 409, 'cards.no_workers'],
      [coordinator, left.id, 409, 'people.coop_left'],
    ];
    for (const [client, id, status, code] of cases) {
      const res = await print(client, id);
      expect(res.statusCode, `${id} → ${code}`).toBe(status);
      expect(res.json().error.code).toBe(code);
    }
    const after = await tableCounts(t.deps);
    expect(after.cards).toBe(before.cards);
    expect(after.audit_events).toBe(setup.audit_events);
  });
  it('finding 9: printing with a cookie session but without the X-CSRF-Token header is refused (403) and revokes no card', async () => {
    expect((await print(admin)).statusCode).toBe(200); // every worker has a live printed card
    const cards = await cardStates();
    const audit = (await tableCounts(t.deps)).audit_events;
    const noHeader = new Client(t.app);
    noHeader.cookie = admin.cookie;
    const wrong = new Client(t.app);
    wrong.cookie = admin.cookie;
    wrong.csrf = 'not-the-token';
    for (const client of [noHeader, wrong]) {
      const res = await print(client);
      expect(res.statusCode, res.body).toBe(403);
      expect(res.json().error.code).toBe('auth.csrf');
    }
    // Nor from another site's form, which can send neither the header nor a JSON body.
    const form = await noHeader.request('POST', printUrl(), 'x=1', { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'cross-site' });
    expect(form.statusCode).toBe(403);
    expect(await cardStates()).toEqual(cards);
    expect((await tableCounts(t.deps)).audit_events).toBe(audit);
  });

  it('finding 9: a GET of the print address is not allowed (405) and revokes no card, nor does an API token print', async () => {
    const cards = await cardStates();
    const audit = (await tableCounts(t.deps)).audit_events;
    const variants: Record<string, string>[] = [{}, { 'sec-fetch-site': 'same-origin' }, { 'sec-fetch-site': 'cross-site' }];
    for (const headers of variants) {
      const res = await admin.request('GET', printUrl(), undefined, headers);
      expect(res.statusCode).toBe(405);
      expect(res.headers.allow).toBe('POST');
      expect(res.json().error.code).toBe('cards.print_needs_post');
    }
    expect((await visitor.get(printUrl())).statusCode).toBe(405);
    // Printing is done signed in, from the workers page: an API token, even a co-op admin's, does not print.
    const owner = await makePerson(t.deps, { coopId: coop.id, roles: [{ role: 'coop_admin', coopId: coop.id }] });
    const bearer = new Client(t.app);
    bearer.bearer = (await makeApiToken(t.deps, owner.id, [`coop_admin:${coop.id}`])).token;
    const byToken = await print(bearer);
    expect(byToken.statusCode).toBe(403);
    expect(byToken.json().error.code).toBe('auth.token_scope');
    expect(await cardStates()).toEqual(cards);
    expect((await tableCounts(t.deps)).audit_events).toBe(audit);
  });
});
