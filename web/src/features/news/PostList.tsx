import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PostCard } from './PostCard.tsx';
import { usePosts } from './news.api.ts';

/** The latest posts of the network (no coop) or of a co-op's blog, newest first. */
export function PostList({ coop, empty }: { coop?: string; empty: string }) {
  const { t } = useTranslation();
  const posts = usePosts(coop);
  return (
    <section aria-labelledby="news-list">
      <Title order={2} id="news-list" mb="sm">
        {t('news.latest')}
      </Title>
      {posts.isPending ? (
        <Loading />
      ) : posts.error ? (
        <ErrorAlert error={posts.error} />
      ) : posts.data.items.length === 0 ? (
        <Text>{empty}</Text>
      ) : (
        <Stack gap="sm">
          {posts.data.items.map((p) => (
            <PostCard key={p.id} post={p} />
          ))}
        </Stack>
      )}
    </section>
  );
}
