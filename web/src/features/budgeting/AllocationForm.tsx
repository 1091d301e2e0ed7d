import type { Round } from '@coopnet/contract/budgeting';
import { parseDecimalCents } from '@coopnet/domain/money/decimal';
import { Button, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useMoney } from '../../components/useMoney.ts';
import { useAllocate } from './budgeting.api.ts';

/**
 * A member spreads their share over the round's projects: one amount per
 * project (at most the cap), and what is left of their share shown as they
 * type. Saving replaces their whole allocation; until the close nobody else
 * sees it.
 */
export function AllocationForm({ round }: { round: Round }) {
  const { t } = useTranslation();
  const money = useMoney();
  const allocate = useAllocate(round.id);
  const [typed, setTyped] = useState<Record<string, string>>(() =>
    Object.fromEntries(round.mine.map((m) => [m.projectId, (m.cents / 100).toFixed(2)])),
  );
  const [saved, setSaved] = useState(false);
  const parsed = round.projects.map((p) => ({ id: p.id, parse: parseDecimalCents(typed[p.id] ?? '') }));
  const bad = new Set(parsed.filter((x) => !x.parse.ok || (x.parse.cents ?? 0) > round.capCents).map((x) => x.id));
  const total = parsed.reduce((s, x) => s + (x.parse.ok ? (x.parse.cents ?? 0) : 0), 0);
  const left = round.shareCents - total;

  function submit(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    const lines = parsed.flatMap((x) =>
      x.parse.ok && x.parse.cents ? [{ projectId: x.id, cents: x.parse.cents }] : [],
    );
    allocate.mutate(lines, { onSuccess: () => setSaved(true) });
  }

  return (
    <section aria-labelledby="allocation-heading">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} id="allocation-heading">
            {t('budgeting.allocate.heading')}
          </Title>
          <Text>{t('budgeting.allocate.intro', { share: money(round.shareCents), cap: money(round.capCents) })}</Text>
          {round.projects.map((p) => (
            <TextInput
              key={p.id}
              label={p.title}
              inputMode="decimal"
              autoComplete="off"
              placeholder="0.00"
              value={typed[p.id] ?? ''}
              onChange={(e) => {
                const value = e.currentTarget.value;
                setTyped((x) => ({ ...x, [p.id]: value }));
                setSaved(false);
              }}
              error={bad.has(p.id) ? t('budgeting.allocate.overCap', { cap: money(round.capCents) }) : undefined}
            />
          ))}
          <Text fw={700} c={left < 0 ? 'red.8' : undefined} aria-live="polite">
            {left < 0
              ? t('budgeting.allocate.over', { amount: money(-left) })
              : t('budgeting.allocate.left', { amount: money(left) })}
          </Text>
          {allocate.error && <ErrorAlert error={allocate.error} />}
          {saved && <Text role="status">{t('budgeting.allocate.saved')}</Text>}
          <Button
            type="submit"
            loading={allocate.isPending}
            disabled={left < 0 || bad.size > 0}
            style={{ alignSelf: 'flex-start' }}
          >
            {t('budgeting.allocate.save')}
          </Button>
        </Stack>
      </form>
    </section>
  );
}
