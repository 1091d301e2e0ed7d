import { Table } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A table that scrolls sideways on narrow screens instead of overflowing the
 * page. The scrolling box is focusable and named so keyboard users can scroll it.
 */
export function ScrollTable({
  label,
  minWidth = 600,
  children,
}: {
  label: string;
  minWidth?: number;
  children: ReactNode;
}) {
  return (
    <div role="region" aria-label={label} tabIndex={0} style={{ overflowX: 'auto' }}>
      <Table striped highlightOnHover verticalSpacing="xs" miw={minWidth}>
        <caption className="visually-hidden">{label}</caption>
        {children}
      </Table>
    </div>
  );
}
