import type { CoopWithAbilities } from '@coopnet/contract/coops';
import { Anchor, Breadcrumbs, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, useParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { NoAccess } from '../../components/NoAccess.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useCoop } from '../coops/coops.api.ts';

/**
 * The frame of a co-op's admin pages: loads the co-op, lets through only
 * those the server says may manage its workers, and titles the page.
 */
export function CoopAdminFrame({
  title,
  children,
}: {
  title: string;
  children: (coop: CoopWithAbilities) => ReactNode;
}) {
  const { id } = useParams();
  const { t } = useTranslation();
  const { data: coop, isPending, error } = useCoop(id);
  usePageTitle(coop ? `${title} · ${coop.name}` : title);
  if (isPending) return <Loading />;
  if (error || !coop) return <ErrorAlert error={error} />;
  if (!coop.abilities.manageWorkers) return <NoAccess />;
  return (
    <Stack gap="lg">
      <nav aria-label={t('common.breadcrumbs')}>
        <Breadcrumbs separator="›">
          <Anchor component={Link} to="/dashboard">
            {t('nav.dashboard')}
          </Anchor>
          <Anchor component={Link} to={`/coops/${coop.slug}`}>
            {coop.name}
          </Anchor>
          <Text span>{title}</Text>
        </Breadcrumbs>
      </nav>
      <Title order={1}>{title}</Title>
      <Group component="nav" aria-label={t('coopAdmin.nav')} gap="lg" wrap="wrap">
        {[
          { to: `/coops/${coop.id}/workers`, label: t('coopAdmin.workers') },
          { to: `/coops/${coop.id}/invite`, label: t('coopAdmin.invite') },
          { to: `/coops/${coop.id}/import`, label: t('coopAdmin.import') },
          ...(coop.abilities.manageOffers ? [{ to: `/coops/${coop.id}/offers`, label: t('offers.manage.title') }] : []),
          { to: `/coops/${coop.slug}`, label: t('coopAdmin.profile') },
        ].map((l) => (
          <Anchor key={l.to} component={NavLink} to={l.to} end className="nav-link">
            {l.label}
          </Anchor>
        ))}
      </Group>
      {children(coop)}
    </Stack>
  );
}
