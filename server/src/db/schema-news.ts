/** Table types of news and co-op blogs (migration 0021). */
export interface NewsPostTable {
  id: string;
  coop_id: string | null;
  author_id: string;
  title: string;
  summary: string;
  body: string;
  visibility: 'public' | 'members';
  published_at: string;
  updated_at: string;
}

export interface NewsFollowerTable {
  id: string;
  /** 'network' or a co-op's id */
  scope: string;
  email: string;
  person_id: string | null;
  token_hash: string;
  created_at: string;
  /** null until the address's owner opens the confirmation link (a signed-in person's follow is confirmed at once) */
  confirmed_at: string | null;
}

export interface NewsTables {
  news_posts: NewsPostTable;
  news_followers: NewsFollowerTable;
}
