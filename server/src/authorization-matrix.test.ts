/**
 * Who may do what in the foundation, as one table: every role against every
 * action. "yes" means a 2xx answer; a refusal is 401 for a visitor (sign in
 * first) and 403 or 404 for anyone signed in (404 where even the existence of
 * the thing is private), and a refusal changes nothing. Actions that change
 * state get fresh fixtures for each case (a new applicant to put to a vote, a
 * new worker to remove, a vote to cast a ballot in), so the cases do not
 * depend on one another. Admitting an application directly is refused to
 * everyone now (409: it is decided by a vote; see coops.test.ts).
 */
import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { Client, type TestContext, describeOnDatabases } from '../test/harness.ts';
import { makeCoop, makePerson, signIn, tableCounts } from '../test/factories.ts';
import { makeApplication, workersCsv } from '../test/people-factories.ts';
import { cardOf, makeOffer } from '../test/benefits-factories.ts';

const ROLES = ['visitor', 'supporter', 'workerA', 'workerB', 'adminA', 'cashierA', 'treasurer', 'coordinator'] as const;
type RoleName = (typeof ROLES)[number];

const everyone: RoleName[] = [...ROLES];
const coordinators: RoleName[] = ['coordinator'];
const adminsOfA: RoleName[] = ['adminA', 'coordinator'];

/** The policy: who may do each action (coop A is a member co-op; B is another one). */
const MAY = {
  'GET /coops': everyone,
  'GET /coops/:A': everyone,
  'PATCH /coops/:A': adminsOfA,
  'POST /coops/:A/status': coordinators,
  'GET /applications': coordinators,
  'POST /proposals (free motion)': ['workerA', 'workerB', 'adminA', 'cashierA', 'coordinator'],
  'POST /proposals (admission)': coordinators,
  'POST /proposals/:id/open': coordinators,
  'POST /proposals/:id/ballots': ['workerA', 'workerB', 'adminA', 'cashierA'],
  'POST /applications/:id/reject': coordinators,
  'GET /coops/:A/workers': adminsOfA,
  'POST /coops/:A/invitations': adminsOfA,
  'POST /coops/:A/worker-imports': adminsOfA,
  'DELETE /coops/:A/workers/:w': adminsOfA,
  'POST /coops/:A/roles': adminsOfA,
  'GET /audit': coordinators,
  'GET /outbox': coordinators,
  'PATCH /network': coordinators,
  'GET /network': everyone,
  'GET /offers': everyone,
  // Signed in with no card (treasurer, coordinator): an empty list, not a refusal.
  'GET /offers?openToMe=1': ['supporter', 'workerA', 'workerB', 'adminA', 'cashierA', 'treasurer', 'coordinator'],
  'GET /coops/:A/offers': everyone,
  'POST /coops/:A/offers': ['adminA'],
  'PATCH /offers/:id': ['adminA'],
  'POST /offers/:id/pause': ['adminA'],
  'POST /offers/:id/resume': ['adminA'],
  'POST /offers/:id/end': ['adminA'],
  'GET /till/:A/offers': ['adminA', 'cashierA'],
  'POST /till/:A/verify': ['adminA', 'cashierA'],
  'POST /till/:A/redemptions': ['adminA', 'cashierA'],
  'POST /till/:A/redemptions/sync': ['adminA', 'cashierA'],
  'GET /coops/:A/redemptions': ['adminA', 'cashierA'],
  'POST /coops/:A/redemptions/:id/resolve': ['adminA'],
  'GET /me/savings': ['supporter', 'workerA', 'workerB', 'adminA', 'cashierA', 'treasurer', 'coordinator'],
} satisfies Record<string, RoleName[]>;
type ActionName = keyof typeof MAY;

interface World {
  t: TestContext;
  coopA: string;
  clients: Record<RoleName, Client>;
}

let fresh = 0;
const unique = () => `${Date.now().toString(36)}-${++fresh}`;

/** How to perform each action: `prepare` makes fresh fixtures, `send` is the request, `restore` undoes a success. */
interface Action {
  prepare?: (w: World) => Promise<string>;
  send: (c: Client, w: World, fixture: string) => Promise<LightMyRequestResponse>;
  restore?: (w: World) => Promise<void>;
}

