import type { Post } from '@coopnet/contract/news';
import { Anchor, Badge, Group, Paper, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../components/useFormat.ts';

export function PostCard({ post }: { post: Post }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Paper withBorder p="md" component="article">
      <Title order={3} size="h4">
        <Anchor component={Link} to={`/news/${post.id}`}>
          {post.title}
        </Anchor>
      </Title>
      <Group gap="xs" my={4}>
        <Text size="sm" c="dimmed">
          {format.day(post.publishedAt.slice(0, 10))} · {post.coopName ?? post.authorName}
        </Text>
        {post.visibility === 'members' && <Badge variant="light">{t('news.visibility.members')}</Badge>}
      </Group>
      <Text>{post.summary}</Text>
    </Paper>
  );
}
