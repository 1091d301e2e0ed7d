import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAbilities } from '../../api/session.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { FollowForm } from './FollowForm.tsx';
import { PostCard } from './PostCard.tsx';
import { PublishForm } from './PublishForm.tsx';
import { usePosts } from './news.api.ts';

/** The network's news, newest first; coordinators publish from here. */
export function NewsPage() {
  const { t } = useTranslation();
  usePageTitle(t('news.title'));
  const posts = usePosts();
  const abilities = useAbilities();
  return (
    <Stack gap="xl" maw={880}>
      <Stack gap="xs">
        <Title order={1}>{t('news.title')}</Title>
        <Text>{t('news.intro')}</Text>
        <Anchor href="/feeds/news.atom" size="sm">
          {t('news.feed')}
        </Anchor>
      </Stack>
      {abilities.manageNetwork && <PublishForm coopId={null} />}
      <section aria-labelledby="news-list">
        <Title order={2} id="news-list" mb="sm">
          {t('news.latest')}
        </Title>
        {posts.isPending ? (
          <Loading />
        ) : posts.error ? (
          <ErrorAlert error={posts.error} />
        ) : posts.data.items.length === 0 ? (
          <Text>{t('news.none')}</Text>
        ) : (
          <Stack gap="sm">
            {posts.data.items.map((p) => (
              <PostCard key={p.id} post={p} />
            ))}
          </Stack>
        )}
      </section>
      <FollowForm />
    </Stack>
  );
}
