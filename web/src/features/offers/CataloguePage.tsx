import { Alert, Button, Checkbox, Group, NativeSelect, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useSession } from '../../api/session.ts';
import { Loading } from '../../components/Loading.tsx';
import { Pager } from '../../components/Pager.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useSectors } from '../directory/directory.api.ts';
import { OfferCard } from './OfferCard.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { type CatalogueQuery, useCatalogue } from './offers.api.ts';
import { useNearMe } from './useNearMe.ts';
import { useSectorNames } from '../network/sectors.api.ts';

const PAGE_SIZE = 12;
const RADII = ['1', '5', '20'] as const;

/**
 * The public catalogue of offers. Filters live in the URL (`?openToMe=1&sector=&near=1&radiusKm=&offset=`);
 * the position itself never does (see useNearMe).
 */
export function CataloguePage() {
  const { t } = useTranslation();
  const { name: sectorName } = useSectorNames();
  usePageTitle(t('offers.catalogue.title'));
  const [params, setParams] = useSearchParams();
  const { data: session } = useSession();
  const signedIn = !!session?.person;

  const openToMe = params.get('openToMe') === '1';
  const sector = params.get('sector') ?? '';
  const near = params.get('near') === '1';
  const radius = RADII.find((r) => r === params.get('radiusKm')) ?? '5';
  const offset = Math.max(0, Number(params.get('offset') ?? 0) || 0);

  const update = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next, { replace: true });
  };

  const position = useNearMe(near, () => update({ near: '', radiusKm: '', offset: '' }));
  const located = position.kind === 'ready' ? position : null;

  const query: CatalogueQuery = { limit: PAGE_SIZE, offset };
  // "Open to me" needs someone signed in (the API answers 401 otherwise); a copied link with it still works signed out.
  if (openToMe && signedIn) query.openToMe = '1';
  if (sector) query.sector = sector;
  if (located) Object.assign(query, { lat: located.lat, lng: located.lng, radiusKm: Number(radius) });
  // While the browser is asked for the position, wait rather than show a list that is about to change.
  const list = useCatalogue(query, !near || !!located);
  const sectors = useSectors();
  const filtered = query.openToMe || sector || located;

  const sectorOptions = [
    { value: '', label: t('offers.catalogue.allSectors') },
    ...(sectors.data?.items ?? []).map((s) => ({ value: s.sector, label: sectorName(s.sector) })).sort((a, b) => a.label.localeCompare(b.label)),
  ];

  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t('offers.catalogue.title')}</Title>
        <Text mt="xs" maw={760}>
          {t('offers.catalogue.intro')}
        </Text>
      </div>

      <form role="search" aria-label={t('offers.catalogue.filters')} onSubmit={(e) => e.preventDefault()}>
        <Group align="flex-end" gap="md" wrap="wrap">
          {signedIn && (
            <Checkbox
              label={t('offers.catalogue.openToMe')}
              checked={openToMe}
              onChange={(e) => update({ openToMe: e.currentTarget.checked ? '1' : '', offset: '' })}
              mb={8}
            />
          )}
          <NativeSelect
            label={t('offers.catalogue.sector')}
            value={sector}
            data={sectorOptions}
            onChange={(e) => update({ sector: e.currentTarget.value, offset: '' })}
            style={{ flex: '1 1 200px', maxWidth: 280 }}
          />
          <Button
            variant={near ? 'filled' : 'default'}
            aria-pressed={near}
            loading={position.kind === 'asking'}
            onClick={() => update({ near: near ? '' : '1', radiusKm: '', offset: '' })}
          >
            {t('offers.catalogue.nearMe')}
          </Button>
          {located && (
            <NativeSelect
              label={t('offers.catalogue.radius')}
              value={radius}
              data={RADII.map((r) => ({ value: r, label: t('offers.catalogue.km', { km: r }) }))}
              onChange={(e) => update({ radiusKm: e.currentTarget.value === '5' ? '' : e.currentTarget.value, offset: '' })}
              style={{ flex: '0 1 140px' }}
            />
          )}
        </Group>
      </form>

      {position.kind === 'refused' && (
        <Alert color="orange" variant="light" title={t('offers.catalogue.geoRefusedTitle')} role="alert">
          {t('offers.catalogue.geoRefused')}
        </Alert>
      )}
      {position.kind === 'unavailable' && (
        <Alert color="orange" variant="light" title={t('offers.catalogue.geoRefusedTitle')} role="alert">
          {t('offers.catalogue.geoUnavailable')}
        </Alert>
      )}
      {position.kind === 'asking' && <Text>{t('offers.catalogue.locating')}</Text>}

      <ErrorAlert error={list.error} />
      {list.isLoading && <Loading />}
      {list.data && (
        <section aria-label={t('offers.catalogue.results')}>
          <Text mb="sm" aria-live="polite">
            {located
              ? t('offers.catalogue.foundNear', { count: list.data.total, km: radius })
              : t('offers.catalogue.found', { count: list.data.total })}
          </Text>
          {list.data.items.length === 0 ? (
            <Text>{filtered ? t('offers.catalogue.emptyFiltered') : t('offers.catalogue.empty')}</Text>
          ) : (
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
              {list.data.items.map((o) => (
                <OfferCard key={o.id} offer={o} headingOrder={2} showCoop />
              ))}
            </SimpleGrid>
          )}
          <Pager
            total={list.data.total}
            limit={PAGE_SIZE}
            offset={offset}
            onChange={(o) => update({ offset: o ? String(o) : '' })}
          />
        </section>
      )}
    </Stack>
  );
}
