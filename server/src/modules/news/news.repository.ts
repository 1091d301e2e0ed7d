/** The only SQL of news. */
import type { Executor } from '../../db/database.ts';
import type { NewsFollowerTable, NewsPostTable } from '../../db/schema-news.ts';

const LIMIT = 50;

function posts(db: Executor) {
  return db
    .selectFrom('news_posts as p')
    .innerJoin('people as a', 'a.id', 'p.author_id')
    .leftJoin('coops as c', 'c.id', 'p.coop_id')
    .select([
      'p.id',
      'p.coop_id',
      'p.title',
      'p.summary',
      'p.body',
      'p.visibility',
      'p.published_at',
      'p.updated_at',
      'a.display_name as author_name',
      'c.slug as coop_slug',
      'c.name as coop_name',
    ]);
}
export type PostRow = Awaited<ReturnType<ReturnType<typeof posts>['executeTakeFirstOrThrow']>>;

export async function insertPost(db: Executor, row: NewsPostTable): Promise<void> {
  await db.insertInto('news_posts').values(row).execute();
}

export async function findPost(db: Executor, id: string): Promise<PostRow | undefined> {
  return posts(db).where('p.id', '=', id).executeTakeFirst();
}

/** The newest posts of the network (coopId null) or of one co-op; public ones only unless members may read. */
export async function listPosts(db: Executor, coopId: string | null, withMembersOnly: boolean): Promise<PostRow[]> {
  let q = posts(db);
  q = coopId === null ? q.where('p.coop_id', 'is', null) : q.where('p.coop_id', '=', coopId);
  if (!withMembersOnly) q = q.where('p.visibility', '=', 'public');
  return q.orderBy('p.published_at', 'desc').orderBy('p.id').limit(LIMIT).execute();
}

export async function findCoopBySlug(db: Executor, slug: string) {
  return db.selectFrom('coops').select(['id', 'name', 'slug', 'status']).where('slug', '=', slug).executeTakeFirst();
}

export async function insertFollower(db: Executor, row: NewsFollowerTable): Promise<boolean> {
  const found = await db
    .selectFrom('news_followers')
    .select('id')
    .where('scope', '=', row.scope)
    .where('email', '=', row.email)
    .executeTakeFirst();
  if (found) return false;
  await db.insertInto('news_followers').values(row).execute();
  return true;
}

/** Confirms a follow by its link's hash; the follow, or nothing when no follow has that link. */
export async function confirmFollowerByHash(db: Executor, tokenHash: string, at: string) {
  const row = await db
    .selectFrom('news_followers')
    .select(['id', 'scope', 'confirmed_at'])
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (row && !row.confirmed_at)
    await db.updateTable('news_followers').set({ confirmed_at: at }).where('id', '=', row.id).execute();
  return row;
}

export async function deleteFollowerByHash(db: Executor, tokenHash: string) {
  return db
    .deleteFrom('news_followers')
    .where('token_hash', '=', tokenHash)
    .returning(['id', 'scope'])
    .executeTakeFirst();
}

/** Who follows a scope (confirmed follows only), with whether each is a member (a worker or holds a role). */
export async function followersOf(db: Executor, scope: string) {
  return db
    .selectFrom('news_followers as f')
    .leftJoin('people as p', 'p.id', 'f.person_id')
    .select(['f.id', 'f.email', 'p.coop_id'])
    .select((eb) =>
      eb
        .exists(eb.selectFrom('role_grants as g').select('g.id').whereRef('g.person_id', '=', 'f.person_id'))
        .as('has_role'),
    )
    .where('f.scope', '=', scope)
    .where('f.confirmed_at', 'is not', null)
    .execute();
}

export async function updatePost(
  db: Executor,
  id: string,
  changes: Partial<Pick<NewsPostTable, 'title' | 'summary' | 'body' | 'visibility'>>,
  at: string,
) {
  await db
    .updateTable('news_posts')
    .set({ ...changes, updated_at: at })
    .where('id', '=', id)
    .execute();
}
