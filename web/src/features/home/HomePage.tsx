import { Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useNetwork, useSession } from '../../api/session.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useFormat } from '../../components/useFormat.ts';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { AssemblySection } from '../showcase/AssemblySection.tsx';
import { CoopsSection } from '../showcase/CoopsSection.tsx';
import { OffersSection } from '../showcase/OffersSection.tsx';
import { SavingsSection } from '../showcase/SavingsSection.tsx';
import { useShowcase } from '../showcase/showcase.api.ts';

/**
 * The public front page, the network's shop window: who it is, what it adds
 * up to, what members save, the offers open to them, the co-ops and the next
 * assembly. Each part is a section of its own; a capability that joins later
 * (the fund, campaigns) adds its section to the list.
 */
export function HomePage() {
  const { t } = useTranslation();
  const { data: network, isPending, error } = useNetwork();
  const { data: showcase, error: showcaseError } = useShowcase();
  const { data: session } = useSession();
  const fmt = useFormat();
  usePageTitle(undefined);

  if (isPending) return <Loading />;
  if (error || !network) return <ErrorAlert error={error} />;

  const figures = [
    { key: 'memberCoops', label: t('home.figures.memberCoops'), value: network.figures.memberCoops },
    { key: 'workers', label: t('showcase.figures.workers'), value: network.figures.workers },
    { key: 'supporters', label: t('home.figures.supporters'), value: network.figures.supporters },
    { key: 'sectors', label: t('home.figures.sectors'), value: network.figures.sectors },
  ];

  return (
    <Stack gap="xl">
      <section aria-labelledby="home-title">
        <Title order={1} id="home-title">
          {network.name}
        </Title>
        <Text size="lg" mt="sm" maw={720}>
          {network.description || t('home.defaultDescription')}
        </Text>
        <Group mt="lg" gap="sm">
          <Button component={Link} to="/directory">
            {t('home.cta.directory')}
          </Button>
          <Button component={Link} to="/campaigns" variant="default">
            {t('campaignEditor.homeLink')}
          </Button>
          {!session?.person && (
            <>
              <Button component={Link} to="/apply" variant="default">
                {t('home.cta.apply')}
              </Button>
              <Button component={Link} to="/sign-in" variant="default">
                {t('home.cta.signIn')}
              </Button>
            </>
          )}
          {session?.person && (
            <Button component={Link} to="/dashboard" variant="default">
              {t('home.cta.dashboard')}
            </Button>
          )}
        </Group>
      </section>
      <section aria-labelledby="figures-title">
        <Title order={2} id="figures-title" mb="md">
          {t('home.figures.title')}
        </Title>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md">
          {figures.map((f) => (
            <Card key={f.key} withBorder padding="lg">
              <Text fz={36} fw={700} lh={1.1}>
                {fmt.number(f.value)}
              </Text>
              <Text mt={4}>{f.label}</Text>
            </Card>
          ))}
        </SimpleGrid>
      </section>
      {showcaseError && <ErrorAlert error={showcaseError} />}
      {showcase && (
        <>
          <SavingsSection showcase={showcase} />
          <OffersSection offers={showcase.offers} />
          <CoopsSection coops={showcase.coops} />
          <AssemblySection assembly={showcase.nextAssembly} />
        </>
      )}
    </Stack>
  );
}
