/**
 * What the database is for, decided once: 'demo' (the public demo network,
 * whose logins and password are printed in the README) or 'real'. `serve`
 * seeds the demo only into a database not marked 'real' (decision recorded
 * in docs/operations.md, "The demo network").
 *
 * A database that already holds a seeded demo is 'demo'; one that holds
 * people but no demo seed is 'real'; an empty one stays undecided.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('network').addColumn('purpose', 'text').execute(); // demo | real | null (undecided)
  await sql`update network set purpose = 'demo' where exists (select 1 from audit_events where action = 'demo.seeded')`.execute(db);
  await sql`update network set purpose = 'real' where purpose is null and exists (select 1 from people)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are append-only');
}
