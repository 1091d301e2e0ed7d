import type { CoopWithAbilities } from '@coopnet/contract/coops';
import type { WorkerImportResult } from '@coopnet/contract/people';
import { Alert, Button, Code, FileInput, Group, Progress, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiUpload } from '../../api/client.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { CoopAdminFrame } from './CoopAdminFrame.tsx';
import { invitationsKey, workersKey } from './workers.api.ts';

export function ImportPage() {
  const { t } = useTranslation();
  return <CoopAdminFrame title={t('import.title')}>{(coop) => <ImportForm coop={coop} />}</CoopAdminFrame>;
}

type Stage = 'idle' | 'uploading' | 'processing' | 'done' | 'failed';

/** Uploading moves the bar to 60 %; the server's work shows as a moving bar until its answer. */
function progressValue(stage: Stage, uploaded: number): number {
  if (stage === 'uploading') return Math.round(5 + 55 * uploaded);
  if (stage === 'processing') return 80;
  if (stage === 'done' || stage === 'failed') return 100;
  return 0;
}

/** Import many workers from a CSV (email,display_name): preview first, then import. */
function ImportForm({ coop }: { coop: CoopWithAbilities }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [csv, setCsv] = useState('');
  const [stage, setStage] = useState<Stage>('idle');
  const [uploaded, setUploaded] = useState(0);
  const [result, setResult] = useState<{ dryRun: boolean; data: WorkerImportResult } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const busy = stage === 'uploading' || stage === 'processing';

  const run = async (dryRun: boolean) => {
    setError(null);
    setResult(null);
    setUploaded(0);
    setStage('uploading');
    try {
      const data = await apiUpload<WorkerImportResult>(`/coops/${coop.id}/worker-imports`, { csv, dryRun }, (f) => {
        setUploaded(f);
        if (f >= 1) setStage('processing');
      });
      setResult({ dryRun, data });
      setStage('done');
      if (!dryRun) {
        await queryClient.invalidateQueries({ queryKey: workersKey(coop.id) });
        await queryClient.invalidateQueries({ queryKey: invitationsKey(coop.id) });
      }
    } catch (err) {
      setError(err);
      setStage('failed');
    }
  };

  const readFile = async (file: File | undefined) => {
    if (!file) return;
    setCsv(await file.text());
    setResult(null);
    setStage('idle');
  };

  const value = progressValue(stage, uploaded);
  const stageText = {
    idle: '',
    uploading: t('import.stage.uploading'),
    processing: t('import.stage.processing'),
    done: t('import.stage.done'),
    failed: t('import.stage.failed'),
  }[stage];

  return (
    <Stack gap="lg">
      <Text>
        {t('import.intro')} <Code>email,display_name</Code>
      </Text>
      <FileInput
        label={t('import.file')}
        description={t('import.fileHint')}
        placeholder={t('import.filePlaceholder')}
        accept=".csv,text/csv,text/plain"
        clearable
        clearButtonProps={{ 'aria-label': t('import.clearFile') }}
        value={file}
        onChange={(chosen) => {
          setFile(chosen);
          void readFile(chosen ?? undefined);
        }}
      />
      <Textarea
        label={t('import.paste')}
        value={csv}
        onChange={(e) => setCsv(e.currentTarget.value)}
        autosize
        minRows={5}
        maxRows={14}
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
        placeholder={'email,display_name\nana@example.org,Ana López'}
      />
      <Group gap="sm">
        <Button variant="default" onClick={() => void run(true)} disabled={!csv.trim() || busy}>
          {t('import.preview')}
        </Button>
        <Button onClick={() => void run(false)} disabled={!csv.trim() || busy}>
          {t('import.submit')}
        </Button>
      </Group>

      {stage !== 'idle' && (
        <Stack gap={4}>
          <Progress.Root size="lg">
            <Progress.Section
              value={value}
              animated={stage === 'processing'}
              color={stage === 'failed' ? 'red' : undefined}
              aria-label={t('import.progress')}
            />
          </Progress.Root>
          <Text size="sm" aria-live="polite">
            {stageText}
          </Text>
        </Stack>
      )}

      <ErrorAlert error={error} />

      {result && (
        <section aria-labelledby="import-result-title">
          <Title order={2} id="import-result-title" mb="sm">
            {result.dryRun ? t('import.previewTitle') : t('import.resultTitle')}
          </Title>
          <Alert color={result.data.refused.length ? 'yellow' : 'green'} variant="outline" role="status" mb="md">
            <Text fw={700}>
              {result.dryRun
                ? t('import.wouldImport', { count: Math.max(0, result.data.total - result.data.refused.length) })
                : t('import.imported', { count: result.data.imported })}
            </Text>
            <Text>{t('import.summary', { total: result.data.total, refused: result.data.refused.length })}</Text>
          </Alert>
          {result.data.refused.length > 0 && (
            <>
              <Title order={3} mb="xs">
                {t('import.refusedTitle')}
              </Title>
              <ScrollTable label={t('import.refusedTitle')} minWidth={480}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('import.line')}</Table.Th>
                    <Table.Th scope="col">{t('import.email')}</Table.Th>
                    <Table.Th scope="col">{t('import.reason')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {result.data.refused.map((r) => (
                    <Table.Tr key={`${r.line}-${r.email}`}>
                      <Table.Td>{r.line}</Table.Td>
                      <Table.Td className="break-anywhere">{r.email}</Table.Td>
                      <Table.Td>
                        {r.code ? t(`importReasons.${r.code}`, { defaultValue: r.reason }) : r.reason}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </ScrollTable>
            </>
          )}
        </section>
      )}
    </Stack>
  );
}
