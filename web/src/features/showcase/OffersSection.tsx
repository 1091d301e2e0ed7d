import { Anchor, Card, SimpleGrid, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useOfferWords } from '../offers/offerWords.ts';
import type { Showcase } from './showcase.api.ts';

/** A few offers open to members today, each with the co-op that gives it. */
export function OffersSection({ offers }: { offers: Showcase['offers'] }) {
  const { t } = useTranslation();
  const words = useOfferWords();
  if (offers.length === 0) return null;
  return (
    <section aria-labelledby="offers-title">
      <Title order={2} id="offers-title" mb="md">
        {t('showcase.offers.title')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="md" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {offers.map((o) => (
          <Card key={o.id} withBorder padding="md" component="li">
            <Text fw={700} fz="lg" className="break-anywhere">
              {words.benefit(o)}
            </Text>
            <Text className="break-anywhere">{o.title}</Text>
            <Text size="sm" mt={4}>
              {t('showcase.offers.at')}{' '}
              <Anchor component={Link} to={`/coops/${o.coopSlug}`} className="break-anywhere">
                {o.coopName}
              </Anchor>
            </Text>
          </Card>
        ))}
      </SimpleGrid>
      <Anchor component={Link} to="/offers" mt="md" display="inline-block" fw={700}>
        {t('showcase.offers.all')}
      </Anchor>
    </section>
  );
}
