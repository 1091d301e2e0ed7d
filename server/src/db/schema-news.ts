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

export interface NewsTables {
  news_posts: NewsPostTable;
}
