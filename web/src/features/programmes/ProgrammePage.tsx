import { Anchor, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useSession } from '../../api/session.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useFormat } from '../../components/useFormat.ts';
import { useMoney } from '../../components/useMoney.ts';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { CalendarLink } from './CalendarLink.tsx';
import { FiguresChart } from './FiguresChart.tsx';
import { useProgramme, useSignup } from './programmes.api.ts';

/**
 * A community programme's public page: what it does, who coordinates it, and
 * its coming volunteer shifts with the places left; a member signs up to a
 * shift or withdraws from it.
 */
export function ProgrammePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const programme = useProgramme(id);
  const signup = useSignup(id);
  const session = useSession();
  const format = useFormat();
  const money = useMoney();
  usePageTitle(programme.data?.name ?? t('programmes.title'));
  if (programme.isPending) return <Loading />;
  if (programme.error) return <ErrorAlert error={programme.error} />;
  const p = programme.data;
  const signedIn = !!session.data?.person;
  return (
    <Stack gap="xl" maw={880}>
      <Stack gap="xs">
        <Anchor component={Link} to="/programmes" size="sm">
          {t('programmes.back')}
        </Anchor>
        <Text size="sm">{t(`programmes.kinds.${p.kind}`)}</Text>
        <Title order={1}>{p.name}</Title>
        <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{p.description}</Text>
        <Text size="sm">{t('programmes.coordinators', { names: p.coordinators.map((c) => c.name).join(', ') })}</Text>
        {p.fromFundCents !== 0 && <Text size="sm">{t('programmes.fromFund', { amount: money(p.fromFundCents) })}</Text>}
      </Stack>
      <FiguresChart figures={p.figures} />
      <section aria-labelledby="programme-shifts">
        <Title order={2} id="programme-shifts" mb="sm">
          {t('programmes.shifts')}
        </Title>
        {signup.error && <ErrorAlert error={signup.error} />}
        {p.shifts.length === 0 && <Text>{t('programmes.noShifts')}</Text>}
        {!signedIn && p.shifts.length > 0 && (
          <Text mb="sm">
            <Anchor component={Link} to="/sign-in">
              {t('programmes.signInToHelp')}
            </Anchor>
          </Text>
        )}
        <Stack gap="sm">
          {p.shifts.map((s) => (
            <Card key={s.id} withBorder component="article" aria-label={s.title}>
              <Group justify="space-between" wrap="wrap" gap="sm">
                <Stack gap={2}>
                  <Text fw={700}>{s.title}</Text>
                  <Text size="sm">
                    {format.dateTime(s.startsAt)} – {format.dateTime(s.endsAt)}
                  </Text>
                  <Text size="sm">
                    {s.signedUp
                      ? t('programmes.youAreIn')
                      : s.placesLeft === 0
                        ? t('programmes.full')
                        : t('programmes.placesLeft', { count: s.placesLeft })}
                  </Text>
                </Stack>
                {signedIn && (s.signedUp || s.placesLeft > 0) && (
                  <Button
                    variant={s.signedUp ? 'default' : 'filled'}
                    loading={signup.isPending && signup.variables?.shiftId === s.id}
                    onClick={() => signup.mutate({ shiftId: s.id, join: !s.signedUp })}
                  >
                    {s.signedUp ? t('programmes.withdraw') : t('programmes.signUp')}
                  </Button>
                )}
              </Group>
            </Card>
          ))}
        </Stack>
        {signedIn && (
          <Stack mt="lg">
            <CalendarLink />
          </Stack>
        )}
      </section>
    </Stack>
  );
}
