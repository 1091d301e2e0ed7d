import { Alert, Anchor, Container, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useRouteError } from 'react-router';

/** Shown when a page crashes while rendering: says so plainly, never the stack. */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  console.error(error);
  return (
    <Container size="sm" py="xl" component="main">
      <Stack>
        <Title order={1}>{t('routeError.title')}</Title>
        <Alert color="red" variant="outline">
          {t('routeError.text')}
        </Alert>
        <Anchor href="/">{t('notFound.home')}</Anchor>
      </Stack>
    </Container>
  );
}
