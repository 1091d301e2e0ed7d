import type { Coop } from '@coopnet/contract/coops';
import { Anchor, Avatar, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../components/useFormat.ts';
import { useSectorNames } from '../network/sectors.api.ts';

export function CoopCard({ coop }: { coop: Coop }) {
  const { t } = useTranslation();
  const { name: sectorName } = useSectorNames();
  const fmt = useFormat();
  return (
    <Card withBorder padding="md" component="article">
      <Group wrap="nowrap" align="flex-start" gap="sm">
        <Avatar src={coop.logoUrl} alt="" radius="sm" color="blue" variant="filled" aria-hidden>
          {coop.name.slice(0, 2).toUpperCase()}
        </Avatar>
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Title order={3} fz="lg" className="break-anywhere">
            <Anchor component={Link} to={`/coops/${coop.slug}`}>
              {coop.name}
            </Anchor>
          </Title>
          <Group gap="xs">
            <Badge variant="filled" color="gray.8" tt="none">
              {sectorName(coop.sector)}
            </Badge>
            <Text size="sm">{coop.city}</Text>
          </Group>
          <Text size="sm">
            {t('showcase.coop.knownWorkersCount', { count: coop.knownWorkers, formatted: fmt.number(coop.knownWorkers) })}
          </Text>
          {coop.description && (
            <Text size="sm" lineClamp={3}>
              {coop.description}
            </Text>
          )}
        </Stack>
      </Group>
    </Card>
  );
}
