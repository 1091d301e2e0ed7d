/**
 * Ventures: co-ops being made. Each has its stage (idea → study → founding →
 * launched → member) and the history of its moves, its needs (a skill, a
 * space, capital; met or not), its founding team (people with a role), and
 * members' offers of help (a skill, or asking to join the team). Once it
 * applies to join the network, `coop_id` names the applicant co-op.
 */
import type { Kysely } from 'kysely';

const text = 'text' as const;
const integer = 'integer' as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('ventures')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('name', text, (c) => c.notNull())
    .addColumn('description', text, (c) => c.notNull())
    .addColumn('sector', text)
    // idea | study | founding | launched | member
    .addColumn('stage', text, (c) => c.notNull())
    .addColumn('coop_id', text, (c) => c.references('coops.id'))
    .addColumn('proposed_by', text, (c) => c.notNull().references('people.id'))
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('ventures_stage').on('ventures').columns(['stage', 'created_at']).execute();
  await db.schema.createIndex('ventures_coop').on('ventures').column('coop_id').execute();
  await db.schema
    .createTable('venture_stage_changes')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('venture_id', text, (c) => c.notNull().references('ventures.id'))
    .addColumn('from_stage', text)
    .addColumn('to_stage', text, (c) => c.notNull())
    .addColumn('reason', text)
    // null when the network's admission moved it
    .addColumn('changed_by', text, (c) => c.references('people.id'))
    .addColumn('changed_at', text, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('venture_stage_changes_venture')
    .on('venture_stage_changes')
    .columns(['venture_id', 'changed_at'])
    .execute();
  await db.schema
    .createTable('venture_needs')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('venture_id', text, (c) => c.notNull().references('ventures.id'))
    // skill | space | capital
    .addColumn('kind', text, (c) => c.notNull())
    .addColumn('description', text, (c) => c.notNull())
    .addColumn('met', integer, (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('venture_needs_venture').on('venture_needs').column('venture_id').execute();
  await db.schema
    .createTable('venture_team')
    .addColumn('venture_id', text, (c) => c.notNull().references('ventures.id'))
    .addColumn('person_id', text, (c) => c.notNull().references('people.id'))
    .addColumn('role', text, (c) => c.notNull())
    .addColumn('joined_at', text, (c) => c.notNull())
    .addPrimaryKeyConstraint('venture_team_pk', ['venture_id', 'person_id'])
    .execute();
  await db.schema.createIndex('venture_team_person').on('venture_team').column('person_id').execute();
  await db.schema
    .createTable('venture_offers')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('venture_id', text, (c) => c.notNull().references('ventures.id'))
    .addColumn('person_id', text, (c) => c.notNull().references('people.id'))
    // skill | join
    .addColumn('kind', text, (c) => c.notNull())
    .addColumn('text', text, (c) => c.notNull())
    // open | accepted | declined | withdrawn: changed by one conditional update
    .addColumn('status', text, (c) => c.notNull())
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('decided_by', text, (c) => c.references('people.id'))
    .addColumn('decided_at', text)
    .execute();
  await db.schema
    .createIndex('venture_offers_venture')
    .on('venture_offers')
    .columns(['venture_id', 'created_at'])
    .execute();
}
