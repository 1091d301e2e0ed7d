import type { NeedKind, Venture } from '@coopnet/contract/ventures';
import {
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  NativeSelect,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAbilities } from '../../api/session.ts';
import { NEED_KINDS } from './ProposeVenturePage.tsx';
import type { useVentureChange } from './ventures.api.ts';

type Change = ReturnType<typeof useVentureChange>;

/** What the venture needs — skills, a space, capital — met or not; its team keeps the list. */
export function NeedsSection({ venture: v, change }: { venture: Venture; change: Change }) {
  const { t } = useTranslation();
  const abilities = useAbilities();
  const [kind, setKind] = useState<NeedKind>('skill');
  const [description, setDescription] = useState('');
  const capital = v.needs.some((n) => n.kind === 'capital' && !n.met);
  const purpose = t('ventures.capital.purpose', { name: v.name, link: `${window.location.origin}/ventures/${v.id}` });
  return (
    <section aria-labelledby="venture-needs">
      <Title order={2} id="venture-needs" mb="sm">
        {t('ventures.needs.title')}
      </Title>
      {v.needs.length === 0 && <Text>{t('ventures.needs.none')}</Text>}
      <Stack gap="xs">
        {v.needs.map((n) => (
          <Card key={n.id} withBorder padding="sm" component="article" aria-label={n.description}>
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Stack gap={2} style={{ minWidth: 0, flex: '1 1 14rem' }}>
                <Group gap="xs">
                  <Badge variant="light">{t(`ventures.needKinds.${n.kind}`)}</Badge>
                  <Text size="sm" fw={700}>
                    {n.met ? t('ventures.needs.met') : t('ventures.needs.open')}
                  </Text>
                </Group>
                <Text style={{ overflowWrap: 'anywhere' }}>{n.description}</Text>
              </Stack>
              {v.abilities.manage && (
                <Checkbox
                  label={t('ventures.needs.markMet')}
                  checked={n.met}
                  disabled={change.isPending}
                  onChange={(e) =>
                    change.mutate({ path: `/needs/${n.id}`, method: 'PATCH', body: { met: e.currentTarget.checked } })
                  }
                />
              )}
            </Group>
          </Card>
        ))}
      </Stack>
      {capital && (
        <Text size="sm" mt="sm">
          {t('ventures.capital.how')}{' '}
          {abilities.adminOfCoops.length > 0 && (
            <Anchor
              component={Link}
              to={`/fund/apply?${new URLSearchParams({ kind: 'seed_capital', purpose }).toString()}`}
            >
              {t('ventures.capital.sponsor')}
            </Anchor>
          )}
        </Text>
      )}
      {v.abilities.manage && v.stage !== 'member' && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            change.mutate(
              { path: '/needs', body: { kind, description: description.trim() } },
              { onSuccess: () => setDescription('') },
            );
          }}
        >
          <Group align="flex-end" wrap="wrap" gap="xs" mt="md">
            <NativeSelect
              label={t('ventures.needs.kind')}
              value={kind}
              onChange={(e) => setKind(e.currentTarget.value as NeedKind)}
              data={NEED_KINDS.map((k) => ({ value: k, label: t(`ventures.needKinds.${k}`) }))}
            />
            <TextInput
              label={t('ventures.needs.description')}
              required
              maxLength={300}
              style={{ flex: '1 1 12rem' }}
              value={description}
              onChange={(e) => setDescription(e.currentTarget.value)}
            />
            <Button type="submit" variant="default" loading={change.isPending}>
              {t('ventures.needs.add')}
            </Button>
          </Group>
        </form>
      )}
    </section>
  );
}
