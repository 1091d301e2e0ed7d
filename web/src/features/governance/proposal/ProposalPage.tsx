import { Anchor, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { Loading } from '../../../components/Loading.tsx';
import { useFormat } from '../../../components/useFormat.ts';
import { usePageTitle } from '../../../components/usePageTitle.ts';
import { useCoop } from '../../coops/coops.api.ts';
import { useBodies, useProposal } from '../governance.api.ts';
import { bodyKindName, matterName } from '../rules.ts';
import { StatusBadge } from '../StatusBadge.tsx';
import type { Proposal } from '../types.ts';
import { Amendments } from './Amendments.tsx';
import { Discussion } from './Discussion.tsx';
import { LotSection } from './LotSection.tsx';
import { ManageSection } from './ManageSection.tsx';
import { RuleSection } from './RuleSection.tsx';
import { VotingSection } from './VotingSection.tsx';
import { bodyName as bodyNameOf } from '../bodyWords.ts';

/** The count's tables and charts (and the chart library) load only once there is a result to show. */
const ResultSection = lazy(() => import('./ResultSection.tsx').then((m) => ({ default: m.ResultSection })));

/**
 * One proposal: what it says and decides, by which rules, the discussion and
 * amendments, the vote while it runs, and the count once it has closed.
 */
export function ProposalPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const fmt = useFormat();
  const { data: proposal, isPending, error } = useProposal(id);
  const { data: bodies } = useBodies();
  usePageTitle(proposal?.title ?? t('proposal.title'));

  if (isPending) return <Loading />;
  if (error || !proposal) return <ErrorAlert error={error} />;
  const p = proposal;
  const body = bodies?.items.find((b) => b.id === p.bodyId);
  const bodyName = (body && bodyNameOf(t, body)) ?? (p.rule ? bodyKindName(t, p.rule.body) : null);
  const decided = !!p.result;

  return (
    <Stack gap="xl">
      <Stack gap="xs">
        <Anchor component={Link} to="/proposals" size="sm">
          {t('proposal.back')}
        </Anchor>
        <Group gap="sm" align="center" wrap="wrap">
          <Title order={1} className="break-anywhere">
            {p.title}
          </Title>
          <StatusBadge status={p.status} size="lg" />
        </Group>
        <Text size="sm">
          {matterName(t, p.matter)} · {t('proposals.by', { name: p.author.name })}
          {p.createdAt ? ` · ${fmt.date(p.createdAt)}` : ''}
        </Text>
      </Stack>

      <section aria-labelledby="text-title">
        <Title order={2} id="text-title" mb="sm">
          {t('proposal.text')}
        </Title>
        <Text style={{ whiteSpace: 'pre-line' }} maw={760} className="break-anywhere">
          {p.text}
        </Text>
      </section>

      <SubjectSection proposal={p} />
      <ManageSection proposal={p} />
      {p.status === 'voting' && <VotingSection proposal={p} bodyKind={body?.kind ?? p.rule?.body ?? null} />}
      {decided && (
        <Suspense fallback={<Loading />}>
          <ResultSection proposal={p} />
        </Suspense>
      )}
      <RuleSection proposal={p} bodyName={bodyName} />
      <Timeline proposal={p} />
      {p.lotCommitment && <LotSection proposal={p} />}
      <Amendments proposal={p} />
      <Discussion proposal={p} />
    </Stack>
  );
}

/** What a yes would do, in a sentence. */
function SubjectSection({ proposal: p }: { proposal: Proposal }) {
  const { t } = useTranslation();
  const coopId = typeof p.subject.coopId === 'string' ? p.subject.coopId : undefined;
  // The co-op's page, when the asker may see it (an applicant's is seen by coordinators only).
  const { data: coop } = useCoop(coopId);

  let description: ReactNode;
  if (p.matter === 'election') {
    description = t('proposal.subject.election', { seats: p.seats, count: p.options.length });
  } else if ((p.matter === 'admission' || p.matter === 'suspension') && coop) {
    description = t(`proposal.subject.${p.matter}`, { coop: coop.name });
  } else if (p.matter === 'free' || p.matter === 'bylaw_change') {
    description = t(`proposal.subject.${p.matter}`);
  } else {
    // The server's own sentence: it knows matters this page does not (and applicants it may not show).
    description = p.subjectText || matterName(t, p.matter);
  }

  return (
    <section aria-labelledby="subject-title">
      <Title order={2} id="subject-title" mb="sm">
        {t('proposal.subject.title')}
      </Title>
      <Text maw={760}>{description}</Text>
      {coop && (
        <Text mt="xs">
          <Anchor component={Link} to={`/coops/${coop.slug}`}>
            {t('proposal.subject.coopPage', { coop: coop.name })}
          </Anchor>
        </Text>
      )}
      {p.options.length > 0 && (
        <List mt="xs" type="ordered" aria-label={t('proposal.options')}>
          {p.options.map((o) => (
            <List.Item key={o}>{o}</List.Item>
          ))}
        </List>
      )}
    </section>
  );
}

function Timeline({ proposal: p }: { proposal: Proposal }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const closed = p.status !== 'voting' && p.status !== 'draft' && p.status !== 'discussion';
  const events: { label: string; at: string | null | undefined }[] = [
    { label: t('proposal.timeline.created'), at: p.createdAt },
    { label: t('proposal.timeline.opened'), at: p.votingOpensAt },
    { label: closed ? t('proposal.timeline.closed') : t('proposal.timeline.closes'), at: p.votingClosesAt },
    { label: t('proposal.timeline.decided'), at: p.decidedAt },
    { label: t('proposal.timeline.applied'), at: p.effectAppliedAt },
  ];
  const shown = events.filter((e): e is { label: string; at: string } => !!e.at);
  if (shown.length === 0) return null;
  return (
    <section aria-labelledby="timeline-title">
      <Title order={2} id="timeline-title" mb="sm">
        {t('proposal.timeline.title')}
      </Title>
      <Card withBorder padding="md" maw={760}>
        <Stack gap={4} component="ol" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {shown.map((e) => (
            <Text component="li" key={e.label}>
              <strong>{e.label}:</strong> <time dateTime={e.at}>{fmt.dateTime(e.at)}</time>
            </Text>
          ))}
        </Stack>
      </Card>
    </section>
  );
}
