import { Button, Radio, Stack, TextInput, Textarea, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { usePublish } from './news.api.ts';

/** A coordinator's (or a co-op admin's, with `coopId`) form to publish a post. */
export function PublishForm({ coopId }: { coopId: string | null }) {
  const { t } = useTranslation();
  const publish = usePublish();
  const [title, setTitle] = useState('');
  const [summary, setSummary] = useState('');
  const [body, setBody] = useState('');
  const [visibility, setVisibility] = useState<'public' | 'members'>('public');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    publish.mutate(
      { coopId, title, summary, body, visibility },
      {
        onSuccess: () => {
          setTitle('');
          setSummary('');
          setBody('');
        },
      },
    );
  };
  return (
    <section aria-labelledby="news-publish">
      <Title order={2} id="news-publish" mb="sm">
        {t('news.publish.title')}
      </Title>
      <form onSubmit={submit}>
        <Stack gap="sm">
          <TextInput
            label={t('news.publish.postTitle')}
            required
            maxLength={160}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
          />
          <Textarea
            label={t('news.publish.summary')}
            required
            maxLength={400}
            autosize
            minRows={2}
            value={summary}
            onChange={(e) => setSummary(e.currentTarget.value)}
          />
          <Textarea
            label={t('news.publish.body')}
            description={t('news.publish.bodyHelp')}
            required
            maxLength={20000}
            autosize
            minRows={5}
            value={body}
            onChange={(e) => setBody(e.currentTarget.value)}
          />
          <Radio.Group
            label={t('news.publish.visibility')}
            value={visibility}
            onChange={(v) => setVisibility(v === 'members' ? 'members' : 'public')}
          >
            <Stack gap={4} mt={4}>
              <Radio value="public" label={t('news.visibility.public')} />
              <Radio value="members" label={t('news.visibility.members')} />
            </Stack>
          </Radio.Group>
          {publish.error && <ErrorAlert error={publish.error} />}
          <Button type="submit" loading={publish.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('news.publish.submit')}
          </Button>
        </Stack>
      </form>
    </section>
  );
}
