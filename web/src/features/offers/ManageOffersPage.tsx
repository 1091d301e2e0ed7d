import type { CoopWithAbilities } from '@coopnet/contract/coops';
import { Alert, Button, Divider, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { ConfirmModal } from '../../components/ConfirmModal.tsx';
import { Loading } from '../../components/Loading.tsx';
import { CoopAdminFrame } from '../workers/CoopAdminFrame.tsx';
import { FlaggedRedemptions } from './FlaggedRedemptions.tsx';
import { OfferCard, OfferStatusBadge } from './OfferCard.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { OfferForm } from './OfferForm.tsx';
import { type Offer, offersKey, useCoopOffers } from './offers.api.ts';

export function ManageOffersPage() {
  const { t } = useTranslation();
  return <CoopAdminFrame title={t('offers.manage.title')}>{(coop) => <ManageOffers coop={coop} />}</CoopAdminFrame>;
}

type Action = 'pause' | 'resume' | 'end';

/**
 * A co-op admin's offers: every offer with its status, new and edit in a
 * dialog, pause / resume / end, and the redemptions flagged by offline tills.
 * Who may manage comes from the offers list's own abilities.
 */
function ManageOffers({ coop }: { coop: CoopWithAbilities }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const offers = useCoopOffers(coop.id);
  const [editing, setEditing] = useState<Offer | 'new' | null>(null);
  const [ending, setEnding] = useState<Offer | null>(null);
  const [done, setDone] = useState('');

  const change = useMutation({
    mutationFn: ({ offer, action }: { offer: Offer; action: Action }) =>
      api<Offer>(`/offers/${offer.id}/${action}`, { method: 'POST' }),
    onSuccess: async (_saved, { offer, action }) => {
      setEnding(null);
      setDone(t(`offers.manage.done.${action}`, { title: offer.title }));
      await queryClient.invalidateQueries({ queryKey: offersKey });
    },
  });

  if (offers.isPending) return <Loading />;
  if (offers.error) return <ErrorAlert error={offers.error} />;
  if (!offers.data.abilities.manage) {
    return (
      <Alert color="gray" variant="outline">
        {t('offers.manage.onlyAdmins')}
      </Alert>
    );
  }
  const items = offers.data.items;
  const act = (offer: Offer, action: Action) => {
    setDone('');
    change.mutate({ offer, action });
  };

  return (
    <Stack gap="xl">
      <section aria-labelledby="coop-offers-manage-title">
        <Group justify="space-between" align="center" mb="sm" wrap="wrap">
          <Title order={2} id="coop-offers-manage-title">
            {t('offers.manage.listTitle')}
          </Title>
          <Button
            onClick={() => {
              setDone('');
              setEditing('new');
            }}
          >
            {t('offers.manage.new')}
          </Button>
        </Group>
        <Stack gap="sm">
          <Text role="status" fw={done ? 700 : undefined}>
            {done}
          </Text>
          <ErrorAlert error={ending ? null : change.error} />
          {items.length === 0 && <Text>{t('offers.manage.none')}</Text>}
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            {items.map((o) => {
              const busy = change.isPending && change.variables?.offer.id === o.id;
              return (
                <OfferCard key={o.id} offer={o} headingOrder={3} badge={<OfferStatusBadge status={o.status} />}>
                  {o.status !== 'ended' && (
                    <Group gap="xs" wrap="wrap">
                      <Button
                        size="compact-md"
                        variant="default"
                        aria-label={t('offers.manage.editNamed', { title: o.title })}
                        onClick={() => {
                          setDone('');
                          setEditing(o);
                        }}
                      >
                        {t('offers.manage.edit')}
                      </Button>
                      {o.status === 'active' ? (
                        <Button
                          size="compact-md"
                          variant="default"
                          loading={busy && change.variables?.action === 'pause'}
                          aria-label={t('offers.manage.pauseNamed', { title: o.title })}
                          onClick={() => act(o, 'pause')}
                        >
                          {t('offers.manage.pause')}
                        </Button>
                      ) : (
                        <Button
                          size="compact-md"
                          variant="default"
                          loading={busy && change.variables?.action === 'resume'}
                          aria-label={t('offers.manage.resumeNamed', { title: o.title })}
                          onClick={() => act(o, 'resume')}
                        >
                          {t('offers.manage.resume')}
                        </Button>
                      )}
                      <Button
                        size="compact-md"
                        color="red"
                        aria-label={t('offers.manage.endNamed', { title: o.title })}
                        onClick={() => {
                          change.reset();
                          setEnding(o);
                        }}
                      >
                        {t('offers.manage.end')}
                      </Button>
                    </Group>
                  )}
                </OfferCard>
              );
            })}
          </SimpleGrid>
        </Stack>
      </section>

      <Divider />
      <FlaggedRedemptions coop={coop} />

      {editing && (
        <OfferForm
          coopId={coop.id}
          offer={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(saved, created) => {
            setEditing(null);
            setDone(t(created ? 'offers.manage.done.created' : 'offers.manage.done.saved', { title: saved.title }));
          }}
        />
      )}
      <ConfirmModal
        opened={!!ending}
        title={t('offers.manage.endTitle')}
        message={t('offers.manage.endText', { title: ending?.title ?? '' })}
        confirmLabel={t('offers.manage.endConfirm')}
        loading={change.isPending}
        error={change.error}
        onConfirm={() => ending && change.mutate({ offer: ending, action: 'end' })}
        onClose={() => {
          setEnding(null);
          change.reset();
        }}
      />
    </Stack>
  );
}
