import type { NeedKind } from '@coopnet/contract/ventures';
import {
  Anchor,
  Button,
  CloseButton,
  Fieldset,
  Group,
  NativeSelect,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { fieldErrorsOf } from '../../api/errors.ts';
import { useSession } from '../../api/session.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { NoAccess } from '../../components/NoAccess.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useSectorNames } from '../network/sectors.api.ts';
import { usePropose } from './ventures.api.ts';

export const NEED_KINDS: NeedKind[] = ['skill', 'space', 'capital'];

/** A worker of a member co-op proposes a venture: what it will do, their role in it, and what it needs. */
export function ProposeVenturePage() {
  const { t } = useTranslation();
  usePageTitle(t('ventures.propose.title'));
  const session = useSession();
  const sectors = useSectorNames();
  const navigate = useNavigate();
  const propose = usePropose();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [sector, setSector] = useState('');
  const [role, setRole] = useState('');
  const [needs, setNeeds] = useState<{ kind: NeedKind; description: string }[]>([]);
  const errors = fieldErrorsOf(propose.error);
  if (!session.data?.person) return <NoAccess />;

  const submit = () =>
    propose.mutate(
      {
        name: name.trim(),
        description: description.trim(),
        sector: sector || null,
        role: role.trim(),
        needs: needs.filter((n) => n.description.trim()).map((n) => ({ ...n, description: n.description.trim() })),
      },
      { onSuccess: (v) => void navigate(`/ventures/${v.id}`) },
    );

  return (
    <Stack gap="lg" maw={720}>
      <Stack gap="xs">
        <Anchor component={Link} to="/ventures" size="sm">
          {t('ventures.back')}
        </Anchor>
        <Title order={1}>{t('ventures.propose.title')}</Title>
        <Text>{t('ventures.propose.intro')}</Text>
      </Stack>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack gap="md">
          <TextInput
            label={t('ventures.fields.name')}
            required
            maxLength={120}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.name}
          />
          <Textarea
            label={t('ventures.fields.description')}
            description={t('ventures.fields.descriptionHelp')}
            required
            autosize
            minRows={4}
            maxLength={4000}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            error={errors.description}
          />
          <NativeSelect
            label={t('ventures.fields.sector')}
            value={sector}
            onChange={(e) => setSector(e.currentTarget.value)}
            data={[{ value: '', label: t('ventures.fields.noSector') }, ...sectors.choices]}
            error={errors.sector}
          />
          <TextInput
            label={t('ventures.fields.role')}
            description={t('ventures.fields.roleHelp')}
            required
            maxLength={120}
            value={role}
            onChange={(e) => setRole(e.currentTarget.value)}
            error={errors.role}
          />
          <Fieldset legend={t('ventures.needs.title')}>
            <Stack gap="sm">
              {needs.map((n, i) => (
                <Group key={i} align="flex-end" wrap="wrap" gap="xs">
                  <NativeSelect
                    label={t('ventures.needs.kind')}
                    value={n.kind}
                    onChange={(e) =>
                      setNeeds(needs.map((x, j) => (j === i ? { ...x, kind: e.currentTarget.value as NeedKind } : x)))
                    }
                    data={NEED_KINDS.map((k) => ({ value: k, label: t(`ventures.needKinds.${k}`) }))}
                  />
                  <TextInput
                    label={t('ventures.needs.description')}
                    maxLength={300}
                    style={{ flex: '1 1 12rem' }}
                    value={n.description}
                    onChange={(e) =>
                      setNeeds(needs.map((x, j) => (j === i ? { ...x, description: e.currentTarget.value } : x)))
                    }
                    error={errors[`needs.${i}.description`]}
                  />
                  <CloseButton
                    aria-label={t('ventures.needs.remove')}
                    onClick={() => setNeeds(needs.filter((_, j) => j !== i))}
                  />
                </Group>
              ))}
              <Button
                variant="default"
                style={{ alignSelf: 'flex-start' }}
                onClick={() => setNeeds([...needs, { kind: 'skill', description: '' }])}
              >
                {t('ventures.needs.add')}
              </Button>
            </Stack>
          </Fieldset>
          {propose.error && <ErrorAlert error={propose.error} />}
          <Button type="submit" loading={propose.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('ventures.propose.send')}
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}
