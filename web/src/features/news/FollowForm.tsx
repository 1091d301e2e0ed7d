import { Alert, Button, Group, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useSession } from '../../api/session.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';

/** Be mailed new posts: a visitor gives an e-mail; a signed-in person's own is used. */
export function FollowForm({ coop }: { coop?: string }) {
  const { t } = useTranslation();
  const { data: session } = useSession();
  const signedIn = !!session?.person;
  const [email, setEmail] = useState('');
  const follow = useMutation({
    mutationFn: () => api('/news/follow', { method: 'POST', body: { coop, ...(signedIn ? {} : { email }) } }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    follow.mutate();
  };
  return (
    <section aria-labelledby="news-follow">
      <Title order={2} id="news-follow" mb="sm">
        {t('news.follow.title')}
      </Title>
      {follow.isSuccess ? (
        <Alert color="green" role="status">
          {signedIn ? t('news.follow.done') : t('news.follow.check')}
        </Alert>
      ) : (
        <form onSubmit={submit}>
          <Group align="flex-end" gap="sm">
            {!signedIn && (
              <TextInput
                type="email"
                label={t('news.follow.email')}
                required
                value={email}
                onChange={(e) => setEmail(e.currentTarget.value)}
              />
            )}
            <Button type="submit" loading={follow.isPending}>
              {t('news.follow.submit')}
            </Button>
          </Group>
          {follow.error && <ErrorAlert error={follow.error} />}
        </form>
      )}
    </section>
  );
}