const ACTIONS: Record<ActionName, Action> = {
  'GET /coops': { send: (c) => c.get('/api/v1/coops') },
  'GET /coops/:A': { send: (c, w) => c.get(`/api/v1/coops/${w.coopA}`) },
  'PATCH /coops/:A': { send: (c, w) => c.patch(`/api/v1/coops/${w.coopA}`, { description: `Edited ${unique()}` }) },
  'POST /coops/:A/status': {
    send: (c, w) => c.post(`/api/v1/coops/${w.coopA}/status`, { status: 'suspended', reason: 'Matrix test' }),
    restore: async (w) => {
      const res = await w.clients.coordinator.post(`/api/v1/coops/${w.coopA}/status`, {
        status: 'member',
        reason: 'Matrix test done',
      });
      expect(res.statusCode).toBe(200);
    },
  },
  'GET /applications': { send: (c) => c.get('/api/v1/applications') },
  'POST /proposals (free motion)': {
    send: (c) => c.post('/api/v1/proposals', { matter: 'free', title: `Motion ${unique()}`, text: 'We resolve…', subject: {} }),
  },
  'POST /proposals (admission)': {
    prepare: async (w) => (await makeApplication(w.t.deps)).coopId,
    send: (c, _w, coopId) => c.post('/api/v1/proposals', { matter: 'admission', title: 'Admit them', text: '', subject: { coopId } }),
  },
  'POST /proposals/:id/open': {
    prepare: async (w) => (await w.clients.coordinator.post('/api/v1/proposals', { matter: 'free', title: `Draft ${unique()}`, text: '', subject: {} })).json().id,
    send: (c, _w, id) => c.post(`/api/v1/proposals/${id}/open`, { closesAt: new Date(Date.now() + 7_200_000).toISOString() }),
  },
  'POST /proposals/:id/ballots': {
    // A vote of the assembly: its electorate is every worker of a member co-op.
    prepare: async (w) => {
      const id = (await w.clients.coordinator.post('/api/v1/proposals', { matter: 'free', title: `Vote ${unique()}`, text: '', subject: {} })).json().id;
      await w.clients.coordinator.post(`/api/v1/proposals/${id}/open`, { closesAt: new Date(Date.now() + 7_200_000).toISOString() });
      return id;
    },
    send: (c, _w, id) => c.post(`/api/v1/proposals/${id}/ballots`, { ballot: { choice: 'yes' } }),
  },
  'POST /applications/:id/reject': {
    prepare: async (w) => (await makeApplication(w.t.deps)).id,
    send: (c, _w, id) => c.post(`/api/v1/applications/${id}/reject`, { reason: 'Not yet' }),
  },
  'GET /coops/:A/workers': { send: (c, w) => c.get(`/api/v1/coops/${w.coopA}/workers`) },
  'POST /coops/:A/invitations': {
    send: (c, w) =>
      c.post(`/api/v1/coops/${w.coopA}/invitations`, {
        email: `inv-${unique()}@matrix.example`,
        displayName: 'Invited',
        role: 'worker',
      }),
  },
  'POST /coops/:A/worker-imports': {
    send: (c, w) =>
      c.post(`/api/v1/coops/${w.coopA}/worker-imports`, {
        csv: workersCsv([`imp-${unique()}@matrix.example,Imported`]),
        dryRun: false,
      }),
  },
  'DELETE /coops/:A/workers/:w': {
    prepare: async (w) => (await makePerson(w.t.deps, { coopId: w.coopA })).id,
    send: (c, w, personId) => c.delete(`/api/v1/coops/${w.coopA}/workers/${personId}`),
  },
  'POST /coops/:A/roles': {
    prepare: async (w) => (await makePerson(w.t.deps, { coopId: w.coopA })).id,
    send: (c, w, personId) => c.post(`/api/v1/coops/${w.coopA}/roles`, { personId, role: 'cashier' }),
  },
  'GET /audit': { send: (c) => c.get('/api/v1/audit') },
  'GET /outbox': { send: (c) => c.get('/api/v1/outbox') },
  'PATCH /network': { send: (c) => c.patch('/api/v1/network', { description: `Edited ${unique()}` }) },
  'GET /network': { send: (c) => c.get('/api/v1/network') },
  'GET /offers': { send: (c) => c.get('/api/v1/offers') },
  'GET /offers?openToMe=1': { send: (c) => c.get('/api/v1/offers?openToMe=1') },
  'GET /coops/:A/offers': { send: (c, w) => c.get(`/api/v1/coops/${w.coopA}/offers`) },
  'POST /coops/:A/offers': {
    send: (c, w) => c.post(`/api/v1/coops/${w.coopA}/offers`, { title: `Offer ${unique()}`, kind: 'percent', percent: 10 }),
  },
  'PATCH /offers/:id': {
    prepare: async (w) => (await makeOffer(w.t.deps, w.coopA)).id,
    send: (c, _w, id) => c.patch(`/api/v1/offers/${id}`, { title: `Edited ${unique()}` }),
  },
  'POST /offers/:id/pause': {
    prepare: async (w) => (await makeOffer(w.t.deps, w.coopA)).id,
    send: (c, _w, id) => c.post(`/api/v1/offers/${id}/pause`),
  },
  'POST /offers/:id/resume': {
    prepare: async (w) => (await makeOffer(w.t.deps, w.coopA, { status: 'paused' })).id,
    send: (c, _w, id) => c.post(`/api/v1/offers/${id}/resume`),
  },
  'POST /offers/:id/end': {
    prepare: async (w) => (await makeOffer(w.t.deps, w.coopA)).id,
    send: (c, _w, id) => c.post(`/api/v1/offers/${id}/end`),
  },
  'GET /till/:A/offers': { send: (c, w) => c.get(`/api/v1/till/${w.coopA}/offers`) },
  'POST /till/:A/verify': {
    prepare: async (w) => (await tillFixture(w)).token,
    send: (c, w, token) => c.post(`/api/v1/till/${w.coopA}/verify`, { card: token }),
  },
  'POST /till/:A/redemptions': {
    prepare: async (w) => JSON.stringify(await tillFixture(w)),
    send: (c, w, f) => {
      const { offerId, token } = JSON.parse(f) as { offerId: string; token: string };
      return c.request('POST', `/api/v1/till/${w.coopA}/redemptions`, { offerId, card: token, saleCents: 4500 }, { 'idempotency-key': `matrix-${unique()}` });
    },
  },
  'POST /till/:A/redemptions/sync': {
    prepare: async (w) => JSON.stringify(await tillFixture(w)),
    send: (c, w, f) => {
      const { offerId, token } = JSON.parse(f) as { offerId: string; token: string };
      const item = { key: `matrix-${unique()}`, offerId, card: token, saleCents: 4500, redeemedAt: new Date().toISOString() };
      return c.post(`/api/v1/till/${w.coopA}/redemptions/sync`, { items: [item] });
    },
  },
  'GET /coops/:A/redemptions': { send: (c, w) => c.get(`/api/v1/coops/${w.coopA}/redemptions?flagged=1`) },
  'POST /coops/:A/redemptions/:id/resolve': {
    // A sale synced from a till after its offer ended: recorded, flagged offer_closed.
    prepare: async (w) => {
      const { offerId, token } = await tillFixture(w, { status: 'ended', ended_at: new Date(Date.now() - 3_600_000).toISOString() });
      const item = { key: `matrix-${unique()}`, offerId, card: token, saleCents: 1000, redeemedAt: new Date().toISOString() };
      const res = await w.clients.cashierA.post(`/api/v1/till/${w.coopA}/redemptions/sync`, { items: [item] });
      return res.json().items[0].redemption.id;
    },
    send: (c, w, id) => c.post(`/api/v1/coops/${w.coopA}/redemptions/${id}/resolve`, { decision: 'accept' }),
  },
  'GET /me/savings': { send: (c) => c.get('/api/v1/me/savings') },
};

