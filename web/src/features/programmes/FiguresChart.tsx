import type { Figure } from '@coopnet/contract/programmes';
import { Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { useFormat } from '../../components/useFormat.ts';

const WIDTH = 640;
const HEIGHT = 180;
const GAP = 4;

/**
 * A programme's impact over time: for each measure, a bar per week drawn by
 * hand in SVG (a picture, hidden from screen readers) and a table with the
 * same figures.
 */
export function FiguresChart({ figures }: { figures: Figure[] }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const number = new Intl.NumberFormat(i18n.language);
  const measures = [...new Set(figures.map((f) => f.measure))];
  return (
    <section aria-labelledby="programme-impact">
      <Title order={2} id="programme-impact" mb="sm">
        {t('programmes.impact')}
      </Title>
      {measures.length === 0 && <Text>{t('programmes.noFigures')}</Text>}
      <Stack gap="lg">
        {measures.map((measure) => {
          const rows = figures.filter((f) => f.measure === measure);
          const top = Math.max(1, ...rows.map((r) => r.value));
          const bar = WIDTH / rows.length;
          return (
            <Stack key={measure} gap="xs">
              <Title order={3} style={{ overflowWrap: 'anywhere' }}>
                {measure}
              </Title>
              <svg
                aria-hidden="true"
                viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
                width="100%"
                style={{ maxWidth: WIDTH, display: 'block' }}
              >
                <line x1={0} y1={HEIGHT - 0.5} x2={WIDTH} y2={HEIGHT - 0.5} stroke="currentColor" />
                {rows.map((r, i) => {
                  const h = Math.round((r.value / top) * (HEIGHT - 20));
                  return (
                    <rect
                      key={r.weekOf}
                      x={i * bar + GAP / 2}
                      y={HEIGHT - h}
                      width={Math.max(1, bar - GAP)}
                      height={h}
                      fill="var(--mantine-color-teal-8)"
                    />
                  );
                })}
              </svg>
              <ScrollTable label={t('programmes.figuresLabel', { measure })} minWidth={240}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('programmes.week')}</Table.Th>
                    <Table.Th scope="col">{measure}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((r) => (
                    <Table.Tr key={r.weekOf}>
                      <Table.Th scope="row" fw={400}>
                        {format.day(r.weekOf)}
                      </Table.Th>
                      <Table.Td>{number.format(r.value)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </ScrollTable>
            </Stack>
          );
        })}
      </Stack>
    </section>
  );
}
