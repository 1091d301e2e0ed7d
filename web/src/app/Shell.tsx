import { Anchor, AppShell, Box, Burger, Divider, Group, Stack } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { useNetwork } from '../api/session.ts';
import { Loading } from '../components/Loading.tsx';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { NotificationBell } from '../features/notifications/NotificationBell.tsx';
import { applyNetworkLocale } from '../i18n/index.ts';
import { AuthButton } from './AuthButton.tsx';
import { NavLinks } from './NavLinks.tsx';

/**
 * The frame of every page: a header with the network's name, the main links,
 * the language switch and sign in/out; on narrow screens the links and the
 * sign-in button move into a menu behind a burger (below 1200 px: the
 * signed-in links need that much room on one line). On a phone the language
 * switch moves into that menu too, so the network's name keeps the header's
 * room: it wraps to a second line rather than being cut.
 */
export function Shell() {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const narrow = useMediaQuery('(max-width: 74.99em)');
  const location = useLocation();
  const { data: network } = useNetwork();

  useEffect(() => close(), [location.pathname, close]);
  useEffect(() => {
    if (network?.locale) applyNetworkLocale(network.locale);
  }, [network?.locale]);

  return (
    <AppShell
      header={{ height: 64 }}
      navbar={{ width: 280, breakpoint: 'lg', collapsed: { mobile: !opened, desktop: true } }}
      padding="md"
    >
      <a href="#main" className="skip-link">
        {t('nav.skip')}
      </a>
      <AppShell.Header px="md">
        <Group h="100%" justify="space-between" wrap="nowrap" gap="sm">
          <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="lg"
              size="sm"
              aria-label={opened ? t('nav.closeMenu') : t('nav.openMenu')}
              aria-expanded={opened}
              aria-controls="site-menu"
            />
            <Anchor
              component={Link}
              to="/"
              fw={700}
              c="var(--mantine-color-text)"
              className="network-name"
              title={network?.name}
              underline="never"
            >
              {network?.name ?? 'Coopnet'}
            </Anchor>
          </Group>
          <Group gap="lg" wrap="nowrap">
            <Group visibleFrom="lg" component="nav" aria-label={t('nav.main')} wrap="nowrap">
              <NavLinks />
            </Group>
            <NotificationBell />
            <Box visibleFrom="xs">
              <LanguageSwitch />
            </Box>
            <Group visibleFrom="lg" wrap="nowrap">
              <AuthButton />
            </Group>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="md" id="site-menu" aria-label={t('nav.menu')}>
        {narrow && opened && (
          <Stack>
            <NavLinks vertical />
            <Divider />
            <Box hiddenFrom="xs">
              <LanguageSwitch />
            </Box>
            <AuthButton fullWidth />
          </Stack>
        )}
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <div style={{ maxWidth: 1100, margin: '0 auto' }}>
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </div>
      </AppShell.Main>
    </AppShell>
  );
}
