import { beforeAll, describe, expect, it } from 'vitest';
import { Client, describeOnDatabases } from '../../../test/harness.ts';
import { actorClient, makeCoop, tableCounts } from '../../../test/factories.ts';
import { makeOffer } from '../../../test/benefits-factories.ts';
import { makeApiToken } from '../../../test/people-factories.ts';

const percentOff = {
  title: 'Ten percent off bread',
  terms: 'Show your card before paying.',
  kind: 'percent',
  percent: 10,
  maxDiscountCents: 500,
  forSupporters: true,
  sectors: ['transport', 'books'],
  limitPeriod: 'week',
  limitCount: 2,
  capCents: 20_000,
  validFrom: '2026-01-01',
  validUntil: '2099-12-31',
};

describeOnDatabases('making and changing offers', (t) => {
  let visitor: Client;
  let coopA: string;
  let coopB: string;
  let adminA: { id: string; client: Client };
  let adminB: Client;
  let workerA: Client;
  let cashierA: Client;

  const auditOf = async (offerId: string) =>
    await t.deps.db
      .selectFrom('audit_events')
      .select(['action', 'actor_id', 'coop_id', 'before_json', 'after_json'])
      .where('subject_id', '=', offerId)
      .orderBy('seq')
      .execute();
  const create = async (body: object = percentOff) => {
    const res = await adminA.client.post(`/api/v1/coops/${coopA}/offers`, body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; status: string };
  };

  beforeAll(async () => {
    visitor = new Client(t.app);
    coopA = (await makeCoop(t.deps, { name: 'Panadería La Espiga' })).id;
    coopB = (await makeCoop(t.deps, { name: 'Bicis Solidarias', sector: 'transport' })).id;
    adminA = await actorClient(t.deps, t.app, { coopId: coopA, roles: [{ role: 'coop_admin', coopId: coopA }] });
    adminB = (await actorClient(t.deps, t.app, { coopId: coopB, roles: [{ role: 'coop_admin', coopId: coopB }] })).client;
    workerA = (await actorClient(t.deps, t.app, { coopId: coopA })).client;
    cashierA = (await actorClient(t.deps, t.app, { coopId: coopA, roles: [{ role: 'cashier', coopId: coopA }] })).client;
  });

  it('lets a co-op admin make an offer, and records who made it', async () => {
    const res = await adminA.client.post(`/api/v1/coops/${coopA}/offers`, percentOff);
    expect(res.statusCode, res.body).toBe(201);
    const offer = res.json();
    expect(offer).toMatchObject({
      coopId: coopA,
      coopName: 'Panadería La Espiga',
      coopSector: 'food',
      title: 'Ten percent off bread',
      kind: 'percent',
      percent: 10,
      amountCents: null,
      item: null,
      maxDiscountCents: 500,
      forWorkers: true,
      forSupporters: true,
      sectors: ['books', 'transport'],
      limitPeriod: 'week',
      limitCount: 2,
      limitCents: null,
      capCount: null,
      capCents: 20_000,
      validFrom: '2026-01-01',
      validUntil: '2099-12-31',
      status: 'active',
    });
    const audit = await auditOf(offer.id);
    expect(audit.map((a) => [a.action, a.actor_id, a.coop_id])).toEqual([['offer.created', adminA.id, coopA]]);
    expect(JSON.parse(audit[0]!.after_json!)).toMatchObject({ title: 'Ten percent off bread', percent: 10 });

    const list = (await adminA.client.get(`/api/v1/coops/${coopA}/offers`)).json();
    expect(list.abilities).toEqual({ manage: true });
    expect(list.items.map((o: { id: string }) => o.id)).toContain(offer.id);
  });

  it('makes an amount off and a free item with their defaults', async () => {
    const amount = (await adminA.client.post(`/api/v1/coops/${coopA}/offers`, { title: 'Two euros off', kind: 'amount', amountCents: 200 })).json();
    expect(amount).toMatchObject({ kind: 'amount', amountCents: 200, terms: '', forWorkers: true, forSupporters: false, sectors: [] });
    const item = (
      await adminA.client.post(`/api/v1/coops/${coopA}/offers`, { title: 'A free coffee', kind: 'free_item', item: 'Coffee', amountCents: 150, minSaleCents: 500 })
    ).json();
    expect(item).toMatchObject({ kind: 'free_item', item: 'Coffee', amountCents: 150, minSaleCents: 500 });
  });

  it('changes only what an edit sends, and audits the fields that changed', async () => {
    const offer = await create();
    const res = await adminA.client.patch(`/api/v1/offers/${offer.id}`, { title: 'Fifteen percent off bread', percent: 15, capCents: null });
    expect(res.statusCode, res.body).toBe(200);
    // Fields the edit did not mention keep their values (no defaults sneak in).
    expect(res.json()).toMatchObject({ title: 'Fifteen percent off bread', percent: 15, capCents: null, forSupporters: true, sectors: ['books', 'transport'], terms: percentOff.terms });
    const audit = await auditOf(offer.id);
    expect(audit.map((a) => a.action)).toEqual(['offer.created', 'offer.updated']);
    expect(JSON.parse(audit[1]!.before_json!)).toEqual({ title: 'Ten percent off bread', percent: 10, cap_cents: 20_000 });
    expect(JSON.parse(audit[1]!.after_json!)).toEqual({ title: 'Fifteen percent off bread', percent: 15, cap_cents: null });

    // An edit that changes nothing is no event.
    const same = await adminA.client.patch(`/api/v1/offers/${offer.id}`, { percent: 15, sectors: ['transport', 'books'] });
    expect(same.statusCode).toBe(200);
    expect(await auditOf(offer.id)).toHaveLength(2);
  });

  it('changes the kind when the fields of the old kind are cleared', async () => {
    const offer = await create();
    const half = await adminA.client.patch(`/api/v1/offers/${offer.id}`, { kind: 'amount', amountCents: 300 });
    expect(half.statusCode).toBe(400);
    expect(half.json().error).toMatchObject({ code: 'offers.invalid', details: { field: 'percent' } });
    const res = await adminA.client.patch(`/api/v1/offers/${offer.id}`, { kind: 'amount', amountCents: 300, percent: null, maxDiscountCents: null });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ kind: 'amount', amountCents: 300, percent: null, maxDiscountCents: null });
  });

  it('pauses, resumes and ends an offer, each once, and an ended offer stays ended', async () => {
    const offer = await create();
    const url = `/api/v1/offers/${offer.id}`;
    expect((await adminA.client.post(`${url}/resume`)).json().error.code).toBe('offers.bad_state');
    const paused = await adminA.client.post(`${url}/pause`);
    expect(paused.statusCode).toBe(200);
    expect(paused.json().status).toBe('paused');
    const again = await adminA.client.post(`${url}/pause`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('offers.bad_state');
    // A paused offer can still be edited.
    expect((await adminA.client.patch(url, { terms: 'Back soon.' })).statusCode).toBe(200);
    expect((await adminA.client.post(`${url}/resume`)).json().status).toBe('active');
    const ended = await adminA.client.post(`${url}/end`);
    expect(ended.statusCode).toBe(200);
    expect(ended.json().status).toBe('ended');
    const row = await t.deps.db.selectFrom('offers').select(['status', 'ended_at']).where('id', '=', offer.id).executeTakeFirstOrThrow();
    expect(row.ended_at).not.toBeNull();

    const before = await tableCounts(t.deps);
    for (const move of ['pause', 'resume', 'end']) {
      const res = await adminA.client.post(`${url}/${move}`);
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('offers.bad_state');
    }
    const edit = await adminA.client.patch(url, { title: 'Too late' });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.code).toBe('offers.ended');
    expect(await tableCounts(t.deps)).toEqual(before);

    const audit = await auditOf(offer.id);
    expect(audit.map((a) => a.action)).toEqual(['offer.created', 'offer.paused', 'offer.updated', 'offer.resumed', 'offer.ended']);
    expect(audit.map((a) => a.after_json && JSON.parse(a.after_json).status).slice(1)).toEqual(['paused', undefined, 'active', 'ended']);
  });

  it('ends a paused offer directly', async () => {
    const offer = await create();
    await adminA.client.post(`/api/v1/offers/${offer.id}/pause`);
    expect((await adminA.client.post(`/api/v1/offers/${offer.id}/end`)).json().status).toBe('ended');
  });

  describe('the rules between fields', () => {
    const base = { title: 'An offer', kind: 'percent', percent: 10 };
    const cases: [string, object, string][] = [
      ['percent off without its percent', { title: 'x1', kind: 'percent' }, 'percent'],
      ['percent off with an amount', { ...base, amountCents: 100 }, 'amountCents'],
      ['percent off with an item', { ...base, item: 'Bread' }, 'item'],
      ['amount off without the amount', { title: 'x1', kind: 'amount' }, 'amountCents'],
      ['amount off with a percent', { title: 'x1', kind: 'amount', amountCents: 100, percent: 5 }, 'percent'],
      ['amount off with an item', { title: 'x1', kind: 'amount', amountCents: 100, item: 'Bread' }, 'item'],
      ['free item without the item', { title: 'x1', kind: 'free_item', amountCents: 100 }, 'item'],
      ['free item without its value', { title: 'x1', kind: 'free_item', item: 'Bread' }, 'amountCents'],
      ['a largest discount on an amount off', { title: 'x1', kind: 'amount', amountCents: 100, maxDiscountCents: 50 }, 'maxDiscountCents'],
      ['a largest discount on a free item', { title: 'x1', kind: 'free_item', item: 'Bread', amountCents: 100, maxDiscountCents: 50 }, 'maxDiscountCents'],
      ['a count per person without a period', { ...base, limitCount: 2 }, 'limitPeriod'],
      ['an amount per person without a period', { ...base, limitCents: 200 }, 'limitPeriod'],
      ['a period without a limit', { ...base, limitPeriod: 'day' }, 'limitCount'],
      ['an end before the start', { ...base, validFrom: '2026-05-02', validUntil: '2026-05-01' }, 'validUntil'],
      ['for nobody', { ...base, forWorkers: false, forSupporters: false }, 'forWorkers'],
    ];
    for (const [name, body, field] of cases) {
      it(`refuses ${name} (${field}) and changes nothing`, async () => {
        const before = await tableCounts(t.deps);
        const res = await adminA.client.post(`/api/v1/coops/${coopA}/offers`, body);
        expect(res.statusCode, res.body).toBe(400);
        expect(res.json().error).toMatchObject({ code: 'offers.invalid', details: { field } });
        expect(await tableCounts(t.deps)).toEqual(before);
      });
    }

    it('applies the same rules to the offer as an edit would leave it', async () => {
      const offer = await create();
      const url = `/api/v1/offers/${offer.id}`;
      const before = await tableCounts(t.deps);
      const edits: [object, string][] = [
        [{ validUntil: '2025-12-31' }, 'validUntil'],
        [{ limitPeriod: null }, 'limitPeriod'],
        [{ limitCount: null }, 'limitCount'],
        [{ percent: null }, 'percent'],
        [{ forWorkers: false, forSupporters: false }, 'forWorkers'],
        [{ kind: 'free_item', item: 'Bread', amountCents: 100, percent: null }, 'maxDiscountCents'],
      ];
      for (const [edit, field] of edits) {
        const res = await adminA.client.patch(url, edit);
        expect(res.statusCode, JSON.stringify(edit)).toBe(400);
        expect(res.json().error).toMatchObject({ code: 'offers.invalid', details: { field } });
      }
      expect(await tableCounts(t.deps)).toEqual(before);
      expect((await adminA.client.get(`/api/v1/offers/${offer.id}`)).json()).toMatchObject({ percent: 10, limitPeriod: 'week', limitCount: 2, validUntil: '2099-12-31' });
    });
  });

  describe('bad input', () => {
    const ok = { title: 'Fine offer', kind: 'amount', amountCents: 100 };
    const bodies: [string, unknown][] = [
      ['a string for a number', { ...ok, amountCents: '100' }],
      ['fractional cents', { ...ok, amountCents: 100.5 }],
      ['negative cents', { ...ok, amountCents: -100 }],
      ['zero off', { ...ok, amountCents: 0 }],
      ['a huge amount', { ...ok, amountCents: 1e15 }],
      ['an unsafe integer', { ...ok, amountCents: 2 ** 53 + 2 }],
      ['a huge cap', { ...ok, capCount: 1e12 }],
      ['a negative minimum sale', { ...ok, minSaleCents: -1 }],
      ['a fractional percent', { title: 'x1', kind: 'percent', percent: 12.5 }],
      ['over 100 percent', { title: 'x1', kind: 'percent', percent: 101 }],
      ['a percent as text', { title: 'x1', kind: 'percent', percent: '10' }],
      ['an unknown kind', { ...ok, kind: 'bogo' }],
      ['an unknown period', { ...ok, limitPeriod: 'year', limitCount: 1 }],
      ['a boolean as text', { ...ok, forWorkers: 'yes' }],
      ['a title too long', { ...ok, title: 'x'.repeat(121) }],
      ['a title too short', { ...ok, title: 'x' }],
      ['a missing title', { kind: 'amount', amountCents: 100 }],
      ['terms too long', { ...ok, terms: 'x'.repeat(2001) }],
      ['a control character', { ...ok, title: 'Bad\u0007title' }],
      ['a date that is no date', { ...ok, validFrom: '2026-02-30' }],
      ['a date with a time', { ...ok, validFrom: '2026-02-01T00:00:00Z' }],
      ['sectors as text', { ...ok, sectors: 'food' }],
      ['too many sectors', { ...ok, sectors: Array.from({ length: 51 }, (_, i) => `s${i}`) }],
      ['an extra field', { ...ok, status: 'ended' }],
      ['another co-op', { ...ok, coopId: '00000000-0000-4000-8000-000000000000' }],
      ['an array', [ok]],
      ['null', null],
    ];
    for (const [name, body] of bodies) {
      it(`refuses ${name} when making an offer and changes nothing`, async () => {
        const before = await tableCounts(t.deps);
        const res = await adminA.client.post(`/api/v1/coops/${coopA}/offers`, body);
        expect(res.statusCode, res.body).toBe(400);
        expect(await tableCounts(t.deps)).toEqual(before);
      });
    }

    it('refuses bad input when editing and pausing, and changes nothing', async () => {
      const offer = await create();
      const url = `/api/v1/offers/${offer.id}`;
      const before = await tableCounts(t.deps);
      for (const body of [{ amountCents: 1.5 }, { percent: -5 }, { capCents: '100' }, { title: 'y'.repeat(200) }, { status: 'ended' }, { id: offer.id }]) {
        expect((await adminA.client.patch(url, body)).statusCode, JSON.stringify(body)).toBe(400);
      }
      expect((await adminA.client.post(`${url}/pause`, { reason: 'x' })).statusCode).toBe(400);
      expect((await adminA.client.patch('/api/v1/offers/not-an-id', { title: 'Fine title' })).statusCode).toBe(400);
      expect((await adminA.client.post('/api/v1/coops/not-an-id/offers', ok)).statusCode).toBe(400);
      expect(await tableCounts(t.deps)).toEqual(before);
      expect((await adminA.client.get(url)).json().status).toBe('active');
    });
  });

  describe('who may make and change offers', () => {
    it('asks a visitor to sign in', async () => {
      const offer = await create();
      const before = await tableCounts(t.deps);
      expect((await visitor.post(`/api/v1/coops/${coopA}/offers`, percentOff)).statusCode).toBe(401);
      expect((await visitor.patch(`/api/v1/offers/${offer.id}`, { title: 'Hijacked' })).statusCode).toBe(401);
      for (const move of ['pause', 'resume', 'end']) expect((await visitor.post(`/api/v1/offers/${offer.id}/${move}`)).statusCode).toBe(401);
      expect(await tableCounts(t.deps)).toEqual(before);
    });

    it("refuses the co-op's workers and cashiers, and other co-ops' admins", async () => {
      const offer = await create();
      const before = await tableCounts(t.deps);
      for (const client of [workerA, cashierA, adminB]) {
        expect((await client.post(`/api/v1/coops/${coopA}/offers`, percentOff)).statusCode).toBe(403);
        expect((await client.patch(`/api/v1/offers/${offer.id}`, { title: 'Hijacked' })).statusCode).toBe(403);
        for (const move of ['pause', 'end']) expect((await client.post(`/api/v1/offers/${offer.id}/${move}`)).statusCode).toBe(403);
        const list = (await client.get(`/api/v1/coops/${coopA}/offers`)).json();
        expect(list.abilities).toEqual({ manage: false });
      }
      expect(await tableCounts(t.deps)).toEqual(before);
      expect((await adminA.client.get(`/api/v1/offers/${offer.id}`)).json()).toMatchObject({ title: percentOff.title, status: 'active' });
    });

    it('answers 404 for an offer only its admins can see (paused, ended, not yet valid)', async () => {
      const paused = await makeOffer(t.deps, coopA, { status: 'paused', title: 'Paused one' });
      const future = await makeOffer(t.deps, coopA, { valid_from: '2999-01-01', title: 'Future one' });
      const before = await tableCounts(t.deps);
      for (const id of [paused.id, future.id]) {
        expect((await visitor.get(`/api/v1/offers/${id}`)).statusCode).toBe(404);
        for (const client of [workerA, cashierA, adminB]) {
          expect((await client.get(`/api/v1/offers/${id}`)).statusCode).toBe(404);
          expect((await client.patch(`/api/v1/offers/${id}`, { title: 'Hijacked' })).statusCode).toBe(404);
          expect((await client.post(`/api/v1/offers/${id}/resume`)).statusCode).toBe(404);
        }
        expect((await adminA.client.get(`/api/v1/offers/${id}`)).statusCode).toBe(200);
      }
      expect(await tableCounts(t.deps)).toEqual(before);
    });

    it("answers 404 for a co-op one cannot see, or that does not exist", async () => {
      const applicant = (await makeCoop(t.deps, { status: 'applicant' })).id;
      const before = await tableCounts(t.deps);
      expect((await adminB.post(`/api/v1/coops/${applicant}/offers`, percentOff)).statusCode).toBe(404);
      expect((await adminB.get(`/api/v1/coops/${applicant}/offers`)).statusCode).toBe(404);
      expect((await adminA.client.post('/api/v1/coops/00000000-0000-4000-8000-000000000000/offers', percentOff)).statusCode).toBe(404);
      expect((await adminA.client.patch('/api/v1/offers/00000000-0000-4000-8000-000000000000', { title: 'Nothing' })).statusCode).toBe(404);
      expect(await tableCounts(t.deps)).toEqual(before);
    });

    it("refuses an admin's API token that only carries the till", async () => {
      const { token } = await makeApiToken(t.deps, adminA.id, [`cashier:${coopA}`]);
      const till = new Client(t.app);
      till.bearer = token;
      const before = await tableCounts(t.deps);
      expect((await till.post(`/api/v1/coops/${coopA}/offers`, percentOff)).statusCode).toBe(403);
      expect(await tableCounts(t.deps)).toEqual(before);
      till.bearer = (await makeApiToken(t.deps, adminA.id, [`coop_admin:${coopA}`])).token;
      expect((await till.post(`/api/v1/coops/${coopA}/offers`, percentOff)).statusCode).toBe(201);
    });
  });

  it("shows everyone a co-op's offers in the catalogue, and its admins every offer, newest first", async () => {
    const coop = (await makeCoop(t.deps, { name: 'Librería Lectora', sector: 'books' })).id;
    const admin = (await actorClient(t.deps, t.app, { coopId: coop, roles: [{ role: 'coop_admin', coopId: coop }] })).client;
    const made: string[] = [];
    for (const title of ['Zines half price', 'A free bookmark', 'Old stock']) {
      const body = title === 'A free bookmark' ? { title, kind: 'free_item', item: 'Bookmark', amountCents: 100 } : { title, kind: 'percent', percent: 50 };
      made.push((await admin.post(`/api/v1/coops/${coop}/offers`, body)).json().id);
      await new Promise((r) => setTimeout(r, 5)); // distinct creation times
    }
    await admin.post(`/api/v1/offers/${made[2]}/end`);
    const everyone = (await visitor.get(`/api/v1/coops/${coop}/offers`)).json();
    expect(everyone.abilities).toEqual({ manage: false });
    expect(everyone.items.map((o: { title: string }) => o.title)).toEqual(['A free bookmark', 'Zines half price']);
    const own = (await admin.get(`/api/v1/coops/${coop}/offers`)).json();
    expect(own.abilities).toEqual({ manage: true });
    expect(own.items.map((o: { id: string }) => o.id)).toEqual([...made].reverse());
  });
});
