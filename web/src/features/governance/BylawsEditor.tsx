/** Editing the bylaws for a 'bylaw_change' proposal: one matter at a time, starting from the current version. */
import { Alert, Checkbox, Fieldset, Group, List, NativeSelect, NumberInput, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { bodyKindName, matterName, methodName } from './rules.ts';
import type { Body, Bylaws, MatterRule } from './types.ts';
import { bodyName } from './bodyWords.ts';

const BASES = ['member', 'coop', 'weighted'] as const;
const METHODS = ['yes_no', 'consent', 'approval', 'irv', 'stv_scottish', 'stv_meek', 'schulze'] as const;
const THRESHOLD_BASES = ['cast', 'yes_no', 'electorate'] as const;

const whole = (v: number | string): number => {
  const n = typeof v === 'number' ? v : Number.parseInt(v, 10);
  return Number.isFinite(n) ? Math.max(0, Math.trunc(n)) : 0;
};

interface Props {
  bylaws: Bylaws;
  bodies: Body[];
  matter: string;
  onMatter: (m: string) => void;
  onChange: (b: Bylaws) => void;
}

export function BylawsEditor({ bylaws, bodies, matter, onMatter, onChange }: Props) {
  const { t } = useTranslation();
  const rule = bylaws.matters[matter];
  const set = (patch: Partial<MatterRule>) => {
    if (!rule) return;
    onChange({ ...bylaws, matters: { ...bylaws.matters, [matter]: { ...rule, ...patch } } });
  };
  // A committee is a body of its own; the assembly and the council are one each.
  const bodyValue = rule ? (rule.body === 'committee' ? `committee:${rule.committeeId ?? ''}` : rule.body) : '';
  const bodyOptions = [
    { value: 'assembly', label: bodyKindName(t, 'assembly') },
    { value: 'council', label: bodyKindName(t, 'council') },
    ...bodies.filter((b) => b.kind === 'committee').map((b) => ({ value: `committee:${b.id}`, label: bodyName(t, b) })),
  ];
  if (rule && !bodyOptions.some((o) => o.value === bodyValue))
    bodyOptions.push({ value: bodyValue, label: bodyKindName(t, rule.body) });

  return (
    <Stack gap="md">
      <NativeSelect
        label={t('bylawChange.matter')}
        description={t('bylawChange.matterHint')}
        value={matter}
        onChange={(e) => onMatter(e.currentTarget.value)}
        data={Object.keys(bylaws.matters).map((m) => ({ value: m, label: matterName(t, m) }))}
      />
      {rule && (
        <Fieldset legend={t('bylawChange.rulesOf', { matter: matterName(t, matter) })}>
          <Stack gap="sm">
            <NativeSelect
              label={t('bylaws.body')}
              value={bodyValue}
              onChange={(e) => {
                const v = e.currentTarget.value;
                if (v.startsWith('committee:')) set({ body: 'committee', committeeId: v.slice('committee:'.length) });
                else set({ body: v as MatterRule['body'], committeeId: undefined });
              }}
              data={bodyOptions}
            />
            <NativeSelect
              label={t('bylaws.basis')}
              value={rule.basis}
              onChange={(e) => set({ basis: e.currentTarget.value as MatterRule['basis'] })}
              data={BASES.map((b) => ({ value: b, label: t(`governance.basis.${b}`) }))}
            />
            <NativeSelect
              label={t('bylaws.method')}
              value={rule.method}
              onChange={(e) => set({ method: e.currentTarget.value as MatterRule['method'] })}
              data={METHODS.map((m) => ({ value: m, label: methodName(t, m) }))}
            />
            <Checkbox
              label={t('bylawChange.hasThreshold')}
              checked={!!rule.threshold}
              onChange={(e) =>
                set({
                  threshold: e.currentTarget.checked
                    ? { numerator: 1, denominator: 2, base: 'yes_no', strict: true }
                    : null,
                })
              }
            />
            {rule.threshold && (
              <Group align="flex-start" gap="sm" wrap="wrap">
                <NativeSelect
                  label={t('bylawChange.thresholdComparison')}
                  value={rule.threshold.strict ? 'gt' : 'ge'}
                  onChange={(e) => rule.threshold && set({ threshold: { ...rule.threshold, strict: e.currentTarget.value === 'gt' } })}
                  data={[
                    { value: 'ge', label: t('bylawChange.atLeast') },
                    { value: 'gt', label: t('bylawChange.moreThan') },
                  ]}
                  miw={150}
                />
                <NumberInput
                  label={t('bylawChange.thresholdNumerator')}
                  value={rule.threshold.numerator}
                  onChange={(v) => rule.threshold && set({ threshold: { ...rule.threshold, numerator: whole(v) } })}
                  min={0}
                  allowDecimal={false}
                  allowNegative={false}
                  w={150}
                />
                <NumberInput
                  label={t('bylawChange.thresholdDenominator')}
                  value={rule.threshold.denominator}
                  onChange={(v) => rule.threshold && set({ threshold: { ...rule.threshold, denominator: whole(v) } })}
                  min={1}
                  allowDecimal={false}
                  allowNegative={false}
                  w={150}
                />
                <NativeSelect
                  label={t('bylawChange.thresholdBase')}
                  value={rule.threshold.base}
                  onChange={(e) =>
                    rule.threshold &&
                    set({ threshold: { ...rule.threshold, base: e.currentTarget.value as (typeof THRESHOLD_BASES)[number] } })
                  }
                  data={THRESHOLD_BASES.map((b) => ({ value: b, label: t(`governance.rule.base.${b}`) }))}
                  miw={200}
                />
              </Group>
            )}
            <Checkbox
              label={t('bylawChange.hasQuorum')}
              checked={!!rule.quorum}
              onChange={(e) =>
                set({
                  quorum: e.currentTarget.checked
                    ? { numerator: 1, denominator: 4, strict: false, abstentionsCount: true, attendanceCounts: false }
                    : null,
                })
              }
            />
            {rule.quorum && (
              <Group align="flex-start" gap="sm" wrap="wrap">
                <NumberInput
                  label={t('bylawChange.quorumNumerator')}
                  value={rule.quorum.numerator}
                  onChange={(v) => rule.quorum && set({ quorum: { ...rule.quorum, numerator: whole(v) } })}
                  min={0}
                  allowDecimal={false}
                  allowNegative={false}
                  w={150}
                />
                <NumberInput
                  label={t('bylawChange.quorumDenominator')}
                  value={rule.quorum.denominator}
                  onChange={(v) => rule.quorum && set({ quorum: { ...rule.quorum, denominator: whole(v) } })}
                  min={1}
                  allowDecimal={false}
                  allowNegative={false}
                  w={150}
                />
              </Group>
            )}
            <Checkbox
              label={t('bylaws.secret')}
              checked={rule.secret}
              onChange={(e) => set({ secret: e.currentTarget.checked })}
            />
            <Checkbox
              label={t('bylawChange.changeable')}
              checked={rule.changeable}
              onChange={(e) => set({ changeable: e.currentTarget.checked })}
            />
          </Stack>
        </Fieldset>
      )}
    </Stack>
  );
}

/** The problems the server found in the proposed bylaws (`governance.bad_bylaws` details), listed by path. */
export function BylawsProblems({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!(error instanceof ApiError) || error.code !== 'governance.bad_bylaws' || !Array.isArray(error.details)) return null;
  const items = (error.details as unknown[]).flatMap((d) => {
    if (!d || typeof d !== 'object') return [];
    const { path, message } = d as { path?: unknown; message?: unknown };
    const where = Array.isArray(path) ? path.join('.') : typeof path === 'string' ? path : '';
    return typeof message === 'string' ? [{ where, message }] : [];
  });
  if (items.length === 0) return null;
  return (
    <Alert color="red" variant="light" title={t('bylawChange.problems')}>
      <List size="sm">
        {items.map((p, i) => (
          <List.Item key={i}>
            {p.where ? <Text span ff="monospace" size="sm">{p.where}</Text> : null}
            {p.where ? ': ' : ''}
            {p.message}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
