import { Alert, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from './usePageTitle.ts';

/** What someone sees on a page their abilities do not open; `text` says why, when the page knows. */
export function NoAccess({ text }: { text?: string } = {}) {
  const { t } = useTranslation();
  usePageTitle(t('noAccess.title'));
  return (
    <>
      <Title order={1} mb="md">
        {t('noAccess.title')}
      </Title>
      <Alert color="gray" variant="outline">
        {text ?? t('noAccess.text')}
      </Alert>
    </>
  );
}
