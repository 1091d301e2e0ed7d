/**
 * Participatory budgeting of the programmes sub-fund (decision 0026): rounds
 * a coordinator opens, the members eligible when it opened (their count fixes
 * each share), the projects members propose, and each member's allocation —
 * one row per member and project, replaced whole until the close. The close
 * stores each project's total and grant on the project and the movement that
 * paid it. The fund's movements gain the community programme a `programme`
 * movement is for, so a programme's budget is read from the ledger.
 */
import type { Kysely } from 'kysely';

const text = 'text' as const;
const integer = 'integer' as const;
const bigint = 'bigint' as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('ledger_movements').addColumn('programme_id', text).execute();
  await db.schema
    .createTable('budget_rounds')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('title', text, (c) => c.notNull())
    .addColumn('amount_cents', bigint, (c) => c.notNull())
    .addColumn('cap_cents', bigint, (c) => c.notNull())
    // the workers of member co-ops when it opened, and each one's share (memberShare)
    .addColumn('members', integer, (c) => c.notNull())
    .addColumn('share_cents', bigint, (c) => c.notNull())
    .addColumn('proposals_from', text, (c) => c.notNull())
    .addColumn('proposals_until', text, (c) => c.notNull())
    .addColumn('allocation_from', text, (c) => c.notNull())
    .addColumn('allocation_until', text, (c) => c.notNull())
    .addColumn('opened_by', text, (c) => c.notNull())
    .addColumn('opened_at', text, (c) => c.notNull())
    .addColumn('closed_by', text)
    .addColumn('closed_at', text)
    .addColumn('granted_cents', bigint)
    .execute();
  await db.schema
    .createTable('budget_members')
    .addColumn('round_id', text, (c) => c.notNull().references('budget_rounds.id'))
    .addColumn('person_id', text, (c) => c.notNull().references('people.id'))
    .addPrimaryKeyConstraint('budget_members_pk', ['round_id', 'person_id'])
    .execute();
  await db.schema
    .createTable('budget_projects')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('round_id', text, (c) => c.notNull().references('budget_rounds.id'))
    .addColumn('title', text, (c) => c.notNull())
    .addColumn('description', text, (c) => c.notNull())
    .addColumn('minimum_cents', bigint, (c) => c.notNull())
    .addColumn('maximum_cents', bigint, (c) => c.notNull())
    // the community programme it funds (migration 0023 makes that table later: no reference)
    .addColumn('programme_id', text)
    .addColumn('proposed_by', text, (c) => c.notNull())
    .addColumn('proposed_at', text, (c) => c.notNull())
    // set by the close: what members gave it, what it was granted, the movement that paid it
    .addColumn('total_cents', bigint)
    .addColumn('granted_cents', bigint)
    .addColumn('movement_id', text)
    .execute();
  await db.schema.createIndex('budget_projects_round').on('budget_projects').column('round_id').execute();
  await db.schema
    .createTable('budget_allocations')
    .addColumn('round_id', text, (c) => c.notNull().references('budget_rounds.id'))
    .addColumn('person_id', text, (c) => c.notNull())
    .addColumn('project_id', text, (c) => c.notNull().references('budget_projects.id'))
    .addColumn('cents', bigint, (c) => c.notNull())
    .addColumn('at', text, (c) => c.notNull())
    .addPrimaryKeyConstraint('budget_allocations_pk', ['round_id', 'person_id', 'project_id'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('migrations are append-only');
}
