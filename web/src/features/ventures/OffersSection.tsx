import type { Offer, Venture } from '@coopnet/contract/ventures';
import { Anchor, Button, Card, Group, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../api/session.ts';
import type { useVentureChange } from './ventures.api.ts';

type Change = ReturnType<typeof useVentureChange>;

/**
 * Help offered to the venture: members offer a skill or ask to join its team;
 * its team accepts or declines; who offered may withdraw. Accepted offers
 * are shown to anyone, open ones to the team and to who made them.
 */
export function OffersSection({ venture: v, change }: { venture: Venture; change: Change }) {
  const { t } = useTranslation();
  const session = useSession();
  const me = session.data?.person?.id;
  const [kind, setKind] = useState<'skill' | 'join'>('skill');
  const [text, setText] = useState('');
  const open = v.offers.filter((o) => o.status === 'open');
  const accepted = v.offers.filter((o) => o.status === 'accepted');

  const offerCard = (o: Offer) => (
    <Card
      key={o.id}
      withBorder
      padding="sm"
      component="article"
      aria-label={t('ventures.offers.from', { name: o.personName })}
    >
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Stack gap={2} style={{ minWidth: 0, flex: '1 1 14rem' }}>
          <Text size="sm" fw={700}>
            {t(`ventures.offers.kinds.${o.kind}`, { name: o.personName })}
          </Text>
          <Text style={{ overflowWrap: 'anywhere' }}>{o.text}</Text>
        </Stack>
        <Group gap="xs">
          {o.status === 'open' && v.abilities.manage && (
            <>
              <Button
                size="sm"
                loading={change.isPending}
                onClick={() => change.mutate({ path: `/offers/${o.id}/decision`, body: { decision: 'accept' } })}
              >
                {t('ventures.offers.accept')}
              </Button>
              <Button
                size="sm"
                variant="default"
                loading={change.isPending}
                onClick={() => change.mutate({ path: `/offers/${o.id}/decision`, body: { decision: 'decline' } })}
              >
                {t('ventures.offers.decline')}
              </Button>
            </>
          )}
          {o.personId === me && (
            <Button
              size="sm"
              variant="default"
              loading={change.isPending}
              onClick={() => change.mutate({ path: `/offers/${o.id}`, method: 'DELETE' })}
            >
              {t('ventures.offers.withdraw')}
            </Button>
          )}
        </Group>
      </Group>
    </Card>
  );

  return (
    <section aria-labelledby="venture-offers">
      <Title order={2} id="venture-offers" mb="sm">
        {t('ventures.offers.title')}
      </Title>
      {open.length > 0 && (
        <Stack gap="xs" mb="md">
          <Title order={3} size="h4">
            {t('ventures.offers.waiting')}
          </Title>
          {open.map(offerCard)}
        </Stack>
      )}
      <Stack gap="xs" mb="md">
        <Title order={3} size="h4">
          {t('ventures.offers.accepted')}
        </Title>
        {accepted.length === 0 ? <Text size="sm">{t('ventures.offers.noneAccepted')}</Text> : accepted.map(offerCard)}
      </Stack>
      {!session.data?.person && v.stage !== 'member' && (
        <Anchor component={Link} to="/sign-in">
          {t('ventures.offers.signIn')}
        </Anchor>
      )}
      {v.abilities.offer && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            change.mutate({ path: '/offers', body: { kind, text: text.trim() } }, { onSuccess: () => setText('') });
          }}
        >
          <Stack gap="xs">
            <Text fw={700} id="offer-kind">
              {t('ventures.offers.how')}
            </Text>
            <SegmentedControl
              aria-labelledby="offer-kind"
              value={kind}
              onChange={(value) => setKind(value as 'skill' | 'join')}
              data={[
                { value: 'skill', label: t('ventures.offers.offerSkill') },
                { value: 'join', label: t('ventures.offers.askToJoin') },
              ]}
              style={{ alignSelf: 'flex-start' }}
            />
            <TextInput
              label={kind === 'skill' ? t('ventures.offers.skill') : t('ventures.offers.role')}
              required
              maxLength={300}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
            />
            <Button type="submit" loading={change.isPending} style={{ alignSelf: 'flex-start' }}>
              {kind === 'skill' ? t('ventures.offers.sendSkill') : t('ventures.offers.sendJoin')}
            </Button>
          </Stack>
        </form>
      )}
    </section>
  );
}
