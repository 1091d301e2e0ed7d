import type { CoopWithAbilities } from '@coopnet/contract/coops';
import type { InvitationCreated, InvitationInput } from '@coopnet/contract/people';
import { Alert, Badge, Button, Group, NativeSelect, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { fieldErrorsOf } from '../../api/errors.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { useFormat } from '../../components/useFormat.ts';
import { CoopAdminFrame } from './CoopAdminFrame.tsx';
import { invitationsKey, useInvitations, workersKey } from './workers.api.ts';

export function InvitePage() {
  const { t } = useTranslation();
  return <CoopAdminFrame title={t('invite.title')}>{(coop) => <InviteForm coop={coop} />}</CoopAdminFrame>;
}

/** Invite one person to the co-op; the link is e-mailed to them and never shown here. */
function InviteForm({ coop }: { coop: CoopWithAbilities }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<InvitationInput['role']>('worker');
  const invite = useMutation({
    mutationFn: () =>
      api<InvitationCreated>(`/coops/${coop.id}/invitations`, {
        method: 'POST',
        body: { email: email.trim(), displayName: displayName.trim(), role },
      }),
    onSuccess: async () => {
      setEmail('');
      setDisplayName('');
      await queryClient.invalidateQueries({ queryKey: invitationsKey(coop.id) });
      await queryClient.invalidateQueries({ queryKey: workersKey(coop.id) });
    },
  });
  const errors = fieldErrorsOf(invite.error);

  return (
    <Stack gap="xl">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          invite.mutate();
        }}
      >
        <Stack gap="sm" maw={560}>
          <Text>{t('invite.intro', { coop: coop.name })}</Text>
          <TextInput
            label={t('invite.email')}
            type="email"
            required
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={errors.email}
          />
          <TextInput
            label={t('invite.displayName')}
            required
            value={displayName}
            onChange={(e) => setDisplayName(e.currentTarget.value)}
            error={errors.displayName}
          />
          <NativeSelect
            label={t('invite.role')}
            value={role}
            onChange={(e) => setRole(e.currentTarget.value as InvitationInput['role'])}
            data={[
              { value: 'worker', label: t('roles.worker') },
              { value: 'coop_admin', label: t('roles.coop_admin') },
            ]}
            error={errors.role}
          />
          <ErrorAlert error={invite.error} />
          <Group>
            <Button type="submit" loading={invite.isPending}>
              {t('invite.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
      {invite.data && (
        <Alert
          color={invite.data.mailed ? 'green' : 'orange'}
          variant="outline"
          role="status"
          title={t('invite.sentTitle')}
        >
          <Text>
            {invite.data.mailed
              ? t('invite.sent', { email: invite.data.email })
              : t('invite.notMailed', { email: invite.data.email })}
          </Text>
        </Alert>
      )}
      <InvitationList coopId={coop.id} />
    </Stack>
  );
}

function InvitationList({ coopId }: { coopId: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const invitations = useInvitations(coopId);
  return (
    <section aria-labelledby="invitations-title">
      <Title order={2} id="invitations-title" mb="sm">
        {t('invite.listTitle')}
      </Title>
      <ErrorAlert error={invitations.error} />
      {invitations.data && invitations.data.items.length === 0 && <Text>{t('invite.none')}</Text>}
      {invitations.data && invitations.data.items.length > 0 && (
        <ScrollTable label={t('invite.listTitle')} minWidth={640}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('invite.colName')}</Table.Th>
              <Table.Th scope="col">{t('invite.colEmail')}</Table.Th>
              <Table.Th scope="col">{t('invite.colRole')}</Table.Th>
              <Table.Th scope="col">{t('invite.colState')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {invitations.data.items.map((i) => {
              const expired = !i.acceptedAt && new Date(i.expiresAt).getTime() < Date.now();
              return (
                <Table.Tr key={i.id}>
                  <Table.Td>{i.displayName}</Table.Td>
                  <Table.Td className="break-anywhere">{i.email}</Table.Td>
                  <Table.Td>{t(`roles.${i.role}`, { defaultValue: i.role })}</Table.Td>
                  <Table.Td>
                    {i.acceptedAt ? (
                      t('invite.acceptedOn', { date: fmt.date(i.acceptedAt) })
                    ) : expired ? (
                      <Badge color="gray.8" variant="filled" tt="none">
                        {t('invite.expired')}
                      </Badge>
                    ) : (
                      t('invite.pendingUntil', { date: fmt.date(i.expiresAt) })
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </ScrollTable>
      )}
    </section>
  );
}
