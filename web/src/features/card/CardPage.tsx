import './card.css';
import { Alert, Button, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { MemberCard } from './MemberCard.tsx';
import { SavingsSection } from './SavingsSection.tsx';
import { useCardData } from './useCardData.ts';

/**
 * The member's card, to show at a till, and what it has saved them. Routed
 * outside RequireSignIn: once opened it opens again without a connection,
 * from the copy kept on the device (the service worker keeps the app itself).
 */
export function CardPage() {
  const { t } = useTranslation();
  usePageTitle(t('card.title'));
  const view = useCardData();
  return (
    <Stack gap="lg" maw={760} mx="auto" w="100%">
      <Title order={1}>{t('card.title')}</Title>
      {view.state === 'loading' && <Loading />}
      {view.state === 'error' && <ErrorAlert error={view.error} />}
      {view.state === 'noCard' && <Text>{t('card.noCard')}</Text>}
      {view.state === 'signedOut' && (
        <Stack gap="sm" align="flex-start">
          <Text>{view.offline ? t('card.offlineNothingSaved') : t('card.signInText')}</Text>
          <Button component={Link} to={`/sign-in?next=${encodeURIComponent('/card')}`}>
            {t('card.signIn')}
          </Button>
        </Stack>
      )}
      {view.state === 'card' && (
        <>
          {view.offline && (
            <Alert color="gray" variant="light" role="status">
              {t('card.offline')}
            </Alert>
          )}
          <MemberCard card={view.card} />
          <Button component={Link} to="/offers?openToMe=1" variant="light" mx="auto">
            {t('card.offersOpenToMe')}
          </Button>
          <SavingsSection
            savings={view.savings}
            savedAt={view.offline ? view.savingsAt : null}
            error={view.savingsError}
            pending={view.savingsPending}
          />
        </>
      )}
    </Stack>
  );
}
