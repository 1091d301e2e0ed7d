/**
 * Secrets stay with their owner. A mail that carries a secret link (password
 * reset, invitation, sign-up confirmation) is stored with the link masked;
 * the secret itself is kept beside it only until the mail leaves by SMTP.
 * Mails written before this migration have their secret links masked here.
 * Sign-ups wait in `pending_signups` until the address is confirmed.
 */
import { type Kysely, sql } from 'kysely';

const text = 'text' as const;
const int = 'integer' as const;

/** Must equal SECRET_MASK in platform/mail/outbox.repository.ts (a migration never imports app code). */
const MASK = '[link hidden]';
const SECRET_LINK = /\/(reset-password|invitations)\/[A-Za-z0-9_-]{10,}/g;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('outbox_mail')
    .addColumn('has_secret', int, (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('outbox_mail').addColumn('secret', text).execute();

  const rows = await sql<{ id: string; body_text: string }>`
    select id, body_text from outbox_mail
    where body_text like '%/reset-password/%' or body_text like '%/invitations/%'`.execute(db);
  for (const row of rows.rows) {
    const masked = row.body_text.replace(SECRET_LINK, (_, path: string) => `/${path}/${MASK}`);
    if (masked === row.body_text) continue;
    await sql`update outbox_mail set body_text = ${masked}, has_secret = 1 where id = ${row.id}`.execute(db);
  }

  await db.schema
    .createTable('pending_signups')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('token_hash', text, (c) => c.notNull().unique())
    .addColumn('email', text, (c) => c.notNull())
    .addColumn('display_name', text, (c) => c.notNull())
    .addColumn('password_hash', text, (c) => c.notNull())
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('expires_at', text, (c) => c.notNull())
    .addColumn('used_at', text)
    .execute();
  await db.schema.createIndex('pending_signups_email').on('pending_signups').column('email').execute();
}

export async function down(): Promise<void> {
  throw new Error('migrations are append-only');
}
