import {
  Alert,
  Button,
  FileInput,
  Group,
  List,
  NativeSelect,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Title,
} from '@mantine/core';
import { detectDelimiter, parseCsv } from '@coopnet/domain/people/csv';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useMoney } from '../../components/useMoney.ts';
import { type ImportResult, type Mapping, readStatement } from './contributions.api.ts';

const FIELDS = ['date', 'amount', 'reference', 'description'] as const;
/** Words banks put at the top of each column, to choose the columns for the treasurer. */
const GUESS: Record<(typeof FIELDS)[number], RegExp> = {
  date: /fecha|date|data|valor/i,
  amount: /importe|amount|cantidad|import\b/i,
  reference: /referencia|reference|ref/i,
  description: /concepto|description|descripci|text|detalle/i,
};

/** The first row of a statement, as columns. */
function columnsOf(csv: string): string[] {
  try {
    return parseCsv(csv.split(/\r?\n/, 1)[0] ?? '', detectDelimiter(csv))[0]?.fields ?? [];
  } catch {
    return [];
  }
}

/**
 * Importing a bank statement: the treasurer chooses the file, says which
 * column holds what (guessed from the first row), previews what would be
 * booked and what is left for them, then books it.
 */
export function StatementImport() {
  const { t } = useTranslation();
  const money = useMoney();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [csv, setCsv] = useState('');
  const [header, setHeader] = useState(true);
  const [mapping, setMapping] = useState<Record<(typeof FIELDS)[number], string>>({
    date: '',
    amount: '',
    reference: '',
    description: '',
  });
  const [shown, setShown] = useState<{ result: ImportResult; booked: boolean } | null>(null);
  const columns = columnsOf(csv);

  const choose = async (chosen: File | null) => {
    setFile(chosen);
    setShown(null);
    const text = chosen ? await chosen.text() : '';
    setCsv(text);
    const cols = columnsOf(text);
    const guessed = Object.fromEntries(
      FIELDS.map((f) => [f, String(cols.findIndex((c) => GUESS[f].test(c)))]),
    ) as Record<(typeof FIELDS)[number], string>;
    setMapping(Object.fromEntries(FIELDS.map((f) => [f, guessed[f] === '-1' ? '' : guessed[f]])) as typeof guessed);
  };

  const ready = mapping.date !== '' && mapping.amount !== '' && mapping.reference !== '';
  const asMapping = (): Mapping => ({
    date: Number(mapping.date),
    amount: Number(mapping.amount),
    reference: Number(mapping.reference),
    ...(mapping.description !== '' && { description: Number(mapping.description) }),
    header,
  });
  const run = useMutation({
    mutationFn: (commit: boolean) => readStatement(csv, asMapping(), commit),
    onSuccess: async (result, commit) => {
      setShown({ result, booked: commit });
      if (commit) await queryClient.invalidateQueries({ queryKey: ['fund'] });
    },
  });

  const columnChoices = [
    { value: '', label: t('fund.statement.none') },
    ...columns.map((c, i) => ({
      value: String(i),
      label: header ? c || t('fund.statement.column', { n: i + 1 }) : t('fund.statement.column', { n: i + 1 }),
    })),
  ];
  const result = shown?.result;
  const bookedCents = result?.matched.reduce((s, m) => s + m.cents, 0) ?? 0;

  return (
    <section aria-labelledby="statement-import">
      <Title order={2} id="statement-import">
        {t('fund.statement.title')}
      </Title>
      <Text mt={4} mb="md" maw={720}>
        {t('fund.statement.intro')}
      </Text>
      <Stack gap="md" maw={760}>
        <FileInput
          label={t('fund.statement.file')}
          placeholder={t('fund.statement.filePlaceholder')}
          accept=".csv,text/csv,text/plain"
          clearable
          clearButtonProps={{ 'aria-label': t('fund.statement.clearFile') }}
          value={file}
          onChange={(f) => void choose(f)}
        />
        {csv && (
          <>
            <Switch
              label={t('fund.statement.header')}
              checked={header}
              onChange={(e) => setHeader(e.currentTarget.checked)}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              {FIELDS.map((f) => (
                <NativeSelect
                  key={f}
                  label={t(`fund.statement.fields.${f}`)}
                  value={mapping[f]}
                  onChange={(e) => {
                    const value = e.currentTarget.value;
                    setMapping((m) => ({ ...m, [f]: value }));
                    setShown(null);
                  }}
                  data={columnChoices}
                  required={f !== 'description'}
                />
              ))}
            </SimpleGrid>
            <Group>
              <Button
                variant="default"
                disabled={!ready}
                loading={run.isPending && run.variables === false}
                onClick={() => run.mutate(false)}
              >
                {t('fund.statement.preview')}
              </Button>
              {shown && !shown.booked && result && result.matched.length > 0 && (
                <Button loading={run.isPending && run.variables === true} onClick={() => run.mutate(true)}>
                  {t('fund.statement.book', { count: result.matched.length })}
                </Button>
              )}
            </Group>
          </>
        )}
        <ErrorAlert error={run.error} />
        {result && (
          <Alert
            color={shown.booked ? 'teal' : 'blue'}
            title={shown.booked ? t('fund.statement.booked') : t('fund.statement.previewed')}
            role="status"
          >
            <Stack gap="xs">
              <Text>
                {t(shown.booked ? 'fund.statement.bookedCount' : 'fund.statement.wouldBook', {
                  count: result.matched.length,
                  amount: money(bookedCents),
                })}
              </Text>
              {result.alreadyImported.length > 0 && (
                <Text>{t('fund.statement.already', { count: result.alreadyImported.length })}</Text>
              )}
              {result.unmatched.length + result.malformed.length > 0 && (
                <>
                  <Text fw={500}>
                    {t('fund.statement.left', { count: result.unmatched.length + result.malformed.length })}
                  </Text>
                  <List size="sm">
                    {result.malformed.map((m) => (
                      <List.Item key={`m${m.line}`}>
                        {t('fund.statement.lineProblem', {
                          line: m.line,
                          problem: t(`fund.statement.problems.${m.problem}`),
                        })}
                      </List.Item>
                    ))}
                    {result.unmatched.map((u) => (
                      <List.Item key={`u${u.line}`}>
                        {t('fund.statement.lineProblem', {
                          line: u.line,
                          problem: t(`fund.statement.reasons.${u.reason}`),
                        })}
                      </List.Item>
                    ))}
                  </List>
                </>
              )}
            </Stack>
          </Alert>
        )}
      </Stack>
    </section>
  );
}
