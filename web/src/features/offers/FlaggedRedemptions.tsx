import type { CoopWithAbilities } from '@coopnet/contract/coops';
import { Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { ConfirmModal } from '../../components/ConfirmModal.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Pager } from '../../components/Pager.tsx';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { useFormat } from '../../components/useFormat.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { flaggedKey, type Redemption, useFlaggedRedemptions } from './offers.api.ts';
import { useOfferWords } from './offerWords.ts';
import { monthName } from '../reciprocity/money.ts';

const PAGE_SIZE = 20;

/**
 * Redemptions a till recorded offline that broke a rule (a limit, the cap, a
 * revoked or expired card, a sync later than the till's window…). They were
 * recorded, never dropped, but count in the reciprocity accounts only once
 * the admin accepts them; a rejected one never counts.
 */
export function FlaggedRedemptions({ coop }: { coop: CoopWithAbilities }) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const words = useOfferWords();
  const queryClient = useQueryClient();
  const [offset, setOffset] = useState(0);
  const flagged = useFlaggedRedemptions(coop.id, PAGE_SIZE, offset);
  /** the decision asked for, until it is confirmed: it is final */
  const [deciding, setDeciding] = useState<{ r: Redemption; decision: 'accept' | 'reject' } | null>(null);
  const resolve = useMutation({
    mutationFn: ({ r, decision }: { r: Redemption; decision: 'accept' | 'reject' }) =>
      api<Redemption>(`/coops/${coop.id}/redemptions/${r.id}/resolve`, { method: 'POST', body: { decision } }),
    onSuccess: async () => {
      setDeciding(null);
      await queryClient.invalidateQueries({ queryKey: flaggedKey(coop.id) });
    },
  });
  const items = flagged.data?.items ?? [];
  // Deciding the last one of a later page leaves that page empty: step back.
  const emptyPage = !!flagged.data && items.length === 0 && offset > 0;
  useEffect(() => {
    if (emptyPage) setOffset((o) => Math.max(0, o - PAGE_SIZE));
  }, [emptyPage]);

  return (
    <section aria-labelledby="flagged-title">
      <Title order={2} id="flagged-title" mb="xs">
        {t('offers.flagged.title')}
      </Title>
      <Text mb="sm" maw={760}>
        {t('offers.flagged.intro')}
      </Text>
      <Stack gap="sm">
        <ErrorAlert error={flagged.error ?? (deciding ? null : resolve.error)} />
        {flagged.isPending && !flagged.error && <Loading />}
        {flagged.data && items.length === 0 && <Text>{t('offers.flagged.none')}</Text>}
        {items.length > 0 && (
          <ScrollTable label={t('offers.flagged.tableLabel', { coop: coop.name })} minWidth={820}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('offers.flagged.flag')}</Table.Th>
                <Table.Th scope="col">{t('offers.flagged.offer')}</Table.Th>
                <Table.Th scope="col">{t('offers.flagged.sale')}</Table.Th>
                <Table.Th scope="col">{t('offers.flagged.discount')}</Table.Th>
                <Table.Th scope="col">{t('offers.flagged.holder')}</Table.Th>
                <Table.Th scope="col">{t('offers.flagged.time')}</Table.Th>
                <Table.Th scope="col">{t('offers.flagged.action')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((r) => {
                const when = fmt.dateTime(r.redeemedAt);
                const named = { holder: r.holderName, offer: r.offerTitle, at: when };
                const busy = (decision: 'accept' | 'reject') =>
                  resolve.isPending && resolve.variables?.r.id === r.id && resolve.variables.decision === decision;
                return (
                  <Table.Tr key={r.id}>
                    <Table.Td>
                      {t(`offers.flag.${r.flag ?? 'other'}`, { defaultValue: t('offers.flag.other') })}
                    </Table.Td>
                    <Table.Td className="break-anywhere">{r.offerTitle}</Table.Td>
                    <Table.Td>{words.money(r.saleCents)}</Table.Td>
                    <Table.Td>{words.money(r.discountCents)}</Table.Td>
                    <Table.Td className="break-anywhere">
                      {r.holderName}
                      <Text size="sm" component="span" display="block">
                        {t(`offers.flagged.kind.${r.holderKind}`)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {when}
                      {r.offline && (
                        <Text size="sm" component="span" display="block">
                          {t('offers.flagged.recordedAt', { at: fmt.dateTime(r.recordedAt) })}
                        </Text>
                      )}
                      <Text size="sm" component="span" display="block">
                        {t('offers.flagged.countsIn', { month: monthName(r.accountingMonth, i18n.language) })}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Button
                          size="compact-sm"
                          variant="default"
                          loading={busy('accept')}
                          aria-label={t('offers.flagged.acceptNamed', named)}
                          onClick={() => {
                            resolve.reset();
                            setDeciding({ r, decision: 'accept' });
                          }}
                        >
                          {t('offers.flagged.accept')}
                        </Button>
                        <Button
                          size="compact-sm"
                          variant="default"
                          color="red"
                          loading={busy('reject')}
                          aria-label={t('offers.flagged.rejectNamed', named)}
                          onClick={() => {
                            resolve.reset();
                            setDeciding({ r, decision: 'reject' });
                          }}
                        >
                          {t('offers.flagged.reject')}
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </ScrollTable>
        )}
        {flagged.data && <Pager total={flagged.data.total} limit={PAGE_SIZE} offset={offset} onChange={setOffset} />}
      </Stack>
      <ConfirmModal
        opened={!!deciding}
        title={t(deciding?.decision === 'reject' ? 'offers.flagged.rejectTitle' : 'offers.flagged.acceptTitle')}
        message={
          deciding
            ? t(deciding.decision === 'reject' ? 'offers.flagged.rejectText' : 'offers.flagged.acceptText', {
                discount: words.money(deciding.r.discountCents),
                holder: deciding.r.holderName,
                offer: deciding.r.offerTitle,
                at: fmt.dateTime(deciding.r.redeemedAt),
                month: monthName(deciding.r.accountingMonth, i18n.language),
              })
            : ''
        }
        confirmLabel={t(deciding?.decision === 'reject' ? 'offers.flagged.reject' : 'offers.flagged.accept')}
        loading={resolve.isPending}
        error={resolve.error}
        onConfirm={() => deciding && resolve.mutate(deciding)}
        onClose={() => setDeciding(null)}
      />
    </section>
  );
}
