import { expect, it } from 'vitest';
import type { Tx } from './db/database.ts';
import { emitWorkerLeft, onWorkerLeft, type WorkerLeftListener } from './modules/people/index.ts';

const left = { personId: 'p1', coopId: 'c1', actorId: 'a1', reason: 'removed' as const, at: '2025-01-15T10:00:00.000Z' };

// wireModules registers the same functions on every buildApp, and tests build many apps in one process.
it('runs a listener registered twice once, and not at all once removed', async () => {
  const heard: string[] = [];
  const listener: WorkerLeftListener = async (_trx, e) => void heard.push(e.personId);
  const stop = onWorkerLeft(listener);
  onWorkerLeft(listener);
  await emitWorkerLeft({} as Tx, left);
  expect(heard).toEqual(['p1']);
  stop();
  await emitWorkerLeft({} as Tx, left);
  expect(heard).toEqual(['p1']);
});
