import { Alert, Button, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api } from '../../api/client.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';

/** The link in every news mail: stops them, without signing in (a button, so a mail scanner opening the link changes nothing). */
export function UnfollowPage() {
  const { token = '' } = useParams();
  const { t } = useTranslation();
  usePageTitle(t('news.unfollow.title'));
  const unfollow = useMutation({ mutationFn: () => api('/news/unfollow', { method: 'POST', body: { token } }) });
  return (
    <Stack gap="md" maw={640}>
      <Title order={1}>{t('news.unfollow.title')}</Title>
      {unfollow.isSuccess ? (
        <Alert color="green" role="status">
          {t('news.unfollow.done')}
        </Alert>
      ) : (
        <>
          <Text>{t('news.unfollow.text')}</Text>
          {unfollow.error && <ErrorAlert error={unfollow.error} />}
          <Button onClick={() => unfollow.mutate()} loading={unfollow.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('news.unfollow.submit')}
          </Button>
        </>
      )}
    </Stack>
  );
}
