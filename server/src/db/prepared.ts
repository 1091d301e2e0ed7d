/**
 * Kysely builds and compiles every query anew, and on a hot read that costs
 * more than running it: on the directory's page it was ~60 µs of CPU a
 * request, more than all the app's hooks together (bench/coops-list.bench.ts).
 * `preparedQuery(build)` builds and compiles a query once per shape and
 * dialect, then runs the same SQL with new parameter values.
 *
 * The shape is which parameters are given (not undefined); `build` may branch
 * on that and nothing else, and must bind each parameter as it is (compute a
 * LIKE pattern before, not inside `build`). Both are checked when a shape is
 * first compiled.
 */
import { type Compilable, CompiledQuery } from 'kysely';
import type { Executor } from './database.ts';

type Value = string | number | null | undefined;
type Slot = { param: string } | { constant: unknown };
interface Prepared {
  sql: string;
  slots: Slot[];
}

const sentinel = (name: string) => `\u0000coopnet-param:${name}\u0000`;
const SENTINEL = /^\u0000coopnet-param:(.+)\u0000$/;

export function preparedQuery<P extends Record<string, Value>, R>(build: (ex: Executor, params: P) => Compilable<R>) {
  // Compiled SQL differs per dialect; a transaction shares its database's adapter.
  const byDialect = new WeakMap<object, Map<string, Prepared>>();

  function prepare(ex: Executor, shape: string, given: string[]): Prepared {
    const placeholders = Object.fromEntries(given.map((k) => [k, sentinel(k)])) as unknown as P;
    const compiled = build(ex, placeholders).compile();
    if (compiled.sql.includes('\u0000')) throw new Error(`preparedQuery: a parameter was written into the SQL instead of bound (${shape})`);
    const slots = compiled.parameters.map((v): Slot => {
      const m = typeof v === 'string' ? v.match(SENTINEL) : null;
      if (m) return { param: m[1]! };
      if (typeof v === 'string' && v.includes('\u0000')) throw new Error(`preparedQuery: a parameter was changed inside build (${shape})`);
      return { constant: v };
    });
    return { sql: compiled.sql, slots };
  }

  return async (ex: Executor, params: P): Promise<R[]> => {
    const given = Object.keys(params).filter((k) => params[k] !== undefined).sort();
    const shape = given.join(',');
    const adapter = ex.getExecutor().adapter;
    let shapes = byDialect.get(adapter);
    if (!shapes) byDialect.set(adapter, (shapes = new Map()));
    let prepared = shapes.get(shape);
    if (!prepared) shapes.set(shape, (prepared = prepare(ex, shape, given)));
    const values = prepared.slots.map((s) => ('param' in s ? params[s.param] : s.constant));
    const { rows } = await ex.executeQuery<R>(CompiledQuery.raw(prepared.sql, values));
    return rows;
  };
}
