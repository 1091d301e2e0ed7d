import { Alert, Button, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api } from '../../api/client.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';

/** The link in the mail sent to a visitor who followed: starts the mails (a button, so a mail scanner opening the link changes nothing). */
export function ConfirmFollowPage() {
  const { token = '' } = useParams();
  const { t } = useTranslation();
  usePageTitle(t('news.confirm.title'));
  const confirm = useMutation({
    mutationFn: () => api('/news/follow-confirmations', { method: 'POST', body: { token } }),
  });
  return (
    <Stack gap="md" maw={640}>
      <Title order={1}>{t('news.confirm.title')}</Title>
      {confirm.isSuccess ? (
        <Alert color="green" role="status">
          {t('news.confirm.done')}
        </Alert>
      ) : (
        <>
          <Text>{t('news.confirm.text')}</Text>
          {confirm.error && <ErrorAlert error={confirm.error} />}
          <Button onClick={() => confirm.mutate()} loading={confirm.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('news.confirm.submit')}
          </Button>
        </>
      )}
    </Stack>
  );
}