/** An offer of co-op A and the card of a worker of another co-op, for the till's actions. */
async function tillFixture(w: World, offer: Parameters<typeof makeOffer>[2] = {}) {
  const made = await makeOffer(w.t.deps, w.coopA, offer);
  const holder = await makePerson(w.t.deps, { coopId: (await makeCoop(w.t.deps)).id });
  const card = await cardOf(w.t.app, holder.email);
  return { offerId: made.id, token: card.token };
}

describe('the authorization table', () => {
  it('names only known roles and gives every action a way to perform it', () => {
    expect(Object.keys(ACTIONS).sort()).toEqual(Object.keys(MAY).sort());
    for (const roles of Object.values(MAY)) for (const r of roles) expect(ROLES).toContain(r);
  });
});

describeOnDatabases('authorization matrix', (t) => {
  const w = { t } as World;

  beforeAll(async () => {
    const coopA = (await makeCoop(t.deps, { name: 'Co-op A' })).id;
    const coopB = (await makeCoop(t.deps, { name: 'Co-op B' })).id;
    const people: Record<Exclude<RoleName, 'visitor'>, Parameters<typeof makePerson>[1]> = {
      supporter: { supporter: true },
      workerA: { coopId: coopA },
      workerB: { coopId: coopB },
      adminA: { coopId: coopA, roles: [{ role: 'coop_admin', coopId: coopA }] },
      cashierA: { coopId: coopA, roles: [{ role: 'cashier', coopId: coopA }] },
      treasurer: { roles: [{ role: 'treasurer' }] },
      coordinator: { roles: [{ role: 'coordinator' }] },
    };
    const clients = { visitor: new Client(t.app) } as Record<RoleName, Client>;
    for (const [role, options] of Object.entries(people)) {
      clients[role as RoleName] = await signIn(t.app, (await makePerson(t.deps, options)).email);
    }
    Object.assign(w, { coopA, clients });
  });

  for (const [action, allowed] of Object.entries(MAY) as [ActionName, RoleName[]][]) {
    for (const role of ROLES) {
      const may = allowed.includes(role);
      it(`${role} ${may ? 'may' : 'may not'} ${action}`, async () => {
        const { prepare, send, restore } = ACTIONS[action];
        const fixture = prepare ? await prepare(w) : '';
        const before = await tableCounts(t.deps);
        const res = await send(w.clients[role], w, fixture);
        if (may) {
          expect(res.statusCode, res.body).toBeGreaterThanOrEqual(200);
          expect(res.statusCode, res.body).toBeLessThan(300);
          await restore?.(w);
          return;
        }
        if (role === 'visitor') expect(res.statusCode, res.body).toBe(401);
        else expect([403, 404], res.body).toContain(res.statusCode);
        expect(await tableCounts(t.deps)).toEqual(before);
      });
    }
  }
});
