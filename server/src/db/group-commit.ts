/**
 * Group commit for a hot write path on SQLite. Committing is most of the cost
 * of a small write (the WAL frames of the row and its indexes); when several
 * requests wait for SQLite's one connection at once, their transactions run
 * one after the other inside ONE database transaction, each in its own
 * savepoint, and share the commit.
 *
 * Each piece of work keeps its own all-or-nothing: a piece that throws is
 * rolled back to its savepoint and its caller gets the error; the others go
 * on. A caller hears of success only after the shared COMMIT; if that fails,
 * every caller of the batch gets the error and nothing of the batch is kept.
 * Work must use only the transaction it is given (the connection is busy).
 *
 * On PostgreSQL each piece is its own transaction, as usual: the pool runs
 * them in parallel and row locks order them.
 */
import { CompiledQuery } from 'kysely';
import type { Db, DialectName, Tx } from './database.ts';

type Work<T> = (trx: Tx) => Promise<T>;
interface Job {
  work: Work<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

const SAVEPOINT = CompiledQuery.raw('savepoint piece');
const RELEASE = CompiledQuery.raw('release savepoint piece');
const ROLLBACK_TO = CompiledQuery.raw('rollback to savepoint piece');
/** A bound on what one failed commit can take down with it. */
const MAX_BATCH = 64;

const queues = new WeakMap<Db, <T>(work: Work<T>) => Promise<T>>();

export function groupCommit(db: Db, dialect: DialectName): <T>(work: Work<T>) => Promise<T> {
  if (dialect !== 'sqlite') return (work) => db.transaction().execute(work);
  let run = queues.get(db);
  if (run) return run;

  let waiting: Job[] = [];
  let flushing = false;

  async function flushAll(): Promise<void> {
    while (waiting.length > 0) {
      const batch = waiting.slice(0, MAX_BATCH);
      waiting = waiting.slice(MAX_BATCH);
      const settled: (() => void)[] = [];
      try {
        await db.transaction().execute(async (trx) => {
          for (const job of batch) {
            await trx.executeQuery(SAVEPOINT);
            try {
              const value = await job.work(trx);
              await trx.executeQuery(RELEASE);
              settled.push(() => job.resolve(value));
            } catch (error) {
              await trx.executeQuery(ROLLBACK_TO);
              await trx.executeQuery(RELEASE);
              settled.push(() => job.reject(error));
            }
          }
        });
        for (const s of settled) s();
      } catch (error) {
        for (const job of batch) job.reject(error);
      }
    }
    flushing = false;
  }

  run = <T>(work: Work<T>) =>
    new Promise<T>((resolve, reject) => {
      waiting.push({ work: work as Work<unknown>, resolve: resolve as (v: unknown) => void, reject });
      if (!flushing) {
        flushing = true;
        // Let the requests already parsed in this turn of the event loop join the batch.
        setImmediate(() => void flushAll());
      }
    });
  queues.set(db, run);
  return run;
}
