import { Box, Button, Group, List, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { parseDecimalCents } from '@coopnet/domain/money/decimal';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormDialog } from '../../components/FormDialog.tsx';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { useFormat } from '../../components/useFormat.ts';
import { useMoney } from '../../components/useMoney.ts';
import { type FundBudgets, useSetBudget } from './flows.api.ts';
import { nameIn } from './flowLabels.ts';

type Row = FundBudgets['subFunds'][number];

/** A bar of what was spent against the budget (its figure is written beside it). */
function SpentBar({ percent }: { percent: number }) {
  return (
    <Box
      aria-hidden="true"
      w={90}
      h={10}
      style={{ background: 'var(--mantine-color-gray-2)', borderRadius: 5, overflow: 'hidden', flexShrink: 0 }}
    >
      <Box
        h="100%"
        w={`${Math.min(100, percent)}%`}
        bg={percent > 100 ? 'red.8' : 'teal.8'}
        style={{ borderRadius: 5 }}
      />
    </Box>
  );
}

/** For anyone: each sub-fund's budget for the year against what it spent and took in; a treasurer sets it. */
export function BudgetsSection({ budgets }: { budgets: FundBudgets }) {
  const { t, i18n } = useTranslation();
  const money = useMoney(budgets.currency);
  const [editing, setEditing] = useState<Row | null>(null);
  const lang = i18n.language;
  const orNone = (cents: number | null) => (cents === null ? t('fund.budgets.none') : money(cents));
  return (
    <section aria-labelledby="fund-budgets">
      <Title order={2} id="fund-budgets">
        {t('fund.budgets.title', { year: budgets.year })}
      </Title>
      <Text mt={4} mb="md" maw={720}>
        {t('fund.budgets.text')}
      </Text>
      <ScrollTable
        label={t('fund.budgets.label', { year: budgets.year })}
        minWidth={budgets.abilities.setBudget ? 820 : 700}
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('fund.flows.subFund')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('fund.budgets.budget')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('fund.budgets.spent')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('fund.budgets.left')}
            </Table.Th>
            <Table.Th scope="col">{t('fund.budgets.share')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('fund.budgets.toReceive')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('fund.budgets.received')}
            </Table.Th>
            {budgets.abilities.setBudget && <Table.Th scope="col">{t('fund.budgets.actions')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {budgets.subFunds.map((f) => (
            <Table.Tr key={f.code} data-testid={`budget-${f.code}`}>
              <Table.Th scope="row" fw={400}>
                {nameIn(f.names, lang)}
              </Table.Th>
              <Table.Td ta="right">{orNone(f.spendCents)}</Table.Td>
              <Table.Td ta="right">{money(f.spentCents)}</Table.Td>
              <Table.Td ta="right" c={f.leftCents !== null && f.leftCents < 0 ? 'red.9' : undefined}>
                {f.leftCents === null
                  ? ''
                  : f.leftCents < 0
                    ? t('fund.budgets.over', { amount: money(-f.leftCents) })
                    : money(f.leftCents)}
              </Table.Td>
              <Table.Td>
                {f.spentPercent !== null && (
                  <Group gap="xs" wrap="nowrap">
                    <SpentBar percent={f.spentPercent} />
                    <Text size="sm">{t('fund.budgets.percent', { percent: f.spentPercent })}</Text>
                  </Group>
                )}
              </Table.Td>
              <Table.Td ta="right">{f.receiveCents === null ? '' : money(f.receiveCents)}</Table.Td>
              <Table.Td ta="right">{money(f.receivedCents)}</Table.Td>
              {budgets.abilities.setBudget && (
                <Table.Td>
                  <Button
                    size="compact-sm"
                    variant="light"
                    onClick={() => setEditing(f)}
                    aria-label={t('fund.budgets.setFor', { subFund: nameIn(f.names, lang), year: budgets.year })}
                  >
                    {t('fund.budgets.set')}
                  </Button>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </ScrollTable>
      {editing && (
        <BudgetDialog year={budgets.year} row={editing} currency={budgets.currency} onClose={() => setEditing(null)} />
      )}
    </section>
  );
}

const centsText = (cents: number | null) => (cents === null ? '' : (cents / 100).toFixed(2));

/** A treasurer sets a sub-fund's budget: a new version, the earlier ones listed below it. */
function BudgetDialog({
  year,
  row,
  currency,
  onClose,
}: {
  year: number;
  row: Row;
  currency: string;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const money = useMoney(currency);
  const format = useFormat();
  const [spend, setSpend] = useState(centsText(row.spendCents));
  const [receive, setReceive] = useState(centsText(row.receiveCents));
  const [note, setNote] = useState('');
  const [problems, setProblems] = useState<{ spend?: string; receive?: string }>({});
  const save = useSetBudget(year, row.code);
  const submit = () => {
    const s = parseDecimalCents(spend);
    const r = receive.trim() === '' ? null : parseDecimalCents(receive);
    const bad = t('fund.apply.amountInvalid');
    const found = {
      spend: !s.ok || s.cents === null || s.cents < 0 ? bad : undefined,
      receive: r !== null && (!r.ok || r.cents === null || r.cents < 0) ? bad : undefined,
    };
    setProblems(found);
    if (found.spend || found.receive || !s.ok || s.cents === null) return;
    save.mutate(
      { spendCents: s.cents, receiveCents: r && r.ok ? r.cents : null, note: note.trim() === '' ? null : note.trim() },
      { onSuccess: onClose },
    );
  };
  return (
    <FormDialog
      title={t('fund.budgets.setFor', { subFund: nameIn(row.names, i18n.language), year })}
      onClose={onClose}
      onSubmit={submit}
      error={save.error}
      pending={save.isPending}
      submitLabel={t('fund.budgets.save')}
      footnote={
        <>
          {row.history.length > 0 && (
            <Stack gap={4}>
              <Text fw={600} size="sm">
                {t('fund.budgets.history')}
              </Text>
              <List size="sm" spacing={4}>
                {row.history.map((v) => (
                  <List.Item key={v.setAt}>
                    {t(v.setBy ? 'fund.budgets.versionBy' : 'fund.budgets.version', {
                      spend: money(v.spendCents),
                      when: format.date(v.setAt),
                      who: v.setBy,
                    })}
                    {v.note ? ` — ${v.note}` : ''}
                  </List.Item>
                ))}
              </List>
            </Stack>
          )}
        </>
      }
    >
      <Text size="sm">{t('fund.budgets.help')}</Text>
      <TextInput
        label={t('fund.budgets.spendLabel')}
        inputMode="decimal"
        required
        value={spend}
        onChange={(e) => setSpend(e.currentTarget.value)}
        error={problems.spend}
        data-autofocus
      />
      <TextInput
        label={t('fund.budgets.receiveLabel')}
        inputMode="decimal"
        value={receive}
        onChange={(e) => setReceive(e.currentTarget.value)}
        error={problems.receive}
      />
      <Textarea
        label={t('fund.budgets.noteLabel')}
        value={note}
        maxLength={500}
        autosize
        minRows={2}
        onChange={(e) => setNote(e.currentTarget.value)}
      />
    </FormDialog>
  );
}
