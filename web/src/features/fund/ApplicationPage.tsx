import type { FundApplication } from '@coopnet/contract/fund';
import { Anchor, Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client.ts';
import { useAbilities } from '../../api/session.ts';
import { ConfirmModal } from '../../components/ConfirmModal.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { FactList } from '../../components/FactList.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useFormat } from '../../components/useFormat.ts';
import { useMoney } from '../../components/useMoney.ts';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { STATUS_COLOR } from './ApplicationsPage.tsx';
import { applicationsKey, useApplication, useFund } from './fund.api.ts';

/**
 * One application: what is asked and why, who decides, the committee's
 * answers; for a committee member, approve or decline; for a treasurer who
 * did not approve it, pay it.
 */
export function ApplicationPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const application = useApplication(id);
  usePageTitle(application.data ? t(`fund.applicationKinds.${application.data.kind}`) : t('fund.applications.title'));
  if (application.isPending) return <Loading />;
  if (application.error) return <ErrorAlert error={application.error} />;
  return <ApplicationView a={application.data} />;
}

function ApplicationView({ a }: { a: FundApplication }) {
  const { t } = useTranslation();
  const money = useMoney();
  const format = useFormat();
  const queryClient = useQueryClient();
  const { i18n } = useTranslation();
  const abilities = useAbilities();
  const names = useFund().data?.subFunds.find((f) => f.code === a.subFund)?.names;
  const subFundName = names ? (i18n.language.startsWith('es') ? names.es : names.en) : a.subFund;
  const [confirming, setConfirming] = useState(false);
  const refresh = async (next: FundApplication) => {
    queryClient.setQueryData([...applicationsKey, a.id], next);
    await queryClient.invalidateQueries({ queryKey: ['fund'] });
  };
  const answer = useMutation({
    mutationFn: (decision: 'approve' | 'decline') =>
      api<FundApplication>(`/fund/applications/${a.id}/answers`, { method: 'POST', body: { decision } }),
    onSuccess: refresh,
  });
  // One key per payment the treasurer means: a retry after a dropped connection pays once.
  const [paymentKey] = useState(() => crypto.randomUUID());
  const pay = useMutation({
    mutationFn: () =>
      api<FundApplication>(`/fund/applications/${a.id}/payment`, {
        method: 'POST',
        headers: { 'Idempotency-Key': paymentKey },
      }),
    onSuccess: async (next) => {
      setConfirming(false);
      await refresh(next);
    },
  });

  const track =
    a.track.by === 'assembly'
      ? t('fund.application.byAssembly')
      : a.track.dueAt
        ? t('fund.application.fastTrack', { count: a.track.approvalsNeeded ?? 0, due: format.dateTime(a.track.dueAt) })
        : t('fund.application.byCommittee', { count: a.track.approvalsNeeded ?? 0 });

  return (
    <Stack gap="lg" maw={760}>
      <Stack gap="xs">
        <Anchor component={Link} to="/fund/applications" size="sm">
          {t('fund.application.back')}
        </Anchor>
        <Group gap="sm" align="center">
          <Title order={1}>
            {t(`fund.applicationKinds.${a.kind}`)} — {a.coopName}
          </Title>
          <Badge color={STATUS_COLOR[a.status]} variant="light" size="lg">
            {t(`fund.applicationStatus.${a.status}`)}
          </Badge>
          {a.track.overdue && (
            <Badge color="red.9" variant="outline" size="lg">
              {t('fund.application.overdue')}
            </Badge>
          )}
        </Group>
        {a.track.overdue && <Text size="sm">{t('fund.application.overdueNote')}</Text>}
      </Stack>
      <FactList
        facts={[
          { label: t('fund.application.amount'), value: money(a.amountCents) },
          { label: t('fund.application.subFund'), value: subFundName },
          { label: t('fund.application.appliedBy'), value: `${a.appliedBy ?? '—'}, ${format.date(a.createdAt)}` },
          { label: t('fund.application.decides'), value: track },
          {
            label: t('fund.application.publicList'),
            value: t(a.hideRecipient ? 'fund.application.unnamed' : 'fund.application.named'),
          },
          ...(a.loan
            ? [
                {
                  label: t('fund.loan.terms'),
                  value: t('fund.loan.termsText', {
                    months: a.loan.termMonths,
                    rate: (a.loan.rateBasisPoints / 100).toLocaleString(i18n.language),
                    grace: a.loan.graceMonths,
                  }),
                },
                { label: t('fund.apply.schedule'), value: t(`fund.schedules.${a.loan.schedule}`) },
                ...(a.loan.shareBasisPoints
                  ? [
                      {
                        label: t('fund.apply.share'),
                        value: `${(a.loan.shareBasisPoints / 100).toLocaleString(i18n.language)} %`,
                      },
                    ]
                  : []),
              ]
            : []),
        ]}
      />
      <section aria-labelledby="application-purpose">
        <Title order={2} size="h3" id="application-purpose">
          {t('fund.application.purpose')}
        </Title>
        <Text style={{ whiteSpace: 'pre-line' }} className="break-anywhere">
          {a.purpose}
        </Text>
      </section>
      <section aria-labelledby="application-plan">
        <Title order={2} size="h3" id="application-plan">
          {t('fund.application.plan')}
        </Title>
        <Text style={{ whiteSpace: 'pre-line' }} className="break-anywhere">
          {a.plan}
        </Text>
      </section>
      <section aria-labelledby="application-answers">
        <Title order={2} size="h3" id="application-answers">
          {t('fund.application.answers')}
        </Title>
        {a.answers.length === 0 ? (
          <Text>{t('fund.application.noAnswers')}</Text>
        ) : (
          <Stack gap={4} component="ul" style={{ paddingLeft: '1.2rem', margin: 0 }}>
            {a.answers.map((x) => (
              <Text component="li" key={`${x.personName}-${x.at}`}>
                {t(`fund.application.answer.${x.decision}`, { name: x.personName, when: format.dateTime(x.at) })}
              </Text>
            ))}
          </Stack>
        )}
      </section>
      {a.repayment && (
        <section aria-labelledby="application-repayment">
          <Title order={2} size="h3" id="application-repayment">
            {t('fund.apply.repayment')}
          </Title>
          <Text style={{ whiteSpace: 'pre-line' }} className="break-anywhere">
            {a.repayment}
          </Text>
        </section>
      )}
      {a.loanId && (
        <Anchor component={Link} to={`/fund/loans/${a.loanId}`} fw={500}>
          {t('fund.loan.statementLink')}
        </Anchor>
      )}
      {a.payment && (
        <Text>
          {t('fund.application.paid', { name: a.payment.paidBy ?? '—', when: format.dateTime(a.payment.paidAt) })}
        </Text>
      )}
      {a.abilities.answer && (
        <Group>
          <Button onClick={() => answer.mutate('approve')} loading={answer.isPending && answer.variables === 'approve'}>
            {t('fund.application.approve')}
          </Button>
          <Button
            variant="default"
            onClick={() => answer.mutate('decline')}
            loading={answer.isPending && answer.variables === 'decline'}
          >
            {t('fund.application.decline')}
          </Button>
        </Group>
      )}
      {answer.error && <ErrorAlert error={answer.error} />}
      {a.track.by === 'assembly' && a.status === 'open' && abilities.decideApplications && (
        <Group>
          <Button
            component={Link}
            to={`/proposals/new?matter=fund_application&applicationId=${a.id}`}
            variant="default"
          >
            {t('fund.application.putToVote')}
          </Button>
        </Group>
      )}
      {a.abilities.pay && (
        <Group>
          <Button onClick={() => setConfirming(true)}>{t('fund.application.pay')}</Button>
        </Group>
      )}
      <ConfirmModal
        opened={confirming}
        title={t('fund.application.payTitle')}
        message={t('fund.application.payConfirm', { amount: money(a.amountCents), coop: a.coopName })}
        confirmLabel={t('fund.application.pay')}
        loading={pay.isPending}
        error={pay.error}
        onConfirm={() => pay.mutate()}
        onClose={() => setConfirming(false)}
      />
    </Stack>
  );
}
