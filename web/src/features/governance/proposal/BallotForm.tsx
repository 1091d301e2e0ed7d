import { Alert, Button, Checkbox, Group, List, NativeSelect, Radio, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { proposalKey, storeBallotToken, storedBallotToken } from '../governance.api.ts';
import { rankingOf, rankingProblems, type Ranks } from '../ranking.ts';
import type { Ballot, CastReply, Proposal } from '../types.ts';

const RANKED = ['irv', 'stv_scottish', 'stv_meek', 'schulze'];

/**
 * The ballot, by the vote's method: yes/no/abstain, consent, approval, or a
 * ranking (a native select per candidate). A secret ballot's token is kept
 * on this device so the voter can change it until the close.
 */
export function BallotForm({ proposal: p, onCast }: { proposal: Proposal; onCast: (r: CastReply) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const method = p.rule?.method ?? 'yes_no';
  const [choice, setChoice] = useState('');
  const [reason, setReason] = useState('');
  const [approvals, setApprovals] = useState<string[]>([]);
  const [ranks, setRanks] = useState<Ranks>(() => p.options.map(() => null));
  const [problems, setProblems] = useState<string[]>([]);
  const token = storedBallotToken(p.id);
  const voted = !!p.myParticipation?.voted;
  const secret = !!p.rule?.secret;

  const cast = useMutation({
    mutationFn: (ballot: Ballot) =>
      api<CastReply>(`/proposals/${p.id}/ballots`, {
        method: 'POST',
        body: { ballot, ...(secret && token ? { ballotToken: token } : {}) },
      }),
    onSuccess: async (reply) => {
      if (reply.ballotToken) storeBallotToken(p.id, reply.ballotToken);
      onCast(reply);
      await queryClient.invalidateQueries({ queryKey: proposalKey(p.id) });
    },
  });

  // Voted already: a second ballot replaces the first only where the rule allows, and for a
  // secret ballot only from the device that holds its token.
  if (voted && !p.rule?.changeable) return <Text>{t('proposal.ballot.final')}</Text>;
  if (voted && secret && !token) return <Text>{t('proposal.ballot.noToken')}</Text>;

  const submit = () => {
    setProblems([]);
    if (method === 'yes_no') {
      if (!choice) return setProblems([t('proposal.ballot.chooseOne')]);
      return cast.mutate({ choice: choice as 'yes' | 'no' | 'abstain' });
    }
    if (method === 'consent') {
      if (!choice) return setProblems([t('proposal.ballot.chooseOne')]);
      if (choice === 'block' && !reason.trim()) return setProblems([t('errors.consent.block_without_reason')]);
      return cast.mutate({
        choice: choice as 'consent' | 'block' | 'stand_aside',
        ...(reason.trim() ? { reason: reason.trim() } : {}),
      });
    }
    if (method === 'approval') return cast.mutate({ approvals: approvals.map(Number).sort((a, b) => a - b) });
    const found = rankingProblems(ranks);
    if (found.length > 0) {
      return setProblems(
        found.map((pr) =>
          pr.code === 'ballot.empty'
            ? t('proposal.ballot.rankNone')
            : pr.code === 'ballot.duplicate_rank'
              ? t('proposal.ballot.rankTwice', {
                  rank: pr.rank,
                  names: pr.options.map((i) => p.options[i]).join(', '),
                })
              : t('proposal.ballot.rankGap', { rank: pr.missing }),
        ),
      );
    }
    return cast.mutate({ ranking: rankingOf(ranks) });
  };

  const ranked = RANKED.includes(method);
  const order = ranked && rankingProblems(ranks).length === 0 ? rankingOf(ranks) : [];

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      noValidate
    >
      <Stack gap="md">
        {voted && <Text size="sm">{t('proposal.ballot.changeable')}</Text>}
        {method === 'yes_no' && (
          <Radio.Group label={t('proposal.ballot.yourVote')} value={choice} onChange={setChoice} required>
            <Group mt="xs" gap="lg">
              <Radio value="yes" label={t('proposal.ballot.yes')} />
              <Radio value="no" label={t('proposal.ballot.no')} />
              <Radio value="abstain" label={t('proposal.ballot.abstain')} />
            </Group>
          </Radio.Group>
        )}
        {method === 'consent' && (
          <>
            <Radio.Group label={t('proposal.ballot.yourResponse')} value={choice} onChange={setChoice} required>
              <Stack mt="xs" gap="xs">
                <Radio value="consent" label={t('proposal.ballot.consent')} />
                <Radio value="stand_aside" label={t('proposal.ballot.standAside')} />
                <Radio value="block" label={t('proposal.ballot.block')} />
              </Stack>
            </Radio.Group>
            <Textarea
              label={t('proposal.ballot.reason')}
              description={t('proposal.ballot.reasonHint')}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              required={choice === 'block'}
              autosize
              minRows={2}
            />
          </>
        )}
        {method === 'approval' && (
          <Checkbox.Group
            label={t('proposal.ballot.approvals')}
            description={t('proposal.ballot.approvalsHint', { count: p.seats })}
            value={approvals}
            onChange={setApprovals}
          >
            <Stack mt="xs" gap="xs">
              {p.options.map((o, i) => (
                <Checkbox key={o} value={String(i)} label={o} />
              ))}
            </Stack>
          </Checkbox.Group>
        )}
        {ranked && (
          <fieldset className="plain-fieldset">
            <legend className="ballot-legend">{t('proposal.ballot.ranking')}</legend>
            <Text size="sm" mb="sm">
              {t('proposal.ballot.rankingHint')}
            </Text>
            <Stack gap="xs">
              {p.options.map((o, i) => (
                <NativeSelect
                  key={o}
                  label={t('proposal.ballot.rankFor', { name: o })}
                  value={ranks[i] === null || ranks[i] === undefined ? '' : String(ranks[i])}
                  onChange={(e) => {
                    const v = e.currentTarget.value;
                    setRanks((r) => r.map((x, j) => (j === i ? (v ? Number(v) : null) : x)));
                    // The problems named were of the ranking as it was: check again on the next try.
                    setProblems([]);
                  }}
                  data={[
                    { value: '', label: t('proposal.ballot.notRanked') },
                    ...p.options.map((_, k) => ({ value: String(k + 1), label: String(k + 1) })),
                  ]}
                  maw={360}
                />
              ))}
            </Stack>
            {order.length > 0 && (
              <>
                <Text size="sm" mt="sm" fw={700} id="ranking-preview">
                  {t('proposal.ballot.yourOrder')}
                </Text>
                <List type="ordered" size="sm" aria-labelledby="ranking-preview">
                  {order.map((i) => (
                    <List.Item key={i}>{p.options[i]}</List.Item>
                  ))}
                </List>
              </>
            )}
          </fieldset>
        )}
        {problems.length > 0 && (
          <Alert color="red" variant="light" role="alert" title={t('proposal.ballot.problems')}>
            <List size="sm">
              {problems.map((m) => (
                <List.Item key={m}>{m}</List.Item>
              ))}
            </List>
          </Alert>
        )}
        <ErrorAlert error={cast.error} />
        {secret && <Text size="sm">{t('proposal.ballot.secretNote')}</Text>}
        <Group>
          <Button type="submit" loading={cast.isPending}>
            {t('proposal.ballot.cast')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
