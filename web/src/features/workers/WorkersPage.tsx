import type { CoopWithAbilities } from '@coopnet/contract/coops';
import type { Worker } from '@coopnet/contract/people';
import { Badge, Button, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, apiDownload } from '../../api/client.ts';
import { ConfirmModal } from '../../components/ConfirmModal.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Pager } from '../../components/Pager.tsx';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { CoopAdminFrame } from './CoopAdminFrame.tsx';
import { useWorkers, workersKey } from './workers.api.ts';

const PAGE_SIZE = 25;
const GRANTABLE = ['cashier', 'coop_admin'] as const;

export function WorkersPage() {
  const { t } = useTranslation();
  return <CoopAdminFrame title={t('workers.title')}>{(coop) => <WorkersList coop={coop} />}</CoopAdminFrame>;
}

/** A co-op's workers: search, remove (their card dies), and grant or revoke cashier and admin roles. */
function WorkersList({ coop }: { coop: CoopWithAbilities }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [offset, setOffset] = useState(0);
  const [removing, setRemoving] = useState<Worker | null>(null);
  const workers = useWorkers(coop.id, q, PAGE_SIZE, offset);

  const refresh = () => queryClient.invalidateQueries({ queryKey: workersKey(coop.id) });
  const remove = useMutation({
    mutationFn: (w: Worker) => api(`/coops/${coop.id}/workers/${w.id}`, { method: 'DELETE' }),
    onSuccess: async () => {
      setRemoving(null);
      await refresh();
    },
  });
  const role = useMutation({
    mutationFn: ({ w, role, grant }: { w: Worker; role: string; grant: boolean }) =>
      grant
        ? api(`/coops/${coop.id}/roles`, { method: 'POST', body: { personId: w.id, role } })
        : api(`/coops/${coop.id}/roles/${w.id}/${role}`, { method: 'DELETE' }),
    onSuccess: refresh,
  });

  return (
    <Stack gap="md">
      <PrintCards coop={coop} />
      <TextInput
        type="search"
        label={t('workers.search')}
        value={search}
        onChange={(e) => {
          setSearch(e.currentTarget.value);
          setOffset(0);
        }}
        maw={420}
      />
      <ErrorAlert error={workers.error ?? role.error} />
      {workers.isPending && <Loading />}
      {workers.data && workers.data.items.length === 0 && <Text>{t('workers.none')}</Text>}
      {workers.data && workers.data.items.length > 0 && (
        <ScrollTable label={t('workers.tableLabel', { coop: coop.name })} minWidth={760}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('workers.name')}</Table.Th>
              <Table.Th scope="col">{t('workers.email')}</Table.Th>
              <Table.Th scope="col">{t('workers.status')}</Table.Th>
              <Table.Th scope="col">{t('workers.roles')}</Table.Th>
              <Table.Th scope="col">{t('workers.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {workers.data.items.map((w) => (
              <Table.Tr key={w.id}>
                <Table.Td>{w.displayName}</Table.Td>
                <Table.Td className="break-anywhere">{w.email}</Table.Td>
                <Table.Td>{t(`workerStatus.${w.status}`, { defaultValue: w.status })}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {w.roles.length === 0 && t('roles.worker')}
                    {w.roles.map((r) => (
                      <Badge key={r} variant="filled" color="gray.8" tt="none">
                        {t(`roles.${r}`, { defaultValue: r })}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>
                  {w.status !== 'left' && (
                    <Group gap={6} wrap="wrap">
                      {GRANTABLE.map((r) => {
                        const has = w.roles.includes(r);
                        const key = `workers.${has ? 'revoke' : 'grant'}${r === 'cashier' ? 'Cashier' : 'Admin'}`;
                        return (
                          <Button
                            key={r}
                            size="compact-sm"
                            variant="default"
                            loading={role.isPending && role.variables?.w.id === w.id && role.variables.role === r}
                            aria-label={t(`${key}Named`, { name: w.displayName })}
                            onClick={() => role.mutate({ w, role: r, grant: !has })}
                          >
                            {t(key)}
                          </Button>
                        );
                      })}
                      <Button
                        size="compact-sm"
                        color="red"
                        aria-label={t('workers.removeNamed', { name: w.displayName })}
                        onClick={() => setRemoving(w)}
                      >
                        {t('workers.remove')}
                      </Button>
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollTable>
      )}
      {workers.data && <Pager total={workers.data.total} limit={PAGE_SIZE} offset={offset} onChange={setOffset} />}
      <ConfirmModal
        opened={!!removing}
        title={t('workers.confirmTitle')}
        message={t('workers.confirmText', { name: removing?.displayName ?? '', coop: coop.name })}
        confirmLabel={t('workers.confirmRemove')}
        loading={remove.isPending}
        error={remove.error}
        onConfirm={() => removing && remove.mutate(removing)}
        onClose={() => {
          setRemoving(null);
          remove.reset();
        }}
      />
    </Stack>
  );
}

/** Saves a file the app received (a blob) under its name, through a temporary link. */
function saveFile(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // Give the browser time to start the download before the address is let go.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * The co-op's cards as a PDF to print; shown only where the server would print
 * them. Printing replaces every worker's card, so it is asked for with a POST,
 * after a confirmation.
 */
function PrintCards({ coop }: { coop: CoopWithAbilities }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const print = useMutation({
    mutationFn: () => apiDownload(`/coops/${coop.id}/cards.pdf`),
    onSuccess: ({ blob, filename }) => {
      setConfirming(false);
      saveFile(blob, filename ?? `cards-${coop.slug}.pdf`);
    },
  });
  if (!coop.abilities.manageWorkers || coop.status !== 'member') return null;
  const hintId = `print-cards-hint-${coop.id}`;
  return (
    <Stack gap="xs">
      <Group gap="sm" wrap="wrap" align="center">
        <Button variant="default" aria-describedby={hintId} onClick={() => setConfirming(true)}>
          {t('cardsPrint.button')}
        </Button>
        <Text id={hintId} size="sm" c="dimmed" maw={640}>
          {t('cardsPrint.hint')}
        </Text>
      </Group>
      {print.isSuccess && (
        <Text size="sm" role="status">
          {t('cardsPrint.done', { file: print.data.filename ?? `cards-${coop.slug}.pdf` })}
        </Text>
      )}
      <ConfirmModal
        opened={confirming}
        title={t('cardsPrint.confirmTitle')}
        message={t('cardsPrint.confirmText', { coop: coop.name })}
        confirmLabel={t('cardsPrint.confirmButton')}
        loading={print.isPending}
        error={print.error}
        onConfirm={() => print.mutate()}
        onClose={() => {
          setConfirming(false);
          print.reset();
        }}
      />
    </Stack>
  );
}
