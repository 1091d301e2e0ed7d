import { Anchor, Avatar, Badge, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../components/useFormat.ts';
import { useSectorNames } from '../network/sectors.api.ts';
import type { Showcase } from './showcase.api.ts';

/** The member co-ops: logo, name, sector and town, and the way to the whole directory. */
export function CoopsSection({ coops }: { coops: Showcase['coops'] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { name: sectorName } = useSectorNames();
  if (coops.total === 0) return null;
  return (
    <section aria-labelledby="coops-title">
      <Title order={2} id="coops-title" mb="md">
        {t('showcase.coops.title')}
      </Title>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="md" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {coops.items.map((c) => (
          <Group key={c.id} component="li" wrap="nowrap" gap="sm" align="flex-start">
            <Avatar src={c.logoUrl} alt="" radius="sm" color="blue" variant="filled" aria-hidden>
              {c.name.slice(0, 2).toUpperCase()}
            </Avatar>
            <Stack gap={2} style={{ minWidth: 0 }}>
              <Anchor component={Link} to={`/coops/${c.slug}`} fw={700} className="break-anywhere">
                {c.name}
              </Anchor>
              <Group gap="xs">
                <Badge variant="filled" color="gray.8" tt="none">
                  {sectorName(c.sector)}
                </Badge>
                <Text size="sm">{c.city}</Text>
              </Group>
            </Stack>
          </Group>
        ))}
      </SimpleGrid>
      <Anchor component={Link} to="/directory" mt="md" display="inline-block" fw={700}>
        {t('showcase.coops.all', { count: coops.total, formatted: fmt.number(coops.total) })}
      </Anchor>
    </section>
  );
}
