import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Alert, Badge, Card, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ScrollTable } from '../../../components/ScrollTable.tsx';
import { OpenBallots } from './OpenBallots.tsx';
import { useFormat } from '../../../components/useFormat.ts';
import { methodName } from '../rules.ts';
import { quorumSentence, thresholdSentence } from './result-words.ts';
import { formatVotes, unitsToNumber } from '../units.ts';
import type {
  ApprovalResult,
  ConsentResult,
  CountResult,
  IrvResult,
  Proposal,
  QuorumCheck,
  SchulzeResult,
  StvMeekResult,
  StvScottishResult,
  TieBreak,
  YesNoResult,
} from '../types.ts';

const OUTCOME_COLORS: Record<string, string> = {
  passed: '#237032',
  elected: '#237032',
  failed: 'red.9',
  no_quorum: '#c2410c',
};

/** After the close: the outcome, then the count in full — every figure a member needs to check it. */
export function ResultSection({ proposal: p }: { proposal: Proposal }) {
  const { t } = useTranslation();
  const result = p.result;
  if (!result) return null;
  const count = (result.count ?? null) as CountResult | null;
  const quorum = (result.quorum ?? null) as QuorumCheck | null;
  return (
    <section aria-labelledby="result-title">
      <Title order={2} id="result-title" mb="sm">
        {t('result.title')}
      </Title>
      <Stack gap="lg">
        <Group gap="sm" align="center">
          <Text fw={700}>{t('result.outcome')}</Text>
          <Badge color={OUTCOME_COLORS[result.outcome] ?? 'gray.7'} variant="filled" size="xl">
            {t(`result.outcomes.${result.outcome}`)}
          </Badge>
        </Group>
        {result.elected && result.elected.length > 0 && (
          <div>
            <Text fw={700} id="elected-title">
              {t('result.electedList', { count: result.elected.length })}
            </Text>
            <List aria-labelledby="elected-title">
              {result.elected.map((name) => (
                <List.Item key={name}>{name}</List.Item>
              ))}
            </List>
          </div>
        )}
        {result.effectError && (
          <Alert color="orange" variant="outline" title={t('result.effectFailed')}>
            {result.effectError.message}
          </Alert>
        )}
        {p.effectAppliedAt && <Text>{t('result.effectApplied')}</Text>}
        {quorum && <QuorumLine check={quorum} />}
        {count && <CountView count={count} proposal={p} />}
        {count && 'tieBreaks' in count && count.tieBreaks.length > 0 && (
          <TieBreaks tieBreaks={count.tieBreaks} names={p.options} />
        )}
        <OpenBallots proposal={p} />
      </Stack>
    </section>
  );
}

function CountView({ count, proposal: p }: { count: CountResult; proposal: Proposal }) {
  switch (count.method) {
    case 'yes_no':
      return <YesNoView count={count} />;
    case 'consent':
      return <ConsentView count={count} />;
    case 'approval':
      return <ApprovalView count={count} />;
    case 'irv':
      return <IrvView count={count} />;
    case 'stv_scottish':
      return <ScottishView count={count} />;
    case 'stv_meek':
      return <MeekView count={count} />;
    case 'schulze':
      return <SchulzeView count={count} seats={p.seats} />;
    default:
      return null;
  }
}

/** A chart is a picture of figures written out beside it: hidden from screen readers, which read the figures. */
function ChartFigure({ caption, children }: { caption: string; children: ReactNode }) {
  return (
    <figure style={{ margin: 0 }}>
      <div aria-hidden="true">{children}</div>
      <Text component="figcaption" size="sm" mt={4}>
        {caption}
      </Text>
    </figure>
  );
}

function QuorumLine({ check }: { check: QuorumCheck }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <Text>
      <strong>{t('result.quorum')}:</strong> {quorumSentence(t, check, fmt.number)}
    </Text>
  );
}

