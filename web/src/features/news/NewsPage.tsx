import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAbilities } from '../../api/session.ts';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { FollowForm } from './FollowForm.tsx';
import { PostList } from './PostList.tsx';
import { PublishForm } from './PublishForm.tsx';

/** The network's news, newest first; coordinators publish from here. */
export function NewsPage() {
  const { t } = useTranslation();
  usePageTitle(t('news.title'));
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
      <PostList empty={t('news.none')} />
      <FollowForm />
    </Stack>
  );
}
