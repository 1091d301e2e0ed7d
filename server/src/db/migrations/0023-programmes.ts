/**
 * Community programmes (a food bank, a free breakfast, housing, …): each has
 * its coordinators (people), its volunteer shifts with a number of places,
 * the people signed up to each shift, and each person's private calendar
 * link (only the hash of its secret is kept).
 */
import type { Kysely } from 'kysely';

const text = 'text' as const;
const integer = 'integer' as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('programmes')
    .addColumn('id', text, (c) => c.primaryKey())
    // food_bank | breakfast | housing | mental_health | education | media
    .addColumn('kind', text, (c) => c.notNull())
    .addColumn('name', text, (c) => c.notNull())
    .addColumn('description', text, (c) => c.notNull())
    .addColumn('created_by', text, (c) => c.notNull())
    .addColumn('created_at', text, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('programme_coordinators')
    .addColumn('programme_id', text, (c) => c.notNull().references('programmes.id'))
    .addColumn('person_id', text, (c) => c.notNull().references('people.id'))
    .addPrimaryKeyConstraint('programme_coordinators_pk', ['programme_id', 'person_id'])
    .execute();
  await db.schema
    .createTable('programme_shifts')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('programme_id', text, (c) => c.notNull().references('programmes.id'))
    .addColumn('title', text, (c) => c.notNull())
    .addColumn('starts_at', text, (c) => c.notNull())
    .addColumn('ends_at', text, (c) => c.notNull())
    .addColumn('places', integer, (c) => c.notNull())
    // how many are signed up: raised only while below places, in the sign-up's transaction
    .addColumn('taken', integer, (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', text, (c) => c.notNull())
    .addColumn('created_at', text, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('programme_shifts_programme')
    .on('programme_shifts')
    .columns(['programme_id', 'starts_at'])
    .execute();
  await db.schema
    .createTable('programme_signups')
    .addColumn('shift_id', text, (c) => c.notNull().references('programme_shifts.id'))
    .addColumn('person_id', text, (c) => c.notNull().references('people.id'))
    .addColumn('signed_at', text, (c) => c.notNull())
    .addPrimaryKeyConstraint('programme_signups_pk', ['shift_id', 'person_id'])
    .execute();
  await db.schema.createIndex('programme_signups_person').on('programme_signups').column('person_id').execute();
  await db.schema
    .createTable('programme_calendar_links')
    .addColumn('person_id', text, (c) => c.primaryKey().references('people.id'))
    .addColumn('token_hash', text, (c) => c.notNull().unique())
    .addColumn('created_at', text, (c) => c.notNull())
    .execute();
}
