import { SimpleGrid, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { OfferCard } from './OfferCard.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useCoopOffers } from './offers.api.ts';

/**
 * The "Offers" section of a co-op's public page: its active offers, or
 * nothing at all when it has none. Its admins get every offer from the same
 * route; only the active ones belong here (the manage page shows the rest).
 */
export function CoopOffers({ coopId }: { coopId: string }) {
  const { t } = useTranslation();
  const { data, error } = useCoopOffers(coopId);
  // The page is about the co-op; a missing list (404) is no reason to alarm its reader.
  if (error) return error instanceof ApiError && error.status === 404 ? null : <ErrorAlert error={error} />;
  const active = (data?.items ?? []).filter((o) => o.status === 'active');
  if (active.length === 0) return null;
  return (
    <section aria-labelledby="coop-offers-title">
      <Title order={2} id="coop-offers-title" mb="sm">
        {t('offers.coopSection.title')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        {active.map((o) => (
          <OfferCard key={o.id} offer={o} headingOrder={3} />
        ))}
      </SimpleGrid>
    </section>
  );
}
