import { Alert, Button, Card, Group, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../components/useFormat.ts';
import { centsToInput, parseAmount } from './money.ts';
import { type SettlementPolicyView, useSetPolicy } from './reciprocity.api.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useMoney } from '../../components/useMoney.ts';

/** The policy in force, for every reader; the form to change it, for those the server lets configure it. */
export function PolicySection({ policy, currency }: { policy: SettlementPolicyView; currency: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const money = useMoney(currency);
  const words =
    policy.policy === 'fund_reimburses_givers'
      ? t('reciprocity.policy.fund', { threshold: money(policy.thresholdCents ?? 0) })
      : t(`reciprocity.policy.${policy.policy}`);
  return (
    <Stack gap="sm">
      <Card withBorder>
        <Stack gap={4}>
          <Text fw={700}>{words}</Text>
          <Text size="sm">{t(`reciprocity.policy.source.${policy.source}`, { date: fmt.dateTime(policy.setAt) })}</Text>
        </Stack>
      </Card>
      {policy.abilities.configure && <PolicyForm policy={policy} currency={currency} />}
    </Stack>
  );
}

function PolicyForm({ policy, currency }: { policy: SettlementPolicyView; currency: string }) {
  const { t } = useTranslation();
  const save = useSetPolicy();
  const [choice, setChoice] = useState<'none' | 'fund_reimburses_givers'>(policy.policy === 'fund_reimburses_givers' ? 'fund_reimburses_givers' : 'none');
  const [threshold, setThreshold] = useState(centsToInput(policy.thresholdCents));
  const [thresholdError, setThresholdError] = useState<string | null>(null);
  const reimburses = choice === 'fund_reimburses_givers';

  return (
    <form
      aria-labelledby="policy-form-title"
      onSubmit={(e) => {
        e.preventDefault();
        const cents = parseAmount(threshold);
        if (reimburses && cents === null) {
          setThresholdError(t('reciprocity.policy.form.thresholdInvalid'));
          return;
        }
        setThresholdError(null);
        save.mutate(reimburses ? { policy: choice, thresholdCents: cents } : { policy: choice });
      }}
    >
      <Stack gap="sm" maw={520}>
        <Title order={3} id="policy-form-title">
          {t('reciprocity.policy.form.title')}
        </Title>
        <NativeSelect
          label={t('reciprocity.policy.form.policy')}
          value={choice}
          onChange={(e) => setChoice(e.currentTarget.value as typeof choice)}
          data={[
            { value: 'none', label: t('reciprocity.policy.form.none') },
            { value: 'fund_reimburses_givers', label: t('reciprocity.policy.form.fund') },
          ]}
        />
        {reimburses && (
          <TextInput
            label={t('reciprocity.policy.form.threshold')}
            description={t('reciprocity.policy.form.thresholdHint', { currency })}
            inputMode="decimal"
            required
            value={threshold}
            onChange={(e) => setThreshold(e.currentTarget.value)}
            error={thresholdError}
          />
        )}
        <ErrorAlert error={save.error} />
        {save.isSuccess && (
          <Alert color="green" variant="outline" role="status">
            {t('reciprocity.policy.form.saved')}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('reciprocity.policy.form.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
