import { SimpleGrid, Text, Title } from '@mantine/core';
import type { ComponentProps } from 'react';
import { Figure } from './Figure.tsx';

type Shown = ComponentProps<typeof Figure> & { testId: string };

/** A titled section of two figures side by side (one above the other on a phone): this month's and this year's. */
export function FigurePair({ id, title, intro, figures }: { id: string; title: string; intro: string; figures: [Shown, Shown] }) {
  return (
    <section aria-labelledby={id}>
      <Title order={2} id={id}>
        {title}
      </Title>
      <Text mt={4} mb="md" maw={720}>
        {intro}
      </Text>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
        {figures.map(({ testId, ...figure }) => (
          <div key={testId} data-testid={testId}>
            <Figure {...figure} />
          </div>
        ))}
      </SimpleGrid>
    </section>
  );
}
