import { SimpleGrid, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../components/useFormat.ts';
import { useMoney } from '../../components/useMoney.ts';
import { monthName } from '../reciprocity/money.ts';
import { Figure } from './Figure.tsx';
import type { Showcase } from './showcase.api.ts';

/** What members saved with their cards, this month and this year, as the reciprocity accounts count it. */
export function SavingsSection({ showcase }: { showcase: Showcase }) {
  const { t, i18n } = useTranslation();
  const money = useMoney(showcase.currency);
  const fmt = useFormat();
  const { savings, month } = showcase;
  return (
    <section aria-labelledby="savings-title">
      <Title order={2} id="savings-title">
        {t('showcase.savings.title')}
      </Title>
      <Text mt={4} mb="md" maw={720}>
        {t('showcase.savings.intro')}
      </Text>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
        <div data-testid="saved-month">
          <Figure
            value={money(savings.monthCents)}
            label={t('showcase.savings.month', { month: monthName(month, i18n.language) })}
            note={t('showcase.savings.discounts', { count: savings.monthCount, formatted: fmt.number(savings.monthCount) })}
          />
        </div>
        <div data-testid="saved-year">
          <Figure
            value={money(savings.yearCents)}
            label={t('showcase.savings.year', { year: month.slice(0, 4) })}
            note={t('showcase.savings.discounts', { count: savings.yearCount, formatted: fmt.number(savings.yearCount) })}
          />
        </div>
      </SimpleGrid>
    </section>
  );
}
