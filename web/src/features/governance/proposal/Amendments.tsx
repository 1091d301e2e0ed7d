import { Badge, Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import { fieldErrorsOf } from '../../../api/errors.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { useFormat } from '../../../components/useFormat.ts';
import { proposalKey } from '../governance.api.ts';
import type { Amendment, Proposal } from '../types.ts';

const STATUS_COLORS = { open: 'blue.8', accepted: '#237032', declined: 'gray.7' } as const;

/**
 * Amendments: members of the deciding body propose a new text during the
 * discussion; the author accepts one (it becomes the text) or declines it.
 */
export function Amendments({ proposal: p }: { proposal: Proposal }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const refresh = () => queryClient.invalidateQueries({ queryKey: proposalKey(p.id) });
  const propose = useMutation({
    mutationFn: () => api(`/proposals/${p.id}/amendments`, { method: 'POST', body: { text: text.trim() } }),
    onSuccess: async () => {
      setText('');
      await refresh();
    },
  });
  const decide = useMutation({
    mutationFn: ({ a, how }: { a: Amendment; how: 'accept' | 'decline' }) =>
      api(`/proposals/${p.id}/amendments/${a.id}/${how}`, { method: 'POST', body: {} }),
    onSuccess: refresh,
  });
  // The author decides while the proposal may still be edited.
  const mayDecide = p.abilities.edit;
  if (p.amendments.length === 0 && !p.abilities.amend) return null;

  return (
    <section aria-labelledby="amendments-title">
      <Title order={2} id="amendments-title" mb="sm">
        {t('amendments.title')}
      </Title>
      <Stack gap="md" maw={760}>
        {p.amendments.length === 0 && <Text>{t('amendments.none')}</Text>}
        {p.amendments.map((a, k) => (
          <AmendmentCard
            key={a.id}
            amendment={a}
            number={k + 1}
            mayDecide={mayDecide && a.status === 'open'}
            busy={decide.isPending && decide.variables?.a.id === a.id ? decide.variables.how : null}
            onDecide={(how) => decide.mutate({ a, how })}
          />
        ))}
        <ErrorAlert error={decide.error} />
        {p.abilities.amend && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              propose.mutate();
            }}
          >
            <Stack gap="xs">
              <Textarea
                label={t('amendments.text')}
                description={t('amendments.textHint')}
                value={text}
                onChange={(e) => setText(e.currentTarget.value)}
                autosize
                minRows={4}
                required
                error={fieldErrorsOf(propose.error).text}
              />
              <ErrorAlert error={propose.error} />
              <Group>
                <Button type="submit" variant="default" loading={propose.isPending}>
                  {t('amendments.submit')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </section>
  );
}

function AmendmentCard({
  amendment: a,
  number,
  mayDecide,
  busy,
  onDecide,
}: {
  amendment: Amendment;
  number: number;
  mayDecide: boolean;
  busy: 'accept' | 'decline' | null;
  onDecide: (how: 'accept' | 'decline') => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const headingId = `amendment-${a.id}`;
  const name = t('amendments.named', { n: number, name: a.authorName });
  return (
    <Card withBorder padding="md" component="article" aria-labelledby={headingId}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Title order={3} fz="h5" id={headingId}>
            {name}
          </Title>
          <Badge color={STATUS_COLORS[a.status]} variant="filled">
            {t(`amendments.status.${a.status}`)}
          </Badge>
        </Group>
        <Text size="sm">{fmt.dateTime(a.createdAt)}</Text>
        <Text style={{ whiteSpace: 'pre-line' }} className="break-anywhere">
          {a.text}
        </Text>
        {mayDecide && (
          <Group gap="sm">
            <Button
              size="sm"
              loading={busy === 'accept'}
              onClick={() => onDecide('accept')}
              aria-label={t('amendments.acceptNamed', { name })}
            >
              {t('amendments.accept')}
            </Button>
            <Button
              size="sm"
              variant="default"
              loading={busy === 'decline'}
              onClick={() => onDecide('decline')}
              aria-label={t('amendments.declineNamed', { name })}
            >
              {t('amendments.decline')}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}
