import { Anchor, Card, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useProgrammes } from './programmes.api.ts';

/** The network's community programmes, for anyone. */
export function ProgrammesPage() {
  const { t } = useTranslation();
  usePageTitle(t('programmes.title'));
  const list = useProgrammes();
  if (list.isPending) return <Loading />;
  if (list.error) return <ErrorAlert error={list.error} />;
  return (
    <Stack gap="lg" maw={880}>
      <Title order={1}>{t('programmes.title')}</Title>
      <Text>{t('programmes.intro')}</Text>
      <Anchor component={Link} to="/budgeting">
        {t('programmes.budgets')}
      </Anchor>
      {list.data.items.length === 0 && <Text>{t('programmes.none')}</Text>}
      {list.data.items.map((p) => (
        <Card key={p.id} withBorder component="article">
          <Text size="sm">{t(`programmes.kinds.${p.kind}`)}</Text>
          <Anchor component={Link} to={`/programmes/${p.id}`} fw={700}>
            {p.name}
          </Anchor>
          <Text size="sm" lineClamp={3}>
            {p.description}
          </Text>
        </Card>
      ))}
    </Stack>
  );
}
