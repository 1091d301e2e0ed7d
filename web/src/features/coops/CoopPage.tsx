import { Anchor, Avatar, Badge, Button, Card, Divider, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useFormat } from '../../components/useFormat.ts';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { CoopOffers } from '../offers/CoopOffers.tsx';
import { CoopSavings } from '../showcase/CoopSavings.tsx';
import { CoopEditForm } from './CoopEditForm.tsx';
import { CoopStatusForm } from './CoopStatusForm.tsx';
import { useCoop } from './coops.api.ts';
import { FactList } from '../../components/FactList.tsx';
import { useSectorNames } from '../network/sectors.api.ts';

/** A co-op's public page; its admin also edits it here and finds the admin pages. */
export function CoopPage() {
  const { slug } = useParams();
  const { t } = useTranslation();
  const { name: sectorName } = useSectorNames();
  const fmt = useFormat();
  const { data: coop, isPending, error } = useCoop(slug);
  usePageTitle(coop?.name ?? t('coop.title'));

  if (isPending) return <Loading />;
  if (error || !coop) return <ErrorAlert error={error} />;

  const facts: { label: string; value: ReactNode }[] = [
    { label: t('coop.sector'), value: sectorName(coop.sector) },
    { label: t('coop.legalForm'), value: coop.legalForm },
    { label: t('coop.address'), value: [coop.address, coop.city].filter(Boolean).join(', ') },
    { label: t('showcase.coop.knownWorkers'), value: fmt.number(coop.knownWorkers) },
    { label: t('showcase.coop.declared'), value: fmt.number(coop.workerCount) },
    {
      label: t('coop.website'),
      value: coop.website ? (
        <Anchor href={coop.website} target="_blank" rel="noopener noreferrer" className="break-anywhere">
          {coop.website}
        </Anchor>
      ) : (
        t('coop.noWebsite')
      ),
    },
  ];
  if (coop.admittedAt) facts.push({ label: t('coop.memberSince'), value: fmt.date(coop.admittedAt) });
  facts.push({
    label: t('news.blog.link'),
    value: (
      <Anchor component={Link} to={`/coops/${coop.slug}/blog`}>
        {t('news.blog.open')}
      </Anchor>
    ),
  });

  return (
    <Stack gap="xl">
      <section aria-labelledby="coop-title">
        <Group wrap="nowrap" align="center" gap="md">
          <Avatar src={coop.logoUrl} alt="" size="lg" radius="md" color="blue" variant="filled" aria-hidden>
            {coop.name.slice(0, 2).toUpperCase()}
          </Avatar>
          <div style={{ minWidth: 0 }}>
            <Title order={1} id="coop-title" className="break-anywhere">
              {coop.name}
            </Title>
            {coop.status !== 'member' && (
              <Badge color="red.9" variant="filled" mt={4}>
                {t(`coopStatus.${coop.status}`)}
              </Badge>
            )}
          </div>
        </Group>
        {coop.description && (
          <Text mt="md" maw={760} style={{ whiteSpace: 'pre-line' }}>
            {coop.description}
          </Text>
        )}
        <Card withBorder mt="md" padding="md">
          <FactList facts={facts} />
        </Card>
      </section>

      {coop.status === 'member' && <CoopSavings coopId={coop.id} />}

      <CoopOffers coopId={coop.id} />

      {coop.abilities.manageWorkers && (
        <nav aria-labelledby="coop-admin-title">
          <Title order={2} id="coop-admin-title" mb="sm">
            {t('coop.admin.title')}
          </Title>
          <Group gap="sm">
            <Button component={Link} to={`/coops/${coop.id}/workers`} variant="default">
              {t('coop.admin.workers')}
            </Button>
            <Button component={Link} to={`/coops/${coop.id}/invite`} variant="default">
              {t('coop.admin.invite')}
            </Button>
            <Button component={Link} to={`/coops/${coop.id}/import`} variant="default">
              {t('coop.admin.import')}
            </Button>
            {coop.abilities.manageOffers && (
              <Button component={Link} to={`/coops/${coop.id}/offers`} variant="default">
                {t('offers.manageLink')}
              </Button>
            )}
          </Group>
        </nav>
      )}

      {coop.abilities.update && (
        <>
          <Divider />
          <CoopEditForm key={coop.id} coop={coop} />
        </>
      )}

      {coop.abilities.changeStatus && (
        <>
          <Divider />
          <CoopStatusForm key={`${coop.id}-${coop.status}`} coop={coop} />
        </>
      )}
    </Stack>
  );
}
