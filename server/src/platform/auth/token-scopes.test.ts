/**
 * Finding 3: an API token's scopes are an allow-list of actions. `read` writes
 * nothing; `cashier:<co-op>` does that co-op's till and nothing else; no token
 * votes, proposes, comments, edits a profile or fetches a member card.
 * The whole API is walked from its own OpenAPI document, so a route added
 * later without a decision about tokens is refused to them.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { Client, type TestContext, describeOnDatabases } from '../../../test/harness.ts';
import { actorClient, makeCoop, makePerson } from '../../../test/factories.ts';
import { makeApiToken } from '../../../test/people-factories.ts';
import { governanceCounts, openedProposal } from '../../../test/proposals-factories.ts';

/**
 * Every write a token may make, and the kind of scope that allows it; every other
 * write refuses every token. docs/security.md lists the same table.
 */
const TOKEN_WRITES: Record<string, string[]> = {
  'POST /api/v1/till/{coopId}/verify': ['cashier'],
  'POST /api/v1/till/{coopId}/redemptions': ['cashier'],
  'POST /api/v1/till/{coopId}/redemptions/sync': ['cashier'],
  'POST /api/v1/coops/{coopId}/redemptions/{id}/resolve': ['coop_admin'],
  'PATCH /api/v1/coops/{id}': ['coop_admin'],
  'POST /api/v1/coops/{id}/offers': ['coop_admin'],
  'PATCH /api/v1/offers/{id}': ['coop_admin'],
  'POST /api/v1/offers/{id}/pause': ['coop_admin'],
  'POST /api/v1/offers/{id}/resume': ['coop_admin'],
  'POST /api/v1/offers/{id}/end': ['coop_admin'],
  'DELETE /api/v1/coops/{id}/workers/{personId}': ['coop_admin'],
  'POST /api/v1/coops/{id}/invitations': ['coop_admin'],
  'POST /api/v1/coops/{id}/worker-imports': ['coop_admin'],
  'POST /api/v1/coops/{id}/roles': ['coop_admin'],
  'DELETE /api/v1/coops/{id}/roles/{personId}/{role}': ['coop_admin'],
  'PATCH /api/v1/network': ['coordinator'],
  'POST /api/v1/sectors': ['coordinator'],
  'PATCH /api/v1/sectors/{sector}': ['coordinator'],
  'PUT /api/v1/reciprocity/settlement-policy': ['coordinator'],
  'POST /api/v1/reciprocity/settlements': ['coordinator'],
  'POST /api/v1/reciprocity/settlements/{id}/payment': ['treasurer'],
  'POST /api/v1/fund/movements': ['treasurer'],
  'POST /api/v1/fund/movements/{id}/reversal': ['treasurer'],
  'PUT /api/v1/fund/books': ['treasurer'],
  'PUT /api/v1/fund/budgets/{year}/{subFund}': ['treasurer'],
  'POST /api/v1/fund/obligations': ['treasurer'],
  'POST /api/v1/fund/obligations/{id}/payments': ['treasurer'],
  'POST /api/v1/fund/statements/preview': ['treasurer'],
  'POST /api/v1/fund/statements': ['treasurer'],
  'POST /api/v1/fund/obligations/batches': ['treasurer'],
  'POST /api/v1/fund/coops/{coopId}/surplus': ['coop_admin', 'treasurer'],
  'POST /api/v1/fund/coops/{coopId}/surplus/{year}/correction': ['treasurer'],
  'POST /api/v1/fund/gifts': ['treasurer'],
  'POST /api/v1/fund/loans/{id}/repayments': ['treasurer'],
  'POST /api/v1/fund/loans/{id}/write-off': ['treasurer'],
  'POST /api/v1/fund/loans/{id}/changes': ['treasurer'],
  'POST /api/v1/fund/loans/{id}/revenues': ['treasurer'],
  'POST /api/v1/fund/loans/{id}/viability': ['treasurer'],
  'POST /api/v1/campaigns/dues/{id}/payments': ['treasurer'],
  'POST /api/v1/assemblies': ['coordinator'],
  'PATCH /api/v1/assemblies/{id}': ['coordinator'],
  'PUT /api/v1/assemblies/{id}/agenda': ['coordinator'],
  'POST /api/v1/assemblies/{id}/attendance': ['coordinator'],
  'DELETE /api/v1/assemblies/{id}/attendance/{personId}': ['coordinator'],
};
/** Reads no token makes: the member card is its holder's alone. */
const NO_TOKEN_READS = new Set(['GET /api/v1/me/card']);
/** Reads a till's token makes besides its own routes. */
const TILL_READS = new Set([
  'GET /api/v1/till/{coopId}/offers',
  'GET /api/v1/coops/{coopId}/redemptions',
  'GET /api/v1/cards/revoked',
  'GET /api/v1/.well-known/keys',
  'GET /api/v1/network',
  'GET /api/v1/auth/session',
  'GET /.well-known/coopnet-keys.json',
]);