function YesNoView({ count }: { count: YesNoResult }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { tally } = count;
  const data = [
    { choice: t('result.yes'), votes: tally.yes, color: 'green.8' },
    { choice: t('result.no'), votes: tally.no, color: 'red.8' },
    { choice: t('result.abstain'), votes: tally.abstain, color: 'gray.6' },
  ];
  return (
    <Stack gap="md">
      <ChartFigure caption={t('result.chartCaption')}>
        <BarChart
          h={220}
          maw={520}
          data={data}
          dataKey="choice"
          series={[{ name: 'votes', label: t('result.votes'), color: 'blue.8' }]}
          withTooltip={false}
          accessibilityLayer={false}
          withBarValueLabel
          valueFormatter={fmt.number}
        />
      </ChartFigure>
      <Card withBorder padding="md" maw={760}>
        <Stack gap="xs">
          <Text>
            {t('result.tally', {
              yes: fmt.number(tally.yes),
              no: fmt.number(tally.no),
              abstain: fmt.number(tally.abstain),
              cast: fmt.number(count.cast),
              electorate: fmt.number(count.electorate),
            })}
          </Text>
          {count.quorum && <QuorumLine check={count.quorum} />}
          {!count.quorum && <Text>{t('result.noQuorumRule')}</Text>}
          {count.outcome !== 'no_quorum' && (
            <Text>
              <strong>{t('result.threshold')}:</strong>{' '}
              {thresholdSentence(t, count, fmt.number) ?? t('result.emptyBase')}
            </Text>
          )}
        </Stack>
      </Card>
    </Stack>
  );
}

function ConsentView({ count }: { count: ConsentResult }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <Card withBorder padding="md" maw={760}>
      <Stack gap="xs">
        <Text>
          {t('result.consentTally', {
            consents: fmt.number(count.consents),
            standAsides: fmt.number(count.standAsides),
            blocks: fmt.number(count.blocks),
          })}
        </Text>
        {count.quorum && <QuorumLine check={count.quorum} />}
        {count.blockReasons.length > 0 && (
          <>
            <Text fw={700} id="block-reasons">
              {t('result.blockReasons')}
            </Text>
            <List aria-labelledby="block-reasons">
              {count.blockReasons.map((r, i) => (
                <List.Item key={i}>{r}</List.Item>
              ))}
            </List>
          </>
        )}
        {count.standAsideReasons.length > 0 && (
          <>
            <Text fw={700} id="stand-aside-reasons">
              {t('result.standAsideReasons')}
            </Text>
            <List aria-labelledby="stand-aside-reasons">
              {count.standAsideReasons.map((r, i) => (
                <List.Item key={i}>{r}</List.Item>
              ))}
            </List>
          </>
        )}
      </Stack>
    </Card>
  );
}

