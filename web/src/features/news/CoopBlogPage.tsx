import { Anchor, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useAbilities } from '../../api/session.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useCoop } from '../coops/coops.api.ts';
import { FollowForm } from './FollowForm.tsx';
import { PostList } from './PostList.tsx';
import { PublishForm } from './PublishForm.tsx';

/** A co-op's blog, newest first; its admins publish from here. */
export function CoopBlogPage() {
  const { slug = '' } = useParams();
  const { t } = useTranslation();
  const coop = useCoop(slug);
  const abilities = useAbilities();
  usePageTitle(coop.data ? t('news.blog.title', { coop: coop.data.name }) : t('news.title'));
  if (coop.isPending) return <Loading />;
  if (coop.error) return <ErrorAlert error={coop.error} />;
  const c = coop.data;
  return (
    <Stack gap="xl" maw={880}>
      <Stack gap="xs">
        <Anchor component={Link} to={`/coops/${c.slug}`} size="sm">
          {c.name}
        </Anchor>
        <Title order={1}>{t('news.blog.title', { coop: c.name })}</Title>
        <Anchor href={`/feeds/coops/${c.slug}.atom`} size="sm">
          {t('news.feed')}
        </Anchor>
      </Stack>
      {abilities.adminOfCoops.includes(c.id) && <PublishForm coopId={c.id} />}
      <PostList coop={c.slug} empty={t('news.blog.none')} />
      <FollowForm coop={c.slug} />
    </Stack>
  );
}
