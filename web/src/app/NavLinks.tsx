import { Anchor, Group, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useSession } from '../api/session.ts';

/** The site's main links; the current page is marked with aria-current. */
export function NavLinks({ vertical = false }: { vertical?: boolean }) {
  const { t } = useTranslation();
  const { data: session } = useSession();
  const signedIn = !!session?.person;
  const links = [
    { to: '/directory', label: t('nav.directory') },
    { to: '/offers', label: t('nav.offers') },
    { to: '/proposals', label: t('nav.proposals') },
    { to: '/governance', label: t('nav.governance') },
    { to: '/fund', label: t('fund.link') },
    ...(signedIn
      ? [
          { to: '/dashboard', label: t('nav.dashboard') },
          { to: '/card', label: t('nav.card') },
          { to: '/account', label: t('nav.account') },
        ]
      : [{ to: '/apply', label: t('nav.apply') }]),
  ];
  const items = links.map((l) => (
    <Anchor key={l.to} component={NavLink} to={l.to} className="nav-link" c="var(--mantine-color-text)" fw={500}>
      {l.label}
    </Anchor>
  ));
  return vertical ? (
    <Stack gap="md">{items}</Stack>
  ) : (
    <Group gap="lg" wrap="nowrap">
      {items}
    </Group>
  );
}
