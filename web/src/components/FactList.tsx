import { SimpleGrid, Text } from '@mantine/core';
import type { ReactNode } from 'react';

export interface Fact {
  label: string;
  value: ReactNode;
}

/** Labelled facts as a description list, two columns where there is room. */
export function FactList({ facts }: { facts: Fact[] }) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" component="dl" style={{ margin: 0 }}>
      {facts.map((f) => (
        <div key={f.label}>
          <Text component="dt" fw={700} size="sm">
            {f.label}
          </Text>
          <Text component="dd" m={0}>
            {f.value}
          </Text>
        </div>
      ))}
    </SimpleGrid>
  );
}
