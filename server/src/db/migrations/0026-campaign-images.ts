/**
 * Campaign images. The files live under DATA_DIR/campaign-images, named by
 * the SHA-256 of their (re-encoded) content; a row says which campaign
 * uploaded which file, its size, and whether it is the campaign's cover.
 */
import type { Kysely } from 'kysely';

const text = 'text' as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('campaign_images')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('campaign_id', text, (c) => c.notNull().references('campaigns.id'))
    // <sha256>.<png|jpg>: the stored file's name
    .addColumn('file', text, (c) => c.notNull())
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('bytes', 'integer', (c) => c.notNull())
    // 1 for the campaign's cover (at most one a campaign), else 0
    .addColumn('cover', 'integer', (c) => c.notNull())
    .addColumn('uploaded_by', text, (c) => c.references('people.id'))
    .addColumn('created_at', text, (c) => c.notNull())
    .addUniqueConstraint('campaign_images_once', ['campaign_id', 'file'])
    .execute();
}
