import type { ApiToken, ApiTokenList, CreatedApiToken, SessionPerson } from '@coopnet/contract/auth';
import { Alert, Button, Checkbox, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { fieldErrorsOf } from '../../api/errors.ts';
import { ConfirmModal } from '../../components/ConfirmModal.tsx';
import { CopyField } from '../../components/CopyField.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { useFormat } from '../../components/useFormat.ts';

const tokensKey = ['auth', 'tokens'] as const;

/**
 * A token's scopes are the roles it keeps: `read`, `coordinator`, `treasurer`,
 * `coop_admin:<coopId>`, `cashier:<coopId>`. The choices offered are the
 * person's own roles; the server refuses anything else.
 */
function scopeChoices(person: SessionPerson): string[] {
  const scopes = ['read'];
  for (const g of person.roles) {
    const scope = g.coopId ? `${g.role}:${g.coopId}` : g.role;
    if (!scopes.includes(scope)) scopes.push(scope);
  }
  return scopes;
}

export function TokensSection({ person }: { person: SessionPerson }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<string[]>(['read']);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const tokens = useQuery({
    queryKey: tokensKey,
    queryFn: ({ signal }) => api<ApiTokenList>('/auth/tokens', { signal }),
  });
  const create = useMutation({
    mutationFn: () => api<CreatedApiToken>('/auth/tokens', { method: 'POST', body: { name: name.trim(), scopes } }),
    onSuccess: async () => {
      setName('');
      await queryClient.invalidateQueries({ queryKey: tokensKey });
    },
  });
  const revoke = useMutation({
    mutationFn: (token: ApiToken) => api(`/auth/tokens/${token.id}`, { method: 'DELETE' }),
    onSuccess: async () => {
      setRevoking(null);
      await queryClient.invalidateQueries({ queryKey: tokensKey });
    },
  });
  const errors = fieldErrorsOf(create.error);

  const scopeLabel = (scope: string) => {
    const [role, coopId] = scope.split(':');
    if (!coopId) return t(`scopes.${role}`, { defaultValue: scope });
    const coopName = coopId === person.coopId && person.coopName ? person.coopName : coopId;
    return t(`scopes.${role}Of`, { coop: coopName, defaultValue: scope });
  };

  return (
    <section aria-labelledby="tokens-title">
      <Title order={2} id="tokens-title" mb="xs">
        {t('account.tokens.title')}
      </Title>
      <Text mb="md">{t('account.tokens.intro')}</Text>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate();
        }}
      >
        <Stack gap="sm" maw={560}>
          <TextInput
            label={t('account.tokens.name')}
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.name}
          />
          <Checkbox.Group label={t('account.tokens.scopes')} value={scopes} onChange={setScopes} error={errors.scopes}>
            <Stack gap="xs" mt="xs">
              {scopeChoices(person).map((s) => (
                <Checkbox key={s} value={s} label={scopeLabel(s)} />
              ))}
            </Stack>
          </Checkbox.Group>
          <ErrorAlert error={create.error} />
          <Group>
            <Button type="submit" loading={create.isPending} disabled={scopes.length === 0}>
              {t('account.tokens.create')}
            </Button>
          </Group>
        </Stack>
      </form>
      {create.data && (
        <Alert color="yellow" variant="outline" role="status" title={t('account.tokens.createdTitle')} mt="md">
          <Stack gap="sm">
            <Text>{t('account.tokens.onlyOnce')}</Text>
            <CopyField label={t('account.tokens.newToken')} value={create.data.token} />
          </Stack>
        </Alert>
      )}
      <Title order={3} mt="lg" mb="sm">
        {t('account.tokens.listTitle')}
      </Title>
      <ErrorAlert error={tokens.error} />
      {tokens.data && tokens.data.items.length === 0 && <Text>{t('account.tokens.none')}</Text>}
      {tokens.data && tokens.data.items.length > 0 && (
        <ScrollTable label={t('account.tokens.listTitle')} minWidth={640}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('account.tokens.colName')}</Table.Th>
              <Table.Th scope="col">{t('account.tokens.colScopes')}</Table.Th>
              <Table.Th scope="col">{t('account.tokens.colCreated')}</Table.Th>
              <Table.Th scope="col">{t('account.tokens.colUsed')}</Table.Th>
              <Table.Th scope="col">{t('account.tokens.colActions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {tokens.data.items.map((tok) => (
              <Table.Tr key={tok.id}>
                <Table.Td>{tok.name}</Table.Td>
                <Table.Td>{tok.scopes.map(scopeLabel).join(', ')}</Table.Td>
                <Table.Td>{fmt.date(tok.createdAt)}</Table.Td>
                <Table.Td>{tok.lastUsedAt ? fmt.dateTime(tok.lastUsedAt) : t('account.tokens.never')}</Table.Td>
                <Table.Td>
                  <Button
                    size="compact-sm"
                    color="red"
                    variant="default"
                    onClick={() => setRevoking(tok)}
                    aria-label={t('account.tokens.revokeNamed', { name: tok.name })}
                  >
                    {t('account.tokens.revoke')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollTable>
      )}
      <ConfirmModal
        opened={!!revoking}
        title={t('account.tokens.confirmTitle')}
        message={t('account.tokens.confirmText', { name: revoking?.name ?? '' })}
        confirmLabel={t('account.tokens.confirmRevoke')}
        loading={revoke.isPending}
        error={revoke.error}
        onConfirm={() => revoking && revoke.mutate(revoking)}
        onClose={() => {
          setRevoking(null);
          revoke.reset();
        }}
      />
    </section>
  );
}
