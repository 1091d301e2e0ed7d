import { Anchor, Badge, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useFormat } from '../../components/useFormat.ts';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { Story } from '../campaigns/Story.tsx';
import { usePost } from './news.api.ts';

/** One post. Its Markdown text is rendered and cleaned by the same sanitizer as a campaign's story. */
export function PostPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const post = usePost(id);
  const format = useFormat();
  usePageTitle(post.data?.title ?? t('news.title'));
  if (post.isPending) return <Loading />;
  if (post.error) return <ErrorAlert error={post.error} />;
  const p = post.data;
  return (
    <Stack gap="md" maw={760} component="article">
      <Anchor component={Link} to="/news" size="sm">
        {t('news.back')}
      </Anchor>
      <Title order={1}>{p.title}</Title>
      <Group gap="xs">
        <Text size="sm" c="dimmed">
          {t('news.byline', { who: p.coopName ?? p.authorName, day: format.day(p.publishedAt.slice(0, 10)) })}
        </Text>
        {p.visibility === 'members' && <Badge variant="light">{t('news.visibility.members')}</Badge>}
      </Group>
      <Text fw={700}>{p.summary}</Text>
      <Story markdown={p.body} />
    </Stack>
  );
}
