/** The dashboard's first sections: each hat's main job, one link away. */
import { Button, Group, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { TillLink } from '../till/TillLink.tsx';

/** A cashier's day is the till: one button per co-op whose till they keep. */
export function CashierCard({ coopIds }: { coopIds: string[] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="cashier-title">
      <Title order={2} id="cashier-title" mb="sm">
        {t('dashboard.cashier.title')}
      </Title>
      <Text>{t('dashboard.cashier.text', { count: coopIds.length })}</Text>
      <Group gap="sm" mt="sm">
        {coopIds.map((id) => (
          <TillLink key={id} coopId={id} named />
        ))}
      </Group>
    </section>
  );
}

/** The treasurer keeps the accounts between co-ops: this month's, and the months to settle. */
export function TreasurerCard() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="treasurer-title">
      <Title order={2} id="treasurer-title" mb="sm">
        {t('firstScreen.treasurer.title')}
      </Title>
      <Text>{t('firstScreen.treasurer.text')}</Text>
      <Group gap="sm" mt="sm">
        <Button component={Link} to="/reciprocity">
          {t('firstScreen.treasurer.accounts')}
        </Button>
      </Group>
    </section>
  );
}

/** A worker or a supporter: their card, shown at the tills, and the offers it opens. */
export function MemberCardSection({ supporter }: { supporter: boolean }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="member-card-title">
      <Title order={2} id="member-card-title" mb="sm">
        {t('firstScreen.card.title')}
      </Title>
      <Text>{supporter ? t('firstScreen.card.supporterText') : t('firstScreen.card.workerText')}</Text>
      <Group gap="sm" mt="sm">
        <Button component={Link} to="/card">
          {t('firstScreen.card.open')}
        </Button>
        <Button component={Link} to="/offers" variant="default">
          {t('firstScreen.card.offers')}
        </Button>
      </Group>
    </section>
  );
}
