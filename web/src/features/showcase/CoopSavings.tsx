import { SimpleGrid, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMoney } from '../../components/useMoney.ts';
import { monthName } from '../reciprocity/money.ts';
import { Figure } from './Figure.tsx';
import { useCoopShowcase } from './showcase.api.ts';

/** On a co-op's page: what its tills gave the network's members, and what its workers saved at the other co-ops. */
export function CoopSavings({ coopId }: { coopId: string }) {
  const { t, i18n } = useTranslation();
  const { data } = useCoopShowcase(coopId);
  const money = useMoney(data?.currency);
  if (!data) return null;
  const month = monthName(data.month, i18n.language);
  const year = data.month.slice(0, 4);
  return (
    <section aria-labelledby="coop-savings-title">
      <Title order={2} id="coop-savings-title">
        {t('showcase.coop.title')}
      </Title>
      <Text mt={4} mb="md" maw={720}>
        {t('showcase.coop.intro')}
      </Text>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
        <div data-testid="coop-received">
          <Figure
            value={money(data.received.monthCents)}
            label={t('showcase.coop.received', { month })}
            note={t('showcase.coop.thisYear', { year, amount: money(data.received.yearCents) })}
          />
        </div>
        <div data-testid="coop-given">
          <Figure
            value={money(data.given.monthCents)}
            label={t('showcase.coop.given', { month })}
            note={t('showcase.coop.thisYear', { year, amount: money(data.given.yearCents) })}
          />
        </div>
      </SimpleGrid>
    </section>
  );
}
