import { Alert, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from './usePageTitle.ts';

/** What someone sees on a page their abilities do not open. */
export function NoAccess() {
  const { t } = useTranslation();
  usePageTitle(t('noAccess.title'));
  return (
    <>
      <Title order={1} mb="md">
        {t('noAccess.title')}
      </Title>
      <Alert color="gray" variant="outline">
        {t('noAccess.text')}
      </Alert>
    </>
  );
}
