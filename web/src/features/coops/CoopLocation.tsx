/**
 * The co-op's place on the map, in its profile form: the map is the main way
 * (click, or drag the marker); the latitude and longitude stay as fields to
 * type, for keyboard users and for copying from elsewhere.
 */
import type { Coop } from '@coopnet/contract/coops';
import type { Page } from '@coopnet/contract/common';
import { Button, Fieldset, Group, SimpleGrid, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useNetwork } from '../../api/session.ts';
import { Loading } from '../../components/Loading.tsx';
import type { Point } from './LocationPicker.tsx';

const LocationPicker = lazy(() => import('./LocationPicker.tsx'));

interface CoopLocationProps {
  latitude: string;
  longitude: string;
  onChange: (latitude: string, longitude: string) => void;
  errors: { latitude?: string; longitude?: string };
}

function pointOf(latitude: string, longitude: string): Point | null {
  const lat = Number(latitude.trim().replace(',', '.'));
  const lng = Number(longitude.trim().replace(',', '.'));
  if (!latitude.trim() || !longitude.trim() || !Number.isFinite(lat) || !Number.isFinite(lng)) return null;
  if (Math.abs(lat) > 90 || Math.abs(lng) > 180) return null;
  return { latitude: lat, longitude: lng };
}

/** The member co-ops that are on the map: where a new one is likely to be. */
function useNetworkPoints() {
  return useQuery({
    queryKey: ['coops', 'map', {}],
    queryFn: ({ signal }) => api<Page<Coop>>('/coops', { query: { limit: 1000, offset: 0 }, signal }),
    select: (page) =>
      page.items.flatMap((c) =>
        c.latitude !== null && c.longitude !== null ? [{ latitude: c.latitude, longitude: c.longitude }] : [],
      ),
    staleTime: 60_000,
  });
}

export function CoopLocation({ latitude, longitude, onChange, errors }: CoopLocationProps) {
  const { t, i18n } = useTranslation();
  const hintId = useId();
  const { data: network } = useNetwork();
  const around = useNetworkPoints();
  const at = pointOf(latitude, longitude);
  const number = (n: number) => n.toLocaleString(i18n.language, { maximumFractionDigits: 6 });
  return (
    <Fieldset legend={t('coopLocation.legend')} variant="unstyled" styles={{ legend: { fontWeight: 600 } }}>
      <Text size="sm" id={hintId} mb="xs">
        {t('coopLocation.hint')}
      </Text>
      <Suspense fallback={<Loading />}>
        <LocationPicker
          at={at}
          around={around.data ?? []}
          tileUrl={network?.mapTileUrl ?? ''}
          label={t('coopLocation.mapLabel')}
          describedBy={hintId}
          onPick={(p) => onChange(String(p.latitude), String(p.longitude))}
        />
      </Suspense>
      <Group justify="space-between" mt="xs" gap="xs">
        <Text size="sm" role="status">
          {at
            ? t('coopLocation.placed', { latitude: number(at.latitude), longitude: number(at.longitude) })
            : t('coopLocation.notPlaced')}
        </Text>
        {(latitude || longitude) && (
          <Button variant="subtle" size="compact-sm" onClick={() => onChange('', '')}>
            {t('coopLocation.clear')}
          </Button>
        )}
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs">
        <TextInput
          label={t('coopForm.latitude')}
          description={t('coopLocation.typeHint')}
          inputMode="decimal"
          size="sm"
          value={latitude}
          onChange={(e) => onChange(e.currentTarget.value, longitude)}
          error={errors.latitude}
        />
        <TextInput
          label={t('coopForm.longitude')}
          description={t('coopLocation.typeHint')}
          inputMode="decimal"
          size="sm"
          value={longitude}
          onChange={(e) => onChange(latitude, e.currentTarget.value)}
          error={errors.longitude}
        />
      </SimpleGrid>
    </Fieldset>
  );
}
