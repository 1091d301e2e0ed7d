/**
 * The session tells the web app whether the person may read the reciprocity
 * accounts (abilities.readReciprocity), by the rule the accounts are guarded
 * with: the web app links to them only then, and never asks to be refused.
 */
import { beforeAll, expect, it } from 'vitest';
import { Client, describeOnDatabases } from '../../../test/harness.ts';
import { actorClient, makeCoop } from '../../../test/factories.ts';

describeOnDatabases('reciprocity: who is told they may read the accounts', (t) => {
  const people: Record<string, Client> = {};

  beforeAll(async () => {
    const coop = await makeCoop(t.deps);
    people.visitor = new Client(t.app);
    people.supporter = (await actorClient(t.deps, t.app, { supporter: true })).client;
    people.worker = (await actorClient(t.deps, t.app, { coopId: coop.id })).client;
    people.coordinator = (await actorClient(t.deps, t.app, { roles: [{ role: 'coordinator' }] })).client;
    people.treasurer = (await actorClient(t.deps, t.app, { roles: [{ role: 'treasurer' }] })).client;
  });

  it('says so exactly to those the accounts answer', async () => {
    const told: Record<string, [boolean, number]> = {};
    for (const [who, client] of Object.entries(people)) {
      const session = (await client.get('/api/v1/auth/session')).json();
      const accounts = await client.get('/api/v1/reciprocity/settlement-policy');
      told[who] = [session.abilities.readReciprocity, accounts.statusCode];
    }
    expect(told).toEqual({
      visitor: [false, 401],
      supporter: [false, 403],
      worker: [true, 200],
      coordinator: [true, 200],
      treasurer: [true, 200],
    });
  });
});
