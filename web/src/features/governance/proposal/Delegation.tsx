import type { Page } from '@coopnet/contract/common';
import { Button, Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import { useSession } from '../../../api/session.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { proposalKey } from '../governance.api.ts';
import type { BodyKind, BodyMember, ElectorateMember, Proposal } from '../types.ts';

/**
 * Who a vote can be handed to: the other members of the deciding body. A
 * council or committee lists its members; the assembly (every worker of
 * every member co-op) is asked for through the proposal's electorate.
 */
function useDelegationCandidates(p: Proposal, bodyKind: BodyKind | null, enabled: boolean) {
  return useQuery({
    queryKey: ['proposals', 'one', p.id, 'delegates', p.bodyId],
    enabled: enabled && !!p.bodyId,
    queryFn: async ({ signal }): Promise<ElectorateMember[]> => {
      if (bodyKind && bodyKind !== 'assembly') {
        const page = await api<Page<BodyMember>>(`/bodies/${p.bodyId}/members`, {
          query: { active: 'true', limit: 200 },
          signal,
        });
        return page.items.map((m) => ({ personId: m.personId, displayName: m.displayName, coopName: m.coopName }));
      }
      const page = await api<Page<ElectorateMember>>(`/proposals/${p.id}/electorate`, {
        query: { limit: 200 },
        signal,
      });
      return page.items;
    },
    staleTime: 60_000,
  });
}

/** Hand my vote on this proposal to another member, or take it back. */
export function Delegation({ proposal: p, bodyKind }: { proposal: Proposal; bodyKind: BodyKind | null }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { data: session } = useSession();
  const [to, setTo] = useState('');
  const mine = p.myParticipation;
  const delegatedTo = mine?.delegatedTo ?? null;
  const may = p.abilities.delegate && !delegatedTo;
  const candidates = useDelegationCandidates(p, bodyKind, may);
  const refresh = () => queryClient.invalidateQueries({ queryKey: proposalKey(p.id) });
  const hand = useMutation({
    mutationFn: (toPersonId: string) => api(`/proposals/${p.id}/delegation`, { method: 'POST', body: { toPersonId } }),
    onSuccess: refresh,
  });
  const takeBack = useMutation({
    mutationFn: () => api(`/proposals/${p.id}/delegation`, { method: 'DELETE' }),
    onSuccess: refresh,
  });

  if (!may && !delegatedTo) return null;
  const me = session?.person?.id;
  const options = (candidates.data ?? [])
    .filter((c) => c.personId !== me)
    .map((c) => ({ value: c.personId, label: c.coopName ? `${c.displayName} (${c.coopName})` : c.displayName }));

  return (
    <section aria-labelledby="delegation-title">
      <Title order={3} id="delegation-title" mb="xs">
        {t('proposal.delegation.title')}
      </Title>
      {delegatedTo ? (
        <Stack gap="xs">
          <Text>{t('proposal.delegation.handedTo', { name: delegatedTo.name })}</Text>
          <ErrorAlert error={takeBack.error} />
          {p.abilities.takeBackDelegation && (
            <Group>
              <Button variant="default" loading={takeBack.isPending} onClick={() => takeBack.mutate()}>
                {t('proposal.delegation.takeBack')}
              </Button>
            </Group>
          )}
        </Stack>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (to) hand.mutate(to);
          }}
        >
          <Stack gap="xs">
            <Text size="sm">{t('proposal.delegation.intro')}</Text>
            {candidates.isError ? (
              <Text size="sm">{t('proposal.delegation.noList')}</Text>
            ) : (
              <>
                <NativeSelect
                  label={t('proposal.delegation.handTo')}
                  value={to}
                  onChange={(e) => setTo(e.currentTarget.value)}
                  data={[{ value: '', label: t('proposal.delegation.choose') }, ...options]}
                  maw={420}
                  required
                />
                <ErrorAlert error={hand.error} />
                <Group>
                  <Button type="submit" variant="default" disabled={!to} loading={hand.isPending}>
                    {t('proposal.delegation.submit')}
                  </Button>
                </Group>
              </>
            )}
          </Stack>
        </form>
      )}
    </section>
  );
}
