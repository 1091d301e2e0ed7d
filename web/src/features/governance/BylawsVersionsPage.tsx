import { Anchor, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { useFormat } from '../../components/useFormat.ts';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { BylawsTable } from './BylawsTable.tsx';
import { useBodies, useBylaws, useBylawsVersions } from './governance.api.ts';

/** Every version of the bylaws, each adopted by a proposal (the first at the network's start); ?version= shows one. */
export function BylawsVersionsPage() {
  const { t } = useTranslation();
  usePageTitle(t('bylaws.versionsTitle'));
  const fmt = useFormat();
  const [params, setParams] = useSearchParams();
  const versions = useBylawsVersions();
  const requested = Number(params.get('version')) || null;
  const shown = useBylaws(requested);
  const bodies = useBodies();

  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/governance" size="sm">
        {t('bylaws.back')}
      </Anchor>
      <Title order={1}>{t('bylaws.versionsTitle')}</Title>
      <ErrorAlert error={versions.error} />
      {versions.isPending && <Loading />}
      {versions.data && (
        <ScrollTable label={t('bylaws.versionsTable')} minWidth={420}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('bylaws.versionCol')}</Table.Th>
              <Table.Th scope="col">{t('bylaws.adoptedCol')}</Table.Th>
              <Table.Th scope="col">{t('bylaws.proposalCol')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {versions.data.items.map((v) => (
              <Table.Tr key={v.version}>
                <Table.Th scope="row">{v.version}</Table.Th>
                <Table.Td>{fmt.dateTime(v.adoptedAt)}</Table.Td>
                <Table.Td>
                  {v.proposalId ? (
                    <Anchor component={Link} to={`/proposals/${v.proposalId}`}>
                      {t('bylaws.theProposal')}
                    </Anchor>
                  ) : (
                    t('bylaws.atStart')
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollTable>
      )}
      {versions.data && versions.data.items.length > 0 && (
        <NativeSelect
          label={t('bylaws.showVersion')}
          value={String(shown.data?.version ?? requested ?? '')}
          onChange={(e) => setParams({ version: e.currentTarget.value }, { replace: true })}
          data={versions.data.items.map((v) => ({
            value: String(v.version),
            label: t('bylaws.versionOption', { version: v.version }),
          }))}
          maw={260}
        />
      )}
      <ErrorAlert error={shown.error} />
      {shown.data && (
        <section aria-labelledby="version-title">
          <Title order={2} id="version-title" mb="xs">
            {t('bylaws.versionHeading', { version: shown.data.version })}
          </Title>
          <Text mb="sm">{t('bylaws.adoptedOn', { date: fmt.date(shown.data.adoptedAt) })}</Text>
          <BylawsTable
            bylaws={shown.data.bylaws}
            bodies={bodies.data?.items ?? []}
            label={t('bylaws.versionHeading', { version: shown.data.version })}
          />
        </section>
      )}
    </Stack>
  );
}