const bearer = (t: TestContext, token: string) => {
  const c = new Client(t.app);
  c.bearer = token;
  return c;
};

describeOnDatabases('API tokens do only what their scopes allow (finding 3)', (t) => {
  let coopId: string;
  let otherCoopId: string;
  let proposalId: string;
  let operations: { method: string; path: string }[];
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    coopId = (await makeCoop(t.deps)).id;
    otherCoopId = (await makeCoop(t.deps)).id;
    // One person who holds every role, so that only the token's scopes limit it.
    const person = await makePerson(t.deps, {
      coopId,
      roles: [
        { role: 'coordinator' },
        { role: 'treasurer' },
        { role: 'coop_admin', coopId },
        { role: 'cashier', coopId },
      ],
    });
    const scopes: Record<string, string[]> = {
      read: ['read'],
      cashier: [`cashier:${coopId}`],
      coop_admin: [`coop_admin:${coopId}`],
      coordinator: ['coordinator'],
      treasurer: ['treasurer'],
    };
    for (const [name, s] of Object.entries(scopes)) tokens[name] = (await makeApiToken(t.deps, person.id, s)).token;
    tokens.all = (await makeApiToken(t.deps, person.id, Object.values(scopes).flat())).token;
    const coordinator = await actorClient(t.deps, t.app, { roles: [{ role: 'coordinator' }] });
    proposalId = await openedProposal(t, coordinator.client, { title: 'Open a bakery' });
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops)
        .filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
        .map((m) => ({ method: m.toUpperCase(), path })),
    );
    expect(operations.length).toBeGreaterThan(80);
  });

  /** The address of an operation with its co-op parameters filled in (other ids need not exist: refusal comes first). */
  const urlOf = (path: string, coop = coopId) =>
    path
      .replace('{coopId}', coop)
      .replace(/^(\/api\/v1\/coops\/)\{id\}/, `$1${coop}`)
      .replace(/\{[A-Za-z]+\}/g, '00000000-0000-4000-8000-000000000000');

  const refusedByScope = (res: { statusCode: number; body: string }) =>
    res.statusCode === 403 &&
    (JSON.parse(res.body) as { error?: { code?: string } }).error?.code === 'auth.token_scope';

  it('finding 3: every write outside the allow-list refuses a token holding every scope, and nothing changes', async () => {
    const before = await governanceCounts(t.deps);
    const client = bearer(t, tokens.all!);
    const refused: string[] = [];
    for (const { method, path } of operations) {
      const name = `${method} ${path}`;
      if (method === 'GET' || TOKEN_WRITES[name]) continue;
      const res = await client.request(method as 'POST', urlOf(path), method === 'DELETE' ? undefined : {});
      expect(refusedByScope(res), `${name} answered ${res.statusCode} ${res.body.slice(0, 120)}`).toBe(true);
      refused.push(name);
    }
    expect(refused).toContain('POST /api/v1/proposals/{id}/ballots');
    expect(refused).toContain('PATCH /api/v1/me');
    expect(refused).toContain('POST /api/v1/me/password');
    expect(await governanceCounts(t.deps)).toEqual(before);
  });

  it('finding 3: each allowed write takes its own kind of scope and refuses the others', async () => {
    for (const [name, kinds] of Object.entries(TOKEN_WRITES)) {
      const [method, path] = name.split(' ') as [string, string];
      for (const kind of ['read', 'cashier', 'coop_admin', 'coordinator', 'treasurer']) {
        const res = await bearer(t, tokens[kind]!).request(
          method as 'POST',
          urlOf(path),
          method === 'DELETE' ? undefined : {},
        );
        expect(refusedByScope(res), `${name} with ${kind}: ${res.statusCode}`).toBe(!kinds.includes(kind));
      }
    }
  });

  it('finding 3: a co-op scope acts on its own co-op only', async () => {
    const cashier = bearer(t, tokens.cashier!);
    expect((await cashier.get(`/api/v1/till/${coopId}/offers`)).statusCode).toBe(200);
    expect(refusedByScope(await cashier.get(`/api/v1/till/${otherCoopId}/offers`))).toBe(true);
    const admin = bearer(t, tokens.coop_admin!);
    expect(refusedByScope(await admin.post(`/api/v1/coops/${otherCoopId}/offers`, {}))).toBe(true);
    expect(refusedByScope(await admin.get(`/api/v1/coops/${otherCoopId}/workers`))).toBe(true);
  });

  it('finding 3: reads — `read` reads, a till token reads only what a till needs, no token reads a member card', async () => {
    for (const { method, path } of operations.filter((o) => o.method === 'GET')) {
      const name = `${method} ${path}`;
      for (const kind of ['read', 'cashier']) {
        const res = await bearer(t, tokens[kind]!).get(urlOf(path));
        const expectRefused = NO_TOKEN_READS.has(name) || (kind === 'cashier' && !TILL_READS.has(name));
        expect(refusedByScope(res), `${name} with ${kind}: ${res.statusCode}`).toBe(expectRefused);
      }
    }
    expect((await bearer(t, tokens.read!).get('/api/v1/me')).statusCode).toBe(200);
  });

  describe('the attacks that were found', () => {
    it('finding 3: a `read` or till token casts no ballot, makes no proposal, writes no comment, edits no profile, fetches no card', async () => {
      const before = await governanceCounts(t.deps);
      for (const kind of ['read', 'cashier']) {
        const c = bearer(t, tokens[kind]!);
        const attempts = [
          await c.post(`/api/v1/proposals/${proposalId}/ballots`, { ballot: { choice: 'yes' } }),
          await c.post('/api/v1/proposals', {
            matter: 'free',
            title: 'By token',
            text: 'Made by a program.',
            subject: {},
          }),
          await c.post(`/api/v1/proposals/${proposalId}/comments`, { text: 'A comment by token' }),
          await c.patch('/api/v1/me', { displayName: 'Renamed by token' }),
          await c.post('/api/v1/me/password', {
            currentPassword: 'correct horse battery',
            newPassword: 'set by a program',
          }),
          await c.get('/api/v1/me/card'),
        ];
        for (const res of attempts) expect(refusedByScope(res), `${kind}: ${res.statusCode} ${res.body}`).toBe(true);
      }
      expect(await governanceCounts(t.deps)).toEqual(before);
    });

    it('finding 3: a `read` token of a coordinator reads as a plain member: it cannot change the network', async () => {
      const c = bearer(t, tokens.read!);
      expect(refusedByScope(await c.patch('/api/v1/network', { name: 'Taken over' }))).toBe(true);
      expect((await c.get('/api/v1/audit')).statusCode).toBe(403);
    });
  });
});
