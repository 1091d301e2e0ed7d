import { beforeAll, describe, expect, it } from 'vitest';
import { actorClient } from '../../../test/factories.ts';
import { type Client, describeOnDatabases } from '../../../test/harness.ts';
import type { Network } from '../../db/schema.ts';
import { createNetworkSettings } from './settings.ts';

describeOnDatabases('the network settings, kept', (t) => {
  let coordinator: Client;
  const readRow = () => t.deps.db.selectFrom('network').selectAll().orderBy('created_at').limit(1).executeTakeFirstOrThrow();

  beforeAll(async () => {
    coordinator = (await actorClient(t.deps, t.app, { roles: [{ role: 'coordinator' }] })).client;
  });

  it('reads a coordinator’s change at once, here and in what the API answers', async () => {
    expect(await t.deps.network.get()).toMatchObject({ name: 'Coopnet', timeZone: 'UTC' }); // now kept
    const res = await coordinator.patch('/api/v1/network', { name: 'Xarxa Coop', timeZone: 'Europe/Madrid' });
    expect(res.statusCode).toBe(200);
    expect(await t.deps.network.get()).toMatchObject({ name: 'Xarxa Coop', timeZone: 'Europe/Madrid' });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/.well-known/keys' })).json().network.name).toBe('Xarxa Coop');
  });

  it('shares one read among requests that arrive together, and reads again once forgotten', async () => {
    let reads = 0;
    const settings = createNetworkSettings(() => {
      reads++;
      return readRow();
    });
    const all = await Promise.all(Array.from({ length: 20 }, () => settings.get()));
    expect(reads).toBe(1);
    expect(new Set(all.map((s) => s.id)).size).toBe(1);
    await settings.get();
    await settings.today();
    expect(reads).toBe(1);
    settings.invalidate();
    await Promise.all([settings.get(), settings.month()]);
    expect(reads).toBe(2);
  });

  it('reads through a transaction it is given, while another read waits for that transaction', async () => {
    t.deps.network.invalidate();
    const settings = await t.deps.db.transaction().execute(async (trx) => {
      const outside = t.deps.network.get(); // on SQLite, queued behind this transaction
      const inside = await t.deps.network.get(trx);
      return { inside, outside };
    });
    expect((await settings.outside).id).toBe(settings.inside.id);
  });

  it('gives the network’s local day and month across midnight', async () => {
    expect((await coordinator.patch('/api/v1/network', { timeZone: 'Europe/Madrid' })).statusCode).toBe(200);
    const today = (at: Date) => t.deps.network.today(at);
    expect(await today(new Date('2025-01-15T22:30:00Z'))).toBe('2025-01-15'); // 23:30 in Madrid
    expect(await today(new Date('2025-01-15T23:30:00Z'))).toBe('2025-01-16'); // 00:30 the next day
    expect(await today(new Date('2025-07-15T22:30:00Z'))).toBe('2025-07-16'); // summer time: 00:30
    expect(await t.deps.network.month(new Date('2025-01-31T23:30:00Z'))).toBe('2025-02');
    expect((await coordinator.patch('/api/v1/network', { timeZone: 'UTC' })).statusCode).toBe(200);
    expect(await today(new Date('2025-01-15T23:30:00Z'))).toBe('2025-01-15');
  });
});

describe('the network settings, without a database', () => {
  const row = (name: string): Network =>
    ({ id: 'n1', name, currency: 'EUR', locale: 'en', time_zone: 'UTC', logo_url: null, description: null, purpose: null, created_at: '', updated_at: '' }) as Network;

  it('reads again once the time to keep them has passed: another process may have changed them', async () => {
    let reads = 0;
    const settings = createNetworkSettings(async () => row(`read ${++reads}`), 20);
    expect((await settings.get()).name).toBe('read 1');
    expect((await settings.get()).name).toBe('read 1');
    await new Promise((r) => setTimeout(r, 30));
    expect((await settings.get()).name).toBe('read 2');
  });

  it('does not keep a read begun before they were forgotten', async () => {
    let finish!: (n: Network) => void;
    let reads = 0;
    const settings = createNetworkSettings(() => {
      reads++;
      return reads === 1 ? new Promise<Network>((resolve) => (finish = resolve)) : Promise.resolve(row('new'));
    });
    const early = settings.get();
    settings.invalidate(); // the change committed while the first read was on its way
    finish(row('old'));
    expect((await early).name).toBe('old');
    expect((await settings.get()).name).toBe('new');
  });
});
