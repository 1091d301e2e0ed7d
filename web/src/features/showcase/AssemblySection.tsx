import { Anchor, Card, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../components/useFormat.ts';
import type { Showcase } from './showcase.api.ts';

/** The next assembly: what, when (in the network's time zone) and where. */
export function AssemblySection({ assembly }: { assembly: Showcase['nextAssembly'] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  if (!assembly) return null;
  return (
    <section aria-labelledby="assembly-title">
      <Title order={2} id="assembly-title" mb="md">
        {t('showcase.assembly.title')}
      </Title>
      <Card withBorder padding="lg" maw={720}>
        <Text fw={700} fz="lg" className="break-anywhere">
          {assembly.title}
        </Text>
        <Text mt={4}>{fmt.dateTime(assembly.startsAt)}</Text>
        {assembly.place && <Text className="break-anywhere">{assembly.place}</Text>}
        <Anchor component={Link} to="/governance" mt="sm" display="inline-block">
          {t('showcase.assembly.more')}
        </Anchor>
      </Card>
    </section>
  );
}