function FinalChart({
  names,
  votes,
  caption,
  quota,
}: {
  names: readonly string[];
  votes: number[];
  caption: string;
  quota?: number;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const data = names.map((name, i) => ({ name, votes: votes[i] ?? 0 }));
  return (
    <ChartFigure caption={caption}>
      <BarChart
        h={Math.max(160, 44 * names.length + 60)}
        maw={720}
        data={data}
        dataKey="name"
        orientation="vertical"
        series={[{ name: 'votes', label: t('result.votes'), color: 'blue.8' }]}
        withTooltip={false}
        accessibilityLayer={false}
        yAxisProps={{ width: 140 }}
        valueFormatter={(v) => fmt.number(Math.round(v * 100) / 100)}
        referenceLines={
          quota !== undefined
            ? [{ x: quota, label: t('result.quota'), color: 'red.8', labelPosition: 'top' }]
            : undefined
        }
      />
    </ChartFigure>
  );
}

function ApprovalView({ count }: { count: ApprovalResult }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <Stack gap="md">
      <ScrollTable label={t('result.approvalTable')} minWidth={320}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('result.candidate')}</Table.Th>
            <Table.Th scope="col">{t('result.approvals')}</Table.Th>
            <Table.Th scope="col">{t('result.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {count.order.map((i) => (
            <Table.Tr key={i}>
              <Table.Th scope="row">{count.options[i]}</Table.Th>
              <Table.Td>{fmt.number(count.tallies[i] ?? 0)}</Table.Td>
              <Table.Td>{count.elected.includes(i) ? t('result.electedMark') : ''}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </ScrollTable>
      <Text size="sm">
        {t('result.approvalBallots', { ballots: fmt.number(count.ballots), blank: fmt.number(count.blankBallots) })}
      </Text>
      <FinalChart names={count.options} votes={count.tallies.slice()} caption={t('result.chartCaption')} />
    </Stack>
  );
}

interface StageColumn {
  label: string;
  action: string;
  /** votes in units */
  votes: readonly number[];
  change: readonly number[];
  /** non-transferable (or exhausted) so far, in units, and added at this stage */
  nonTransferable: number;
  nonTransferableChange: number;
  electedHere: readonly number[];
  excludedHere: number | null;
}

/** Rows = candidates, columns = stages; every figure from the count's whole units. */
function StagesTable({
  names,
  stages,
  unit,
  nonTransferableLabel,
}: {
  names: readonly string[];
  stages: StageColumn[];
  unit: number;
  nonTransferableLabel: string;
}) {
  const { t, i18n } = useTranslation();
  const v = (units: number) => formatVotes(units, unit, i18n.language);
  const signed = (units: number) => (units > 0 ? `+${v(units)}` : v(units));
  const label = t('result.stagesCaption');
  return (
    <Stack gap="xs">
      <Title order={3} fz="h4">
        {label}
      </Title>
      <div className="stages-table">
        <ScrollTable label={label} minWidth={Math.min(1200, 200 + 150 * stages.length)}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('result.candidate')}</Table.Th>
              {stages.map((s) => (
                <Table.Th scope="col" key={s.label} style={{ verticalAlign: 'bottom' }}>
                  {s.label}
                  <Text component="span" display="block" size="xs" fw={400}>
                    {s.action}
                  </Text>
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {names.map((name, c) => (
              <Table.Tr key={name}>
                <Table.Th scope="row">{name}</Table.Th>
                {stages.map((s, k) => (
                  <Table.Td key={s.label} className="num">
                    <span className={s.electedHere.includes(c) ? 'stage-elected' : undefined}>
                      {v(s.votes[c] ?? 0)}
                    </span>
                    {k > 0 && (s.change[c] ?? 0) !== 0 && (
                      <Text component="span" display="block" size="xs">
                        {signed(s.change[c] ?? 0)}
                      </Text>
                    )}
                    {s.electedHere.includes(c) && (
                      <Text component="span" display="block" size="xs" fw={700}>
                        {t('result.electedMark')}
                      </Text>
                    )}
                    {s.excludedHere === c && (
                      <Text component="span" display="block" size="xs" fw={700}>
                        {t('result.excludedMark')}
                      </Text>
                    )}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
            <Table.Tr>
              <Table.Th scope="row">{nonTransferableLabel}</Table.Th>
              {stages.map((s, k) => (
                <Table.Td key={s.label} className="num">
                  {v(s.nonTransferable)}
                  {k > 0 && s.nonTransferableChange !== 0 && (
                    <Text component="span" display="block" size="xs">
                      {signed(s.nonTransferableChange)}
                    </Text>
                  )}
                </Table.Td>
              ))}
            </Table.Tr>
          </Table.Tbody>
        </ScrollTable>
      </div>
    </Stack>
  );
}

const nameOf = (names: readonly string[], i: number) => names[i] ?? `#${i}`;

function ScottishView({ count }: { count: StvScottishResult }) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const v = (units: number) => formatVotes(units, count.unit, i18n.language);
  const names = count.candidates;
  const stages: StageColumn[] = count.stages.map((s) => ({
    label: t('result.stage', { n: s.stage }),
    action:
      s.action.kind === 'first_preferences'
        ? t('result.action.first')
        : s.action.kind === 'surplus'
          ? t('result.action.surplus', { name: nameOf(names, s.action.candidate) })
          : t('result.action.exclusion', { name: nameOf(names, s.action.candidate) }),
    votes: s.votes,
    change: s.change,
    nonTransferable: s.nonTransferable.total,
    nonTransferableChange: s.nonTransferableChange,
    electedHere: s.elected,
    excludedHere: s.action.kind === 'exclusion' ? s.action.candidate : null,
  }));
  const last = count.stages[count.stages.length - 1];
  const transfers = count.stages.filter((s) => s.action.kind === 'surplus');
  return (
    <Stack gap="md">
      <Text>
        {t('result.stvSummary', {
          method: methodName(t, 'stv_scottish'),
          valid: fmt.number(count.validVotes),
          seats: count.seats,
          quota: v(count.quota),
        })}
      </Text>
      {count.outcome === 'no_valid_votes' ? (
        <Text>{t('result.noValidVotes')}</Text>
      ) : (
        <>
          <StagesTable
            names={names}
            stages={stages}
            unit={count.unit}
            nonTransferableLabel={t('result.nonTransferable')}
          />
          {transfers.length > 0 && (
            <List size="sm">
              {transfers.map((s) =>
                s.action.kind === 'surplus' ? (
                  <List.Item key={s.stage}>
                    {t('result.transferValue', {
                      stage: s.stage,
                      name: nameOf(names, s.action.candidate),
                      surplus: v(s.action.surplus),
                      credited: v(s.action.votesCredited),
                      value: v(s.action.transferValue),
                    })}
                  </List.Item>
                ) : null,
              )}
            </List>
          )}
          {last && (
            <FinalChart
              names={names}
              votes={last.votes.map((x) => unitsToNumber(x, count.unit))}
              quota={unitsToNumber(count.quota, count.unit)}
              caption={t('result.finalChart', { n: last.stage })}
            />
          )}
        </>
      )}
    </Stack>
  );
}

function MeekView({ count }: { count: StvMeekResult }) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const v = (units: number) => formatVotes(units, count.unit, i18n.language);
  const names = count.candidates;
  const stages: StageColumn[] = count.stages.map((s, k) => {
    const prev = count.stages[k - 1];
    return {
      label: t('result.stage', { n: s.stage }),
      action:
        s.action.kind === 'first_preferences'
          ? t('result.action.first')
          : s.action.kind === 'surplus'
            ? t('result.action.surpluses', {
                count: s.action.candidates.length,
                names: s.action.candidates.map((c) => nameOf(names, c)).join(', '),
              })
            : t('result.action.exclusion', { name: nameOf(names, s.action.candidate) }),
      votes: s.votes,
      change: s.votes.map((x, c) => (prev ? x - (prev.votes[c] ?? 0) : x)),
      nonTransferable: s.excess,
      nonTransferableChange: prev ? s.excess - prev.excess : s.excess,
      electedHere: s.elected,
      excludedHere: s.action.kind === 'exclusion' ? s.action.candidate : null,
    };
  });
  const last = count.stages[count.stages.length - 1];
  return (
    <Stack gap="md">
      <Text>
        {t('result.meekSummary', {
          method: methodName(t, 'stv_meek'),
          valid: fmt.number(count.validVotes),
          seats: count.seats,
          quota: last ? v(last.quota) : '',
        })}
      </Text>
      {count.outcome === 'no_valid_votes' ? (
        <Text>{t('result.noValidVotes')}</Text>
      ) : (
        <>
          <StagesTable names={names} stages={stages} unit={count.unit} nonTransferableLabel={t('result.excess')} />
          {last && (
            <FinalChart
              names={names}
              votes={last.votes.map((x) => unitsToNumber(x, count.unit))}
              quota={unitsToNumber(last.quota, count.unit)}
              caption={t('result.finalChart', { n: last.stage })}
            />
          )}
        </>
      )}
    </Stack>
  );
}

function IrvView({ count }: { count: IrvResult }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const names = count.candidates;
  const stages: StageColumn[] = count.rounds.map((r) => ({
    label: t('result.round', { n: r.round }),
    action:
      r.action.kind === 'first_preferences'
        ? t('result.action.first')
        : t('result.action.exclusion', { name: nameOf(names, r.action.candidate) }),
    votes: r.votes,
    change: r.change,
    nonTransferable: r.exhausted,
    nonTransferableChange: r.exhaustedChange,
    electedHere: r.majority?.reached ? [r.majority.leader] : [],
    excludedHere: r.action.kind === 'exclusion' ? r.action.candidate : null,
  }));
  const last = count.rounds[count.rounds.length - 1];
  return (
    <Stack gap="md">
      <Text>
        {t('result.irvSummary', { valid: fmt.number(count.validVotes) })}{' '}
        {count.winner !== null &&
          t(count.wonBy === 'majority' ? 'result.irvMajority' : 'result.irvLast', {
            name: nameOf(names, count.winner),
          })}
      </Text>
      {count.outcome === 'no_valid_votes' ? (
        <Text>{t('result.noValidVotes')}</Text>
      ) : (
        <>
          <StagesTable names={names} stages={stages} unit={1} nonTransferableLabel={t('result.exhausted')} />
          {last && (
            <FinalChart
              names={names}
              votes={last.votes.slice()}
              caption={t('result.finalChartRound', { n: last.round })}
            />
          )}
        </>
      )}
    </Stack>
  );
}

function SchulzeView({ count, seats }: { count: SchulzeResult; seats: number }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const names = count.candidates;
  const label = t('result.pairwiseCaption');
  return (
    <Stack gap="md">
      <Text>
        {t('result.schulzeSummary', { valid: fmt.number(count.validVotes), seats })}{' '}
        {count.condorcetWinner !== null && t('result.condorcet', { name: nameOf(names, count.condorcetWinner) })}
      </Text>
      <Title order={3} fz="h4">
        {label}
      </Title>
      <Text size="sm">{t('result.pairwiseHint')}</Text>
      <ScrollTable label={label} minWidth={Math.min(1000, 160 + 110 * names.length)}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('result.prefers')}</Table.Th>
            {names.map((n) => (
              <Table.Th scope="col" key={n}>
                {t('result.over', { name: n })}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {names.map((n, i) => (
            <Table.Tr key={n}>
              <Table.Th scope="row">{n}</Table.Th>
              {names.map((m, j) => {
                const here = count.pairwise[i]?.[j] ?? 0;
                const there = count.pairwise[j]?.[i] ?? 0;
                return (
                  <Table.Td key={m} className="num" fw={i !== j && here > there ? 700 : undefined}>
                    {i === j ? '—' : fmt.number(here)}
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </ScrollTable>
      <div>
        <Text fw={700} id="schulze-ranking">
          {t('result.ranking')}
        </Text>
        <List type="ordered" aria-labelledby="schulze-ranking">
          {count.tiers.map((tier, k) => (
            <List.Item key={k}>{tier.map((i) => nameOf(names, i)).join(' = ')}</List.Item>
          ))}
        </List>
      </div>
    </Stack>
  );
}

function tieText(t: TFunction, tb: TieBreak, names: readonly string[]): string {
  const list = (xs: readonly number[]) => xs.map((i) => nameOf(names, i)).join(', ');
  return t('result.tie', {
    stage: tb.stage,
    tied: list(tb.tied),
    purpose: t(`result.tiePurpose.${tb.purpose}`),
    chosen: list(tb.chosen),
    how: tb.method === 'lot' ? t('result.tieByLot') : t('result.tieByStage', { stage: tb.decidedAtStage ?? '' }),
  });
}

function TieBreaks({ tieBreaks, names }: { tieBreaks: readonly TieBreak[]; names: readonly string[] }) {
  const { t } = useTranslation();
  return (
    <div>
      <Title order={3} fz="h4" mb="xs" id="ties-title">
        {t('result.ties')}
      </Title>
      <List aria-labelledby="ties-title">
        {tieBreaks.map((tb, k) => (
          <List.Item key={k}>{tieText(t, tb, names)}</List.Item>
        ))}
      </List>
    </div>
  );
}
