import { Card, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** One figure in large type over its label, e.g. "€1,234.50" over "saved this month". */
export function Figure({ value, label, note }: { value: string; label: string; note?: ReactNode }) {
  return (
    <Card withBorder padding="lg">
      <Text fz={32} fw={700} lh={1.1} className="break-anywhere">
        {value}
      </Text>
      <Text mt={4}>{label}</Text>
      {note && (
        <Text size="sm" mt={4}>
          {note}
        </Text>
      )}
    </Card>
  );
}
