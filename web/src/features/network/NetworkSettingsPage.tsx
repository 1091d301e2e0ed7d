import type { Network, NetworkPatch } from '@coopnet/contract/network';
import { Alert, Button, Group, NativeSelect, SimpleGrid, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { fieldErrorsOf } from '../../api/errors.ts';
import { networkKey, useNetwork } from '../../api/session.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { RequireAbility } from '../../components/RequireAbility.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { LANGUAGES } from '../../i18n/index.ts';
import { SectorsSection } from './SectorsSection.tsx';

export function NetworkSettingsPage() {
  return (
    <RequireAbility ability="manageNetwork">
      <Settings />
    </RequireAbility>
  );
}

function Settings() {
  const { t } = useTranslation();
  usePageTitle(t('networkSettings.title'));
  const { data: network, isPending, error } = useNetwork();
  if (isPending) return <Loading />;
  if (error || !network) return <ErrorAlert error={error} />;
  return (
    <Stack gap="lg" maw={720}>
      <Title order={1}>{t('networkSettings.title')}</Title>
      <SettingsForm network={network} />
      <SectorsSection />
    </Stack>
  );
}

function SettingsForm({ network }: { network: Network }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [values, setValues] = useState({
    name: network.name,
    currency: network.currency,
    locale: network.locale,
    timeZone: network.timeZone,
    logoUrl: network.logoUrl ?? '',
    description: network.description ?? '',
  });
  const save = useMutation({
    mutationFn: () => {
      const body: NetworkPatch = {
        name: values.name.trim(),
        currency: values.currency.trim().toUpperCase(),
        // the select also offers the network's current locale when it is not one the server accepts; sent as
        // it is, the server's refusal names the field
        locale: values.locale as NetworkPatch['locale'],
        timeZone: values.timeZone.trim(),
        logoUrl: values.logoUrl.trim() || null,
        description: values.description.trim() || null,
      };
      return api<Network>('/network', { method: 'PATCH', body });
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: networkKey }),
  });
  const errors = fieldErrorsOf(save.error);
  const field = (key: keyof typeof values) => ({
    value: values[key],
    onChange: (e: { currentTarget: { value: string } }) => setValues({ ...values, [key]: e.currentTarget.value }),
    error: errors[key],
  });
  const locales = LANGUAGES.some((l) => l.value === values.locale)
    ? LANGUAGES.map((l) => ({ value: l.value, label: l.label }))
    : [{ value: values.locale, label: values.locale }, ...LANGUAGES.map((l) => ({ value: l.value, label: l.label }))];

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <Stack gap="sm">
        <TextInput label={t('networkSettings.name')} required {...field('name')} />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label={t('networkSettings.currency')}
            description={t('networkSettings.currencyHint')}
            required
            maxLength={3}
            {...field('currency')}
          />
          <NativeSelect label={t('networkSettings.locale')} data={locales} {...field('locale')} />
          <TextInput
            label={t('networkSettings.timeZone')}
            description={t('networkSettings.timeZoneHint')}
            required
            {...field('timeZone')}
          />
        </SimpleGrid>
        <TextInput label={t('networkSettings.logoUrl')} type="url" placeholder="https://" {...field('logoUrl')} />
        <Textarea
          label={t('networkSettings.description')}
          autosize
          minRows={3}
          maxRows={10}
          {...field('description')}
        />
        <ErrorAlert error={save.error} />
        {save.isSuccess && (
          <Alert color="green" variant="outline" role="status">
            {t('networkSettings.saved')}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('networkSettings.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
