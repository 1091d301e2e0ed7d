import { Divider, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../api/session.ts';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { MyPledgesSection } from '../campaigns/MyPledgesSection.tsx';
import { PasswordSection } from './PasswordSection.tsx';
import { ProfileSection } from './ProfileSection.tsx';
import { TokensSection } from './TokensSection.tsx';

export function AccountPage() {
  const { t } = useTranslation();
  usePageTitle(t('account.title'));
  const { data: session } = useSession();
  const person = session?.person;
  if (!person) return null;
  return (
    <Stack gap="xl">
      <Title order={1}>{t('account.title')}</Title>
      <ProfileSection key={person.id} person={person} />
      <Divider />
      <PasswordSection key={`password-${person.id}`} />
      <Divider />
      <TokensSection person={person} />
      <Divider />
      <MyPledgesSection email={person.email} />
    </Stack>
  );
}
