import { Button, Code, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { newCalendarLink } from './programmes.api.ts';

/** A private link to one's shifts for a phone's calendar: shown once; a new one ends the old. */
export function CalendarLink() {
  const { t } = useTranslation();
  const link = useMutation({ mutationFn: newCalendarLink });
  return (
    <Stack gap="xs" align="flex-start">
      <Text size="sm">{t('programmes.calendarIntro')}</Text>
      <Button variant="default" loading={link.isPending} onClick={() => link.mutate()}>
        {t('programmes.calendarMake')}
      </Button>
      {link.error && <ErrorAlert error={link.error} />}
      {link.data && (
        <>
          <Text size="sm">{t('programmes.calendarShown')}</Text>
          <Code block style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap', maxWidth: '100%' }}>
            {`${window.location.origin}${link.data.path}`}
          </Code>
        </>
      )}
    </Stack>
  );
}
