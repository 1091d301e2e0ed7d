/** The network, its co-ops and people, accounts, audit log, mail outbox. */
import type { Kysely } from 'kysely';

const text = 'text' as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('network')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('name', text, (c) => c.notNull())
    .addColumn('currency', text, (c) => c.notNull())
    .addColumn('locale', text, (c) => c.notNull())
    .addColumn('time_zone', text, (c) => c.notNull())
    .addColumn('logo_url', text)
    .addColumn('description', text)
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('coops')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('slug', text, (c) => c.notNull().unique())
    .addColumn('name', text, (c) => c.notNull())
    .addColumn('search_text', text, (c) => c.notNull())
    .addColumn('legal_form', text, (c) => c.notNull())
    .addColumn('sector', text, (c) => c.notNull())
    .addColumn('address', text, (c) => c.notNull())
    .addColumn('city', text, (c) => c.notNull())
    .addColumn('latitude', 'double precision')
    .addColumn('longitude', 'double precision')
    .addColumn('description', text, (c) => c.notNull())
    .addColumn('website', text)
    .addColumn('logo_url', text)
    .addColumn('worker_count', 'integer', (c) => c.notNull())
    .addColumn('status', text, (c) => c.notNull())
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .addColumn('admitted_at', text)
    .execute();
  await db.schema.createIndex('coops_status_name').on('coops').columns(['status', 'name']).execute();
  await db.schema.createIndex('coops_status_sector').on('coops').columns(['status', 'sector', 'name']).execute();

  await db.schema
    .createTable('people')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('email', text, (c) => c.notNull().unique())
    .addColumn('display_name', text, (c) => c.notNull())
    .addColumn('password_hash', text)
    .addColumn('coop_id', text, (c) => c.references('coops.id'))
    .addColumn('supporter', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', text, (c) => c.notNull())
    .addColumn('locale', text)
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .addColumn('left_at', text)
    .execute();
  await db.schema.createIndex('people_coop').on('people').columns(['coop_id', 'status', 'display_name']).execute();

  await db.schema
    .createTable('join_applications')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('coop_id', text, (c) => c.notNull().references('coops.id'))
    .addColumn('contact_name', text, (c) => c.notNull())
    .addColumn('contact_email', text, (c) => c.notNull())
    .addColumn('message', text, (c) => c.notNull())
    .addColumn('status', text, (c) => c.notNull())
    .addColumn('decided_by', text, (c) => c.references('people.id'))
    .addColumn('decided_at', text)
    .addColumn('decision_note', text)
    .addColumn('created_at', text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('join_applications_status').on('join_applications').columns(['status', 'created_at']).execute();

  await db.schema
    .createTable('role_grants')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('person_id', text, (c) => c.notNull().references('people.id'))
    .addColumn('role', text, (c) => c.notNull())
    .addColumn('coop_id', text, (c) => c.notNull())
    .addColumn('created_at', text, (c) => c.notNull())
    .addUniqueConstraint('role_grants_unique', ['person_id', 'role', 'coop_id'])
    .execute();
  await db.schema.createIndex('role_grants_coop').on('role_grants').columns(['coop_id', 'role']).execute();

  await db.schema
    .createTable('invitations')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('token_hash', text, (c) => c.notNull().unique())
    .addColumn('email', text, (c) => c.notNull())
    .addColumn('display_name', text, (c) => c.notNull())
    .addColumn('coop_id', text, (c) => c.references('coops.id'))
    .addColumn('role', text, (c) => c.notNull())
    .addColumn('created_by', text, (c) => c.references('people.id'))
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('expires_at', text, (c) => c.notNull())
    .addColumn('accepted_at', text)
    .addColumn('person_id', text, (c) => c.references('people.id'))
    .execute();
  await db.schema.createIndex('invitations_coop').on('invitations').columns(['coop_id', 'created_at']).execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('token_hash', text, (c) => c.notNull().unique())
    .addColumn('person_id', text, (c) => c.notNull().references('people.id'))
    .addColumn('csrf_token', text, (c) => c.notNull())
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('expires_at', text, (c) => c.notNull())
    .addColumn('last_seen_at', text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_person').on('sessions').column('person_id').execute();

  await db.schema
    .createTable('password_resets')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('token_hash', text, (c) => c.notNull().unique())
    .addColumn('person_id', text, (c) => c.notNull().references('people.id'))
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('expires_at', text, (c) => c.notNull())
    .addColumn('used_at', text)
    .execute();

  await db.schema
    .createTable('api_tokens')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('token_hash', text, (c) => c.notNull().unique())
    .addColumn('person_id', text, (c) => c.notNull().references('people.id'))
    .addColumn('name', text, (c) => c.notNull())
    .addColumn('scopes', text, (c) => c.notNull())
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('last_used_at', text)
    .addColumn('revoked_at', text)
    .execute();
  await db.schema.createIndex('api_tokens_person').on('api_tokens').column('person_id').execute();

  await db.schema
    .createTable('audit_events')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('at', text, (c) => c.notNull())
    .addColumn('actor_id', text)
    .addColumn('action', text, (c) => c.notNull())
    .addColumn('subject_type', text, (c) => c.notNull())
    .addColumn('subject_id', text, (c) => c.notNull())
    .addColumn('coop_id', text)
    .addColumn('before_json', text)
    .addColumn('after_json', text)
    .execute();
  await db.schema.createIndex('audit_events_seq').on('audit_events').columns(['seq', 'id']).execute();
  await db.schema.createIndex('audit_events_action').on('audit_events').columns(['action', 'seq']).execute();
  await db.schema.createIndex('audit_events_subject').on('audit_events').columns(['subject_id', 'seq']).execute();
  await db.schema.createIndex('audit_events_actor').on('audit_events').columns(['actor_id', 'seq']).execute();

  await db.schema
    .createTable('outbox_mail')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('to_address', text, (c) => c.notNull())
    .addColumn('subject', text, (c) => c.notNull())
    .addColumn('body_text', text, (c) => c.notNull())
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('sent_at', text)
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', text)
    .execute();
  await db.schema.createIndex('outbox_mail_unsent').on('outbox_mail').columns(['sent_at', 'created_at']).execute();

  await db.schema
    .createTable('idempotency_keys')
    .addColumn('key', text, (c) => c.notNull())
    .addColumn('scope', text, (c) => c.notNull())
    .addColumn('request_hash', text, (c) => c.notNull())
    .addColumn('status_code', 'integer', (c) => c.notNull())
    .addColumn('response_json', text, (c) => c.notNull())
    .addColumn('created_at', text, (c) => c.notNull())
    .addPrimaryKeyConstraint('idempotency_keys_pk', ['scope', 'key'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('migrations are append-only');
}
