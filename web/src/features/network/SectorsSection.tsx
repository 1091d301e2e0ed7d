/**
 * The network's sectors on the settings page: each with its name in English
 * and in Spanish, renamed in place; a new sector added with its code and both
 * names. Co-ops and offers choose from this list.
 */
import type { Sector } from '@coopnet/contract/sectors';
import { Alert, Button, Group, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf } from '../../api/errors.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useAddSector, useRenameSector, useSectorList } from './sectors.api.ts';

export function SectorsSection() {
  const { t, i18n } = useTranslation();
  const { data, isPending, error } = useSectorList();
  const language = i18n.resolvedLanguage ?? 'en';
  const sorted = [...(data?.items ?? [])].sort((a, b) =>
    (language === 'es' ? a.names.es : a.names.en).localeCompare(language === 'es' ? b.names.es : b.names.en, language),
  );
  return (
    <Stack gap="sm" component="section" aria-labelledby="sectors-title">
      <Title order={2} id="sectors-title">
        {t('sectors.title')}
      </Title>
      <Text c="dimmed">{t('sectors.intro')}</Text>
      <AddSector />
      {isPending ? <Loading /> : error ? <ErrorAlert error={error} /> : null}
      <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('sectors.list')}>
        {sorted.map((s) => (
          <li key={s.code}>
            <SectorRow sector={s} />
          </li>
        ))}
      </Stack>
    </Stack>
  );
}

function SectorRow({ sector }: { sector: Sector }) {
  const { t } = useTranslation();
  const [names, setNames] = useState(sector.names);
  const rename = useRenameSector(sector.code);
  const errors = fieldErrorsOf(rename.error);
  const changed = names.en.trim() !== sector.names.en || names.es.trim() !== sector.names.es;
  return (
    <Paper withBorder p="xs">
      <form
        aria-label={t('sectors.rowLabel', { code: sector.code })}
        onSubmit={(e) => {
          e.preventDefault();
          rename.mutate({ names: { en: names.en.trim(), es: names.es.trim() } });
        }}
      >
        <Stack gap={4}>
          <Text size="sm" c="dimmed">
            {t('sectors.code')}: <Text span ff="monospace">{sector.code}</Text>
          </Text>
          <Group align="flex-end" gap="sm" wrap="wrap">
            <TextInput
              style={{ flex: '1 1 12rem' }}
              label={t('sectors.nameEn')}
              required
              value={names.en}
              onChange={(e) => setNames({ ...names, en: e.currentTarget.value })}
              error={errors['names.en']}
            />
            <TextInput
              style={{ flex: '1 1 12rem' }}
              label={t('sectors.nameEs')}
              required
              value={names.es}
              onChange={(e) => setNames({ ...names, es: e.currentTarget.value })}
              error={errors['names.es']}
            />
            <Button type="submit" variant="light" disabled={!changed} loading={rename.isPending}>
              {t('sectors.rename')}
            </Button>
          </Group>
          <ErrorAlert error={rename.error} />
          {rename.isSuccess && !changed && (
            <Text size="sm" c="green.8" role="status">
              {t('sectors.renamed')}
            </Text>
          )}
        </Stack>
      </form>
    </Paper>
  );
}

const empty = { code: '', en: '', es: '' };

function AddSector() {
  const { t } = useTranslation();
  const [values, setValues] = useState(empty);
  const add = useAddSector();
  const errors = fieldErrorsOf(add.error);
  const field = (key: keyof typeof empty, path: string) => ({
    value: values[key],
    onChange: (e: { currentTarget: { value: string } }) => setValues({ ...values, [key]: e.currentTarget.value }),
    error: errors[path],
  });
  return (
    <Paper withBorder p="sm">
      <form
        aria-label={t('sectors.add')}
        onSubmit={(e) => {
          e.preventDefault();
          add.mutate(
            { code: values.code.trim(), names: { en: values.en.trim(), es: values.es.trim() } },
            { onSuccess: () => setValues(empty) },
          );
        }}
      >
        <Stack gap="xs">
          <Title order={3} size="h4">
            {t('sectors.add')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput label={t('sectors.code')} description={t('sectors.codeHint')} required {...field('code', 'code')} />
            <TextInput label={t('sectors.nameEn')} required {...field('en', 'names.en')} />
            <TextInput label={t('sectors.nameEs')} required {...field('es', 'names.es')} />
          </SimpleGrid>
          <ErrorAlert error={add.error} />
          {add.isSuccess && (
            <Alert color="green" variant="outline" role="status">
              {t('sectors.added')}
            </Alert>
          )}
          <Group>
            <Button type="submit" loading={add.isPending}>
              {t('sectors.addSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
