/**
 * A programme's impact over time: what its coordinators report for a week
 * (meals served, households housed, …), one figure per measure and week;
 * reporting it again replaces it.
 */
import type { Kysely } from 'kysely';

const text = 'text' as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('programme_figures')
    .addColumn('programme_id', text, (c) => c.notNull().references('programmes.id'))
    .addColumn('measure', text, (c) => c.notNull())
    // the Monday the week starts, YYYY-MM-DD
    .addColumn('week_of', text, (c) => c.notNull())
    .addColumn('value', 'bigint', (c) => c.notNull())
    .addColumn('reported_by', text, (c) => c.notNull())
    .addColumn('reported_at', text, (c) => c.notNull())
    .addPrimaryKeyConstraint('programme_figures_pk', ['programme_id', 'measure', 'week_of'])
    .execute();
}
