import { Card, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { methodName, quorumNotes, quorumText, thresholdText } from '../rules.ts';
import type { Proposal } from '../types.ts';
import { FactList } from '../../../components/FactList.tsx';

/** How the proposal is decided, in plain words; frozen when voting opens, the bylaws' current rule before. */
export function RuleSection({ proposal: p, bodyName }: { proposal: Proposal; bodyName: string | null }) {
  const { t } = useTranslation();
  const rule = p.rule;
  const frozen = !!p.votingOpensAt;
  const facts: { label: string; value: ReactNode }[] = [];
  if (rule) {
    const quorum = quorumText(t, rule);
    const threshold = thresholdText(t, rule);
    facts.push(
      { label: t('proposal.rule.body'), value: bodyName ?? '' },
      { label: t('proposal.rule.basis'), value: t(`governance.basis.${rule.basis}`) },
      { label: t('proposal.rule.method'), value: methodName(t, rule.method) },
      {
        label: t('proposal.rule.quorum'),
        value: quorum ? (
          <>
            {quorum}
            {quorumNotes(t, rule).map((n) => (
              <Text key={n} component="span" display="block" size="sm">
                {n}
              </Text>
            ))}
          </>
        ) : (
          t('proposal.rule.noQuorum')
        ),
      },
    );
    if (threshold) facts.push({ label: t('proposal.rule.threshold'), value: threshold });
    if (p.matter === 'election' || p.options.length > 0)
      facts.push({ label: t('proposal.rule.seats'), value: String(p.seats) });
    facts.push(
      {
        label: t('proposal.rule.secret'),
        value: rule.secret ? t('proposal.rule.secretYes') : t('proposal.rule.secretNo'),
      },
      { label: t('proposal.rule.changeable'), value: rule.changeable ? t('common.yes') : t('common.no') },
      { label: t('proposal.rule.delegable'), value: rule.delegable ? t('common.yes') : t('common.no') },
    );
    if (p.electorateSize !== null && p.electorateSize !== undefined)
      facts.push({
        label: t('proposal.rule.electorate'),
        value: t('proposal.rule.electorateSize', { count: p.electorateSize }),
      });
  }
  return (
    <section aria-labelledby="rule-title">
      <Title order={2} id="rule-title" mb="xs">
        {t('proposal.rule.title')}
      </Title>
      <Text size="sm" mb="sm" maw={760}>
        {frozen ? t('proposal.rule.frozen') : t('proposal.rule.current')}
      </Text>
      {rule ? (
        <Card withBorder padding="md" maw={900}>
          <FactList facts={facts} />
        </Card>
      ) : (
        <Text>{t('proposal.rule.none')}</Text>
      )}
    </section>
  );
}
