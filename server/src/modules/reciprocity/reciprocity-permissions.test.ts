/**
 * Who may do what with the reciprocity accounts, as one table: every role
 * against every action. A refusal is 401 for a visitor, 403 for anyone
 * signed in (the accounts exist for everyone; they are the members'
 * business), and changes nothing.
 */
import { beforeAll, expect, it } from 'vitest';
import { actorClient, makeCoop, tableCounts } from '../../../test/factories.ts';
import { Client, describeOnDatabases } from '../../../test/harness.ts';

const ROLES = ['visitor', 'supporter', 'workerA', 'adminA', 'cashierA', 'treasurer', 'coordinator'] as const;
type RoleName = (typeof ROLES)[number];
const members: RoleName[] = ['workerA', 'adminA', 'cashierA', 'treasurer', 'coordinator'];

const MAY: Record<string, RoleName[]> = {
  'GET /reciprocity': members,
  'GET /reciprocity/months': members,
  'GET /reciprocity.csv': members,
  'GET /reciprocity/settlement-policy': members,
  'GET /reciprocity/settlements': members,
  'PUT /reciprocity/settlement-policy': ['coordinator'],
  'POST /reciprocity/settlements': ['coordinator'],
};

describeOnDatabases('reciprocity permissions', (t) => {
  const clients = {} as Record<RoleName, Client>;
  beforeAll(async () => {
    const a = await makeCoop(t.deps);
    clients.visitor = new Client(t.app);
    clients.supporter = (await actorClient(t.deps, t.app, { supporter: true })).client;
    clients.workerA = (await actorClient(t.deps, t.app, { coopId: a.id })).client;
    clients.adminA = (await actorClient(t.deps, t.app, { coopId: a.id, roles: [{ role: 'coop_admin', coopId: a.id }] })).client;
    clients.cashierA = (await actorClient(t.deps, t.app, { coopId: a.id, roles: [{ role: 'cashier', coopId: a.id }] })).client;
    // Network roles held by people who are no co-op's workers.
    clients.treasurer = (await actorClient(t.deps, t.app, { roles: [{ role: 'treasurer' }] })).client;
    clients.coordinator = (await actorClient(t.deps, t.app, { roles: [{ role: 'coordinator' }] })).client;
    const set = await clients.coordinator.request('PUT', '/api/v1/reciprocity/settlement-policy', { policy: 'fund_reimburses_givers', thresholdCents: 0 });
    expect(set.statusCode).toBe(200);
  });

  for (const [action, allowed] of Object.entries(MAY)) {
    for (const role of ROLES) {
      const may = allowed.includes(role);
      it(`${action} by ${role}: ${may ? 'yes' : 'no'}`, async () => {
        const [method, path] = action.split(' ') as ['GET' | 'PUT' | 'POST', string];
        const body =
          method === 'PUT'
            ? { policy: 'fund_reimburses_givers', thresholdCents: 100 }
            : method === 'POST'
              ? { month: `2024-${String(ROLES.indexOf(role) + 1).padStart(2, '0')}` }
              : undefined;
        const before = await tableCounts(t.deps);
        const res = await clients[role].request(method, `/api/v1${path}`, body);
        if (may) {
          expect(res.statusCode, res.body).toBeLessThan(300);
          return;
        }
        expect(res.statusCode).toBe(role === 'visitor' ? 401 : 403);
        if (role === 'supporter') expect(res.json().error.code).toBe('reciprocity.members_only');
        expect(await tableCounts(t.deps)).toEqual(before);
      });
    }
  }
});
