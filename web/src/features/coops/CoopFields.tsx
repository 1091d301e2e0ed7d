/**
 * The fields of a co-op's profile, shared by the application form and the
 * edit form. Values are kept as strings while typing and converted on submit.
 */
import type { CoopProfileInput } from '@coopnet/contract/coops';
import { NativeSelect, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSectorNames } from '../network/sectors.api.ts';
import { CoopLocation } from './CoopLocation.tsx';

export interface CoopFieldValues {
  name: string;
  legalForm: string;
  sector: string;
  address: string;
  city: string;
  description: string;
  website: string;
  logoUrl: string;
  workerCount: string;
  latitude: string;
  longitude: string;
}

export const emptyCoopFields: CoopFieldValues = {
  name: '',
  legalForm: '',
  sector: '',
  address: '',
  city: '',
  description: '',
  website: '',
  logoUrl: '',
  workerCount: '',
  latitude: '',
  longitude: '',
};

export function coopFieldsFrom(c: Partial<CoopProfileInput>): CoopFieldValues {
  const s = (v: string | number | null | undefined) => (v === null || v === undefined ? '' : String(v));
  return {
    name: s(c.name),
    legalForm: s(c.legalForm),
    sector: s(c.sector),
    address: s(c.address),
    city: s(c.city),
    description: s(c.description),
    website: s(c.website),
    logoUrl: s(c.logoUrl),
    workerCount: s(c.workerCount),
    latitude: s(c.latitude),
    longitude: s(c.longitude),
  };
}

const num = (v: string): number | null => {
  const trimmed = v.trim().replace(',', '.');
  if (!trimmed) return null;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : NaN;
};

/** The profile the API takes; blank optional fields become null (or are left out for applications). */
export function coopProfileFrom(v: CoopFieldValues, opts: { withLogo: boolean; omitBlank: boolean }): CoopProfileInput {
  const optional = (value: string | number | null) =>
    value === null || value === '' ? (opts.omitBlank ? undefined : null) : value;
  const profile: CoopProfileInput = {
    name: v.name.trim(),
    legalForm: v.legalForm.trim(),
    sector: v.sector.trim(),
    address: v.address.trim(),
    city: v.city.trim(),
    description: v.description.trim(),
    workerCount: num(v.workerCount) ?? NaN,
    website: optional(v.website.trim()) as string | null | undefined,
    latitude: optional(num(v.latitude)) as number | null | undefined,
    longitude: optional(num(v.longitude)) as number | null | undefined,
  };
  if (opts.withLogo) profile.logoUrl = optional(v.logoUrl.trim()) as string | null | undefined;
  for (const key of Object.keys(profile) as (keyof CoopProfileInput)[]) {
    if (profile[key] === undefined) delete profile[key];
  }
  return profile;
}

interface CoopFieldsProps {
  values: CoopFieldValues;
  onChange: (values: CoopFieldValues) => void;
  /** Field errors keyed by the API's path, e.g. `name` or `coop.name`. */
  errors: Record<string, string>;
  /** Prefix of the API's paths for these fields (`coop.` in an application). */
  pathPrefix?: string;
  withLogo?: boolean;
}

export function CoopFields({ values, onChange, errors, pathPrefix = '', withLogo = false }: CoopFieldsProps) {
  const { t } = useTranslation();
  const field = (key: keyof CoopFieldValues) => ({
    value: values[key],
    onChange: (e: { currentTarget: { value: string } }) => onChange({ ...values, [key]: e.currentTarget.value }),
    error: errors[`${pathPrefix}${key}`],
  });
  return (
    <>
      <TextInput label={t('coopForm.name')} required autoComplete="organization" {...field('name')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('coopForm.legalForm')}
          description={t('coopForm.legalFormHint')}
          required
          {...field('legalForm')}
        />
        <SectorSelect {...field('sector')} />
        <TextInput
          label={t('coopForm.address')}
          description={t('coopForm.addressHint')}
          required
          maxLength={200}
          autoComplete="street-address"
          {...field('address')}
        />
        <TextInput label={t('coopForm.city')} required autoComplete="address-level2" {...field('city')} />
        <TextInput
          label={t('coopForm.workerCount')}
          required
          type="number"
          inputMode="numeric"
          min={1}
          step={1}
          {...field('workerCount')}
        />
        <TextInput
          label={t('coopForm.website')}
          type="url"
          placeholder="https://"
          autoComplete="url"
          {...field('website')}
        />
      </SimpleGrid>
      <CoopLocation
        latitude={values.latitude}
        longitude={values.longitude}
        onChange={(latitude, longitude) => onChange({ ...values, latitude, longitude })}
        errors={{ latitude: errors[`${pathPrefix}latitude`], longitude: errors[`${pathPrefix}longitude`] }}
      />
      {withLogo && <TextInput label={t('coopForm.logoUrl')} type="url" placeholder="https://" {...field('logoUrl')} />}
      <Textarea label={t('coopForm.description')} autosize minRows={3} maxRows={10} {...field('description')} />
    </>
  );
}

/** The co-op's sector, chosen from the network's list (a value the list no longer holds stays choosable). */
function SectorSelect(props: { value: string; onChange: (e: { currentTarget: { value: string } }) => void; error?: string }) {
  const { t } = useTranslation();
  const { choices } = useSectorNames();
  const kept = props.value && !choices.some((c) => c.value === props.value) ? [{ value: props.value, label: props.value }] : [];
  return (
    <NativeSelect
      label={t('coopForm.sector')}
      description={t('sectors.chooseHint')}
      required
      data={[{ value: '', label: t('sectors.choose'), disabled: true }, ...kept, ...choices]}
      {...props}
    />
  );
}
