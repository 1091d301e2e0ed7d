import { Alert, Card, Group, Loader, Progress, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../components/useFormat.ts';
import type { BodyKind, CastReply, Proposal } from '../types.ts';
import { BallotForm } from './BallotForm.tsx';
import { Delegation } from './Delegation.tsx';

/** While the vote runs: when it closes, how many have voted, my part in it, the ballot and the delegation. */
export function VotingSection({ proposal: p, bodyKind }: { proposal: Proposal; bodyKind: BodyKind | null }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [cast, setCast] = useState<CastReply | null>(null);
  const closes = p.votingClosesAt ? Date.parse(p.votingClosesAt) : NaN;
  const past = Number.isFinite(closes) && closes <= Date.now();
  const part = p.participation;
  const mine = p.myParticipation;
  const receipt = cast?.receipt ?? mine?.receipt ?? null;

  return (
    <section aria-labelledby="voting-title">
      <Title order={2} id="voting-title" mb="sm">
        {t('proposal.voting.title')}
      </Title>
      <Stack gap="md" maw={760}>
        {p.votingClosesAt && (
          <Text>
            {t(past ? 'proposal.voting.closedAt' : 'proposal.voting.closesAt', {
              date: fmt.dateTime(p.votingClosesAt),
            })}
          </Text>
        )}
        {past && (
          <Group gap="xs" role="status">
            <Loader size="xs" aria-hidden />
            <Text>{t('proposal.voting.counting')}</Text>
          </Group>
        )}
        {part && (
          <Stack gap={4}>
            <Text fw={700}>{t('proposal.voting.participation', { voted: part.voted, count: part.electorate })}</Text>
            <Progress
              value={part.electorate > 0 ? (100 * part.voted) / part.electorate : 0}
              aria-label={t('proposal.voting.participationBar')}
              size="lg"
            />
          </Stack>
        )}
        {cast ? (
          <Alert color="green" variant="outline" role="status" title={t('proposal.voting.recorded')}>
            <Stack gap={4}>
              <Text>
                {t('proposal.voting.receipt')} <code className="receipt">{cast.receipt}</code>
              </Text>
              <Text size="sm">{t('proposal.voting.receiptHint')}</Text>
              {cast.ballotToken && <Text size="sm">{t('proposal.voting.tokenKept')}</Text>}
            </Stack>
          </Alert>
        ) : (
          mine?.voted && (
            <Alert color="green" variant="outline" title={t('proposal.voting.youVoted')}>
              {receipt && (
                <Text>
                  {t('proposal.voting.receipt')} <code className="receipt">{receipt}</code>
                </Text>
              )}
            </Alert>
          )
        )}
        {mine && mine.delegatedToMe > 0 && (
          <Text>
            {t('proposal.voting.delegatedToMe', { count: mine.delegatedToMe, weight: mine.delegatedToMe + 1 })}
          </Text>
        )}
        {p.abilities.vote && !past && (
          <Card withBorder padding="md">
            <BallotForm proposal={p} onCast={setCast} />
          </Card>
        )}
        {!p.abilities.vote && !mine?.voted && !mine?.delegatedTo && !past && (
          <Text size="sm">{t('proposal.voting.cannotVote')}</Text>
        )}
        {!past && <Delegation proposal={p} bodyKind={bodyKind} />}
      </Stack>
    </section>
  );
}
