/**
 * News: the network's (coop_id null, by coordinators) and each co-op's blog
 * (by its admins). Body is the author's Markdown text, kept as typed.
 */
import type { Kysely } from 'kysely';

const text = 'text' as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('news_posts')
    .addColumn('id', text, (c) => c.primaryKey())
    // null: the network's news; else the co-op whose blog it is
    .addColumn('coop_id', text, (c) => c.references('coops.id'))
    .addColumn('author_id', text, (c) => c.notNull().references('people.id'))
    .addColumn('title', text, (c) => c.notNull())
    .addColumn('summary', text, (c) => c.notNull())
    .addColumn('body', text, (c) => c.notNull())
    // public | members
    .addColumn('visibility', text, (c) => c.notNull())
    .addColumn('published_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .execute();
  // Who asked to be mailed new posts: of the network (scope 'network') or of a co-op's blog (scope: its id).
  // The unfollow link's token is derived from the row's id with the server's secret; only its hash is kept.
  await db.schema
    .createTable('news_followers')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('scope', text, (c) => c.notNull())
    .addColumn('email', text, (c) => c.notNull())
    .addColumn('person_id', text, (c) => c.references('people.id'))
    .addColumn('token_hash', text, (c) => c.notNull().unique())
    .addColumn('created_at', text, (c) => c.notNull())
    .addUniqueConstraint('news_followers_once', ['scope', 'email'])
    .execute();
  await db.schema.createIndex('news_posts_by_coop').on('news_posts').columns(['coop_id', 'published_at']).execute();
}
