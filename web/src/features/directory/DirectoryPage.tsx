import { Grid, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useNetwork } from '../../api/session.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Pager } from '../../components/Pager.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { CoopCard } from './CoopCard.tsx';
import { useCoopList, useCoopMapPoints, useSectors } from './directory.api.ts';
import { useSectorNames } from '../network/sectors.api.ts';

const CoopMap = lazy(() => import('./CoopMap.tsx'));
const PAGE_SIZE = 12;

/** The public directory of member co-ops: search, sector filter, list, and a map. */
export function DirectoryPage() {
  const { t } = useTranslation();
  const { name: sectorName } = useSectorNames();
  usePageTitle(t('directory.title'));
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const sector = params.get('sector') ?? '';
  const offset = Math.max(0, Number(params.get('offset') ?? 0) || 0);

  const [search, setSearch] = useState(q);
  const [debounced] = useDebouncedValue(search, 300);

  const update = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next, { replace: true });
  };

  useEffect(() => {
    if (debounced.trim() !== q) update({ q: debounced.trim(), offset: '' });
  }, [debounced]);

  const filter = { q, sector };
  const list = useCoopList(filter, PAGE_SIZE, offset);
  const points = useCoopMapPoints(filter);
  const sectors = useSectors();
  const { data: network } = useNetwork();

  const sectorOptions = [
    { value: '', label: t('directory.allSectors') },
    ...(sectors.data?.items ?? [])
      .map((s) => ({ value: s.sector, label: `${sectorName(s.sector)} (${s.count})` }))
      .sort((a, b) => a.label.localeCompare(b.label)),
  ];

  return (
    <Stack gap="lg">
      <Title order={1}>{t('directory.title')}</Title>
      <form
        role="search"
        aria-label={t('directory.searchForm')}
        onSubmit={(e) => {
          e.preventDefault();
          update({ q: search.trim(), offset: '' });
        }}
      >
        <Group align="flex-end" gap="md" wrap="wrap">
          <TextInput
            type="search"
            label={t('directory.search')}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            style={{ flex: '1 1 240px' }}
          />
          <NativeSelect
            label={t('directory.sector')}
            value={sector}
            data={sectorOptions}
            onChange={(e) => update({ sector: e.currentTarget.value, offset: '' })}
            style={{ flex: '0 1 240px' }}
          />
        </Group>
      </form>

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <section aria-labelledby="coops-title">
            <Title order={2} id="coops-title" mb="xs">
              {t('directory.listTitle')}
            </Title>
            {list.error && <ErrorAlert error={list.error} />}
            {list.isPending && <Loading />}
            {list.data && (
              <>
                <Text mb="sm" aria-live="polite">
                  {t('directory.found', { count: list.data.total })}
                </Text>
                <SimpleGrid cols={{ base: 1, sm: 2, md: 1, lg: 2 }} spacing="md">
                  {list.data.items.map((coop) => (
                    <CoopCard key={coop.id} coop={coop} />
                  ))}
                </SimpleGrid>
                <Pager
                  total={list.data.total}
                  limit={PAGE_SIZE}
                  offset={offset}
                  onChange={(o) => update({ offset: o ? String(o) : '' })}
                />
              </>
            )}
          </section>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <section aria-labelledby="map-title" className="directory-map">
            <Title order={2} id="map-title" mb="xs">
              {t('directory.mapTitle')}
            </Title>
            {points.data && points.data.length === 0 ? (
              <Text>{t('directory.mapEmpty')}</Text>
            ) : (
              <Suspense fallback={<Loading />}>
                <CoopMap
                  coops={points.data ?? []}
                  tileUrl={network?.mapTileUrl ?? ''}
                  label={t('directory.mapLabel')}
                />
              </Suspense>
            )}
            <Text size="sm" mt="xs">
              {t('directory.mapNote')}
            </Text>
          </section>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
