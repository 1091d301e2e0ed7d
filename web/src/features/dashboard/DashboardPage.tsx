import type { SessionPerson } from '@coopnet/contract/auth';
import type { Page } from '@coopnet/contract/common';
import type { Application } from '@coopnet/contract/coops';
import { Anchor, Button, Card, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import { useAbilities, useSession } from '../../api/session.ts';
import { useFormat } from '../../components/useFormat.ts';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useCoop } from '../coops/coops.api.ts';
import type { ProposalSummary } from '../governance/types.ts';
import { ReciprocityLink } from '../reciprocity/ReciprocityLink.tsx';
import { TillLink } from '../till/TillLink.tsx';
import { CashierCard, MemberCardSection, TreasurerCard } from './RoleCards.tsx';

/** What a signed-in person can do, grouped by the hats they wear. The server's abilities decide what shows. */
export function DashboardPage() {
  const { t } = useTranslation();
  const { data: session } = useSession();
  const abilities = useAbilities();
  usePageTitle(t('dashboard.title'));
  const person = session?.person;
  if (!person) return null;
  const coordinates =
    abilities.decideApplications || abilities.readAudit || abilities.readOutbox || abilities.manageNetwork;

  const roles = new Set(person.roles.map((r) => r.role));
  const holdsCard = !!person.coopId || person.supporter;

  // Each hat's main job first, in the order of what people do most: the till, their co-op, the accounts, the network.
  return (
    <Stack gap="xl">
      <Title order={1}>{t('dashboard.heading', { name: person.displayName })}</Title>
      {abilities.cashierOfCoops.length > 0 && <CashierCard coopIds={abilities.cashierOfCoops} />}
      {abilities.adminOfCoops.map((coopId) => (
        <AdminCoopCard key={coopId} coopId={coopId} fallbackName={coopId === person.coopId ? person.coopName : null} />
      ))}
      {roles.has('treasurer') && <TreasurerCard />}
      {coordinates && <CoordinatorCard />}
      {holdsCard && <MemberCardSection supporter={!person.coopId} />}
      <OpenVotesCard />
      <YouCard person={person} />
    </Stack>
  );
}

function YouCard({ person }: { person: SessionPerson }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="you-title">
      <Title order={2} id="you-title" mb="sm">
        {t('dashboard.you.title')}
      </Title>
      <Card withBorder>
        <Stack gap="xs">
          <Text>
            <strong>{t('dashboard.you.name')}:</strong> {person.displayName}
          </Text>
          <Text className="break-anywhere">
            <strong>{t('dashboard.you.email')}:</strong> {person.email}
          </Text>
          {person.coopId ? (
            <Text>
              <strong>{t('dashboard.you.coop')}:</strong>{' '}
              <Anchor component={Link} to={`/coops/${person.coopId}`}>
                {person.coopName ?? t('dashboard.you.yourCoop')}
              </Anchor>
            </Text>
          ) : (
            <Text>{t('dashboard.you.noCoop')}</Text>
          )}
          {person.supporter && <Text>{t('dashboard.supporterWelcome')}</Text>}
          <Group mt="xs">
            <Anchor component={Link} to="/account">
              {t('dashboard.you.account')}
            </Anchor>
            <ReciprocityLink />
          </Group>
        </Stack>
      </Card>
    </section>
  );
}

function AdminCoopCard({ coopId, fallbackName }: { coopId: string; fallbackName: string | null }) {
  const { t } = useTranslation();
  const { data: coop } = useCoop(coopId);
  const name = coop?.name ?? fallbackName ?? '';
  const headingId = `admin-${coopId}`;
  return (
    <section aria-labelledby={headingId}>
      <Title order={2} id={headingId} mb="sm">
        {t('dashboard.admin.title', { coop: name })}
      </Title>
      <Group gap="sm">
        <Button component={Link} to={`/coops/${coopId}/offers`}>
          {t('firstScreen.admin.offers')}
        </Button>
        <Button component={Link} to={`/coops/${coopId}/workers`} variant="default">
          {t('dashboard.admin.workers')}
        </Button>
        <Button component={Link} to={`/coops/${coopId}/invite`} variant="default">
          {t('dashboard.admin.invite')}
        </Button>
        <Button component={Link} to={`/coops/${coopId}/import`} variant="default">
          {t('dashboard.admin.import')}
        </Button>
        <Button component={Link} to={`/coops/${coop?.slug ?? coopId}`} variant="default">
          {t('dashboard.admin.profile')}
        </Button>
        <TillLink coopId={coopId} />
      </Group>
    </section>
  );
}

