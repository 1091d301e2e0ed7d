/**
 * Governance: bodies and their members (delegates with terms and recall),
 * bylaws as versioned data, proposals with discussion and amendments, the
 * frozen electorate, secret or open ballots kept apart from who voted,
 * delegations of a vote, assemblies with agenda and attendance, notifications.
 */
import type { Kysely } from 'kysely';

const text = 'text' as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('bodies')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('kind', text, (c) => c.notNull()) // assembly | council | committee
    .addColumn('name', text, (c) => c.notNull())
    .addColumn('description', text, (c) => c.notNull())
    .addColumn('delegates_per_coop', 'integer') // council only
    .addColumn('created_at', text, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('body_members')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('body_id', text, (c) => c.notNull().references('bodies.id'))
    .addColumn('person_id', text, (c) => c.notNull().references('people.id'))
    .addColumn('coop_id', text) // the co-op a delegate represents
    .addColumn('term_start', text, (c) => c.notNull())
    .addColumn('term_end', text)
    .addColumn('recalled_at', text)
    .addColumn('recalled_by', text)
    .addColumn('created_at', text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('body_members_body').on('body_members').columns(['body_id', 'person_id']).execute();

  await db.schema
    .createTable('bylaws_versions')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull().unique())
    .addColumn('rules_json', text, (c) => c.notNull())
    .addColumn('adopted_at', text, (c) => c.notNull())
    .addColumn('proposal_id', text) // null for the first version
    .execute();

  await db.schema
    .createTable('proposals')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('matter', text, (c) => c.notNull()) // admission | suspension | bylaw_change | election | free | …
    .addColumn('title', text, (c) => c.notNull())
    .addColumn('body_text', text, (c) => c.notNull())
    .addColumn('subject_json', text, (c) => c.notNull())
    .addColumn('author_id', text, (c) => c.notNull().references('people.id'))
    .addColumn('body_id', text, (c) => c.references('bodies.id'))
    .addColumn('status', text, (c) => c.notNull()) // draft | discussion | voting | passed | failed | no_quorum | elected | withdrawn
    .addColumn('rule_json', text) // the bylaw rule, frozen when voting opens
    .addColumn('options_json', text, (c) => c.notNull()) // candidates / options, [] for yes-no
    .addColumn('seats', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('lot_commitment', text) // sha256 of the lot seed, published when voting opens
    .addColumn('lot_seed', text) // revealed at the close
    .addColumn('voting_opens_at', text)
    .addColumn('voting_closes_at', text)
    .addColumn('electorate_size', 'integer')
    .addColumn('result_json', text)
    .addColumn('decided_at', text)
    .addColumn('effect_applied_at', text)
    .addColumn('reminded_at', text)
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('proposals_status').on('proposals').columns(['status', 'voting_closes_at']).execute();

  await db.schema
    .createTable('proposal_comments')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('proposal_id', text, (c) => c.notNull().references('proposals.id'))
    .addColumn('parent_id', text)
    .addColumn('author_id', text, (c) => c.notNull().references('people.id'))
    .addColumn('body_text', text, (c) => c.notNull())
    .addColumn('created_at', text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('proposal_comments_proposal').on('proposal_comments').columns(['proposal_id', 'created_at']).execute();

  await db.schema
    .createTable('amendments')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('proposal_id', text, (c) => c.notNull().references('proposals.id'))
    .addColumn('author_id', text, (c) => c.notNull().references('people.id'))
    .addColumn('body_text', text, (c) => c.notNull())
    .addColumn('status', text, (c) => c.notNull()) // open | accepted | declined
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('decided_at', text)
    .execute();

  // Who may vote, frozen when voting opens; `weight` by the voting basis.
  await db.schema
    .createTable('electorate')
    .addColumn('proposal_id', text, (c) => c.notNull().references('proposals.id'))
    .addColumn('person_id', text, (c) => c.notNull().references('people.id'))
    .addColumn('coop_id', text)
    .addColumn('weight', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('electorate_pk', ['proposal_id', 'person_id'])
    .execute();

  // Who voted (and through whom): never what. No time finer than the day.
  await db.schema
    .createTable('participation')
    .addColumn('proposal_id', text, (c) => c.notNull().references('proposals.id'))
    .addColumn('person_id', text, (c) => c.notNull().references('people.id'))
    .addColumn('cast_by', text, (c) => c.notNull()) // the person themself, or their delegate
    .addColumn('receipt_code', text, (c) => c.notNull())
    .addColumn('cast_on', text, (c) => c.notNull()) // YYYY-MM-DD
    .addPrimaryKeyConstraint('participation_pk', ['proposal_id', 'person_id'])
    .execute();

  // What was voted: one ballot box per proposal, its ballots kept as one
  // shuffled list. A ballot is never a row of its own, so neither row order nor
  // a row's transaction id can tie it to the participation row written with it.
  // A secret ballot carries no voter and no time, only the hash of a token the
  // voter alone holds (to change it before the close); an open one names its voter.
  await db.schema
    .createTable('ballot_boxes')
    .addColumn('proposal_id', text, (c) => c.primaryKey().references('proposals.id'))
    .addColumn('ballots_json', text, (c) => c.notNull())
    .addColumn('ballot_count', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('delegations')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('proposal_id', text, (c) => c.notNull().references('proposals.id'))
    .addColumn('from_person_id', text, (c) => c.notNull().references('people.id'))
    .addColumn('to_person_id', text, (c) => c.notNull().references('people.id'))
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('revoked_at', text)
    .execute();
  await db.schema.createIndex('delegations_proposal').on('delegations').columns(['proposal_id', 'to_person_id']).execute();

  await db.schema
    .createTable('assemblies')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('body_id', text, (c) => c.notNull().references('bodies.id'))
    .addColumn('title', text, (c) => c.notNull())
    .addColumn('starts_at', text, (c) => c.notNull())
    .addColumn('ends_at', text, (c) => c.notNull())
    .addColumn('place', text)
    .addColumn('video_url', text)
    .addColumn('minutes', text)
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('assembly_agenda')
    .addColumn('assembly_id', text, (c) => c.notNull().references('assemblies.id'))
    .addColumn('proposal_id', text, (c) => c.notNull().references('proposals.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('assembly_agenda_pk', ['assembly_id', 'proposal_id'])
    .execute();

  await db.schema
    .createTable('attendance')
    .addColumn('assembly_id', text, (c) => c.notNull().references('assemblies.id'))
    .addColumn('person_id', text, (c) => c.notNull().references('people.id'))
    .addColumn('recorded_at', text, (c) => c.notNull())
    .addPrimaryKeyConstraint('attendance_pk', ['assembly_id', 'person_id'])
    .execute();

  await db.schema
    .createTable('notifications')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('person_id', text, (c) => c.notNull().references('people.id'))
    .addColumn('kind', text, (c) => c.notNull())
    .addColumn('subject_id', text, (c) => c.notNull())
    .addColumn('data_json', text, (c) => c.notNull())
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('read_at', text)
    .execute();
  await db.schema.createIndex('notifications_person').on('notifications').columns(['person_id', 'created_at']).execute();
}

export async function down(): Promise<void> {
  throw new Error('migrations are append-only');
}
