/**
 * An import is one transaction: if the database fails half-way (here, when
 * the mails are queued after the people and invitations are written), nothing
 * of it stays.
 */
import { expect, it, vi } from 'vitest';
import { describeOnDatabases } from '../../../test/harness.ts';
import { actorClient, makeCoop, tableCounts } from '../../../test/factories.ts';
import { workersCsv } from '../../../test/people-factories.ts';

const failure = vi.hoisted(() => ({ on: false }));

vi.mock('../../platform/mail/outbox.repository.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../platform/mail/outbox.repository.ts')>();
  return {
    ...real,
    queueMails: async (...args: Parameters<typeof real.queueMails>) => {
      if (failure.on) throw new Error('disk full');
      return real.queueMails(...args);
    },
  };
});

describeOnDatabases('a worker import that fails half-way', (t) => {
  it('imports nothing and tells nothing of the internals', async () => {
    const coop = await makeCoop(t.deps);
    const { client: admin } = await actorClient(t.deps, t.app, {
      coopId: coop.id,
      roles: [{ role: 'coop_admin', coopId: coop.id }],
    });
    const csv = workersCsv(Array.from({ length: 900 }, (_, i) => `half-${i}@import.example,Half ${i}`));
    const before = await tableCounts(t.deps);
    failure.on = true;
    try {
      const res = await admin.post(`/api/v1/coops/${coop.id}/worker-imports`, { csv, dryRun: false });
      expect(res.statusCode).toBe(500);
      expect(res.json().error).toEqual({ code: 'internal', message: 'Something went wrong on our side.' });
    } finally {
      failure.on = false;
    }
    expect(await tableCounts(t.deps)).toEqual(before);
    const ok = await admin.post(`/api/v1/coops/${coop.id}/worker-imports`, { csv, dryRun: false });
    expect(ok.json().imported).toBe(900);
  });
});