function CoordinatorCard() {
  const { t } = useTranslation();
  const abilities = useAbilities();
  const pending = useQuery({
    queryKey: ['applications', 'pending-count'],
    queryFn: ({ signal }) =>
      api<Page<Application>>('/applications', { query: { status: 'pending', limit: 1, offset: 0 }, signal }),
    enabled: abilities.decideApplications,
  });
  const links = [
    abilities.decideApplications && { to: '/admin/applications', label: t('dashboard.coordinator.applications') },
    { to: '/proposals', label: t('firstScreen.coordinator.proposals') },
    abilities.readAudit && { to: '/admin/audit', label: t('dashboard.coordinator.audit') },
    abilities.readOutbox && { to: '/admin/outbox', label: t('dashboard.coordinator.outbox') },
    abilities.manageNetwork && { to: '/admin/network', label: t('dashboard.coordinator.network') },
  ].filter((l): l is { to: string; label: string } => !!l);

  return (
    <section aria-labelledby="coordinator-title">
      <Title order={2} id="coordinator-title" mb="sm">
        {t('dashboard.coordinator.title')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {abilities.decideApplications && (
          <Card withBorder>
            <Text fz="xl" fw={700}>
              {pending.data ? t('dashboard.coordinator.pending', { count: pending.data.total }) : t('common.loading')}
            </Text>
          </Card>
        )}
        <Card withBorder>
          <Stack gap="xs">
            {links.map((l) => (
              <Anchor key={l.to} component={Link} to={l.to}>
                {l.label}
              </Anchor>
            ))}
          </Stack>
        </Card>
      </SimpleGrid>
    </section>
  );
}

/** Proposals being voted on now, soonest to close first, each a link to its page and ballot. */
function OpenVotesCard() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const open = useQuery({
    queryKey: ['proposals', 'list', 'voting', 'dashboard'],
    queryFn: ({ signal }) =>
      api<Page<ProposalSummary>>('/proposals', { query: { status: 'voting', limit: 10, offset: 0 }, signal }),
  });
  const items = [...(open.data?.items ?? [])].sort((a, b) =>
    (a.votingClosesAt ?? '').localeCompare(b.votingClosesAt ?? ''),
  );
  return (
    <section aria-labelledby="open-votes-title">
      <Title order={2} id="open-votes-title" mb="sm">
        {t('dashboard.openVotes.title')}
      </Title>
      <Card withBorder>
        <Stack gap="xs">
          {open.isPending && <Text>{t('common.loading')}</Text>}
          {open.isError && <Text>{t('dashboard.openVotes.error')}</Text>}
          {open.data && items.length === 0 && <Text>{t('dashboard.openVotes.none')}</Text>}
          {items.length > 0 && (
            <List spacing="xs" aria-labelledby="open-votes-title">
              {items.map((p) => (
                <List.Item key={p.id}>
                  <Anchor component={Link} to={`/proposals/${p.id}`} className="break-anywhere">
                    {p.title}
                  </Anchor>
                  {p.votingClosesAt && (
                    <Text component="span" size="sm">
                      {' '}
                      — {t('dashboard.openVotes.closes', { date: fmt.dateTime(p.votingClosesAt) })}
                    </Text>
                  )}
                </List.Item>
              ))}
            </List>
          )}
          <Anchor component={Link} to="/proposals" size="sm">
            {t('dashboard.openVotes.all')}
          </Anchor>
        </Stack>
      </Card>
    </section>
  );
}
