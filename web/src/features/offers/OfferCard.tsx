import { Anchor, Badge, Card, Group, Stack, Text, Title, type TitleOrder } from '@mantine/core';
import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CatalogueOffer, Offer } from './offers.api.ts';
import { useOfferWords } from './offerWords.ts';
import { useSectorNames } from '../network/sectors.api.ts';

interface OfferCardProps {
  offer: Offer | CatalogueOffer;
  headingOrder: TitleOrder;
  /** the catalogue names the co-op; the co-op's own page does not need to */
  showCoop?: boolean;
  /** beside the title, e.g. the status on the manage page */
  badge?: ReactNode;
  /** under the card's text, e.g. the admin's buttons */
  children?: ReactNode;
}

/** One offer as a card: what it gives, who may use it, its limits, validity and terms. Named by its title. */
export function OfferCard({ offer, headingOrder, showCoop = false, badge, children }: OfferCardProps) {
  const { t } = useTranslation();
  const { name: sectorName } = useSectorNames();
  const words = useOfferWords();
  const titleId = useId();
  const limits = words.limits(offer);
  const distanceKm = 'distanceKm' in offer ? offer.distanceKm : null;

  const facts: { label: string; value: ReactNode }[] = [
    { label: t('offers.card.who'), value: words.audience(offer) },
    {
      label: t('offers.card.limits'),
      value:
        limits.length === 0 ? (
          t('offers.card.noLimits')
        ) : (
          <Stack gap={0} component="span">
            {limits.map((l) => (
              <span key={l}>{l}</span>
            ))}
          </Stack>
        ),
    },
    { label: t('offers.card.valid'), value: words.validity(offer) },
  ];
  if (offer.terms) facts.push({ label: t('offers.card.terms'), value: offer.terms });

  return (
    <Card withBorder padding="md" component="article" aria-labelledby={titleId}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
          <Title order={headingOrder} id={titleId} fz="lg" className="break-anywhere">
            {offer.title}
          </Title>
          {badge}
        </Group>
        {showCoop && (
          <Group gap="xs" wrap="wrap">
            <Anchor component={Link} to={`/coops/${offer.coopSlug}`} className="break-anywhere">
              {offer.coopName}
            </Anchor>
            <Badge variant="filled" color="gray.8" tt="none">
              {sectorName(offer.coopSector)}
            </Badge>
            {distanceKm !== null && <Text size="sm">{words.distance(distanceKm)}</Text>}
          </Group>
        )}
        <Text fw={700} fz="xl" className="break-anywhere">
          {words.benefit(offer)}
        </Text>
        <Stack gap={6} component="dl" m={0}>
          {facts.map((f) => (
            <div key={f.label}>
              <Text component="dt" fw={700} size="sm">
                {f.label}
              </Text>
              <Text component="dd" m={0} size="sm" className="break-anywhere" style={{ whiteSpace: 'pre-line' }}>
                {f.value}
              </Text>
            </div>
          ))}
        </Stack>
        {children}
      </Stack>
    </Card>
  );
}

// Shade 9 of teal and blue and shade 8 of gray keep white text above 4.5:1 (green and orange do not).
const STATUS_COLOR = { active: 'teal.9', paused: 'blue.9', ended: 'gray.8' } as const;

export function OfferStatusBadge({ status }: { status: Offer['status'] }) {
  const { t } = useTranslation();
  return (
    <Badge variant="filled" color={STATUS_COLOR[status]} tt="none" style={{ flexShrink: 0 }}>
      {t(`offers.status.${status}`)}
    </Badge>
  );
}
