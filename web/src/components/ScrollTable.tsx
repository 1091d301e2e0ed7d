import { Table, Text } from '@mantine/core';
import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Edges {
  before: boolean;
  after: boolean;
}

/**
 * Every table of the app, one pattern: when the table is wider than the screen
 * (a phone, or a wide matrix), it scrolls sideways inside its own box and says
 * so — a line above it ("scroll sideways…"), a shadow on each edge that hides
 * columns, and the first column (what each row is about) kept in place.
 * The scrolling box is focusable and named so keyboard users can scroll it.
 */
export function ScrollTable({
  label,
  minWidth = 600,
  stickyFirst = true,
  children,
}: {
  label: string;
  minWidth?: number;
  /** Keep the first column in view while the others scroll (off when the first column says little). */
  stickyFirst?: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const hintId = useId();
  const [edges, setEdges] = useState<Edges>({ before: false, after: false });

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const update = () => {
      const room = el.scrollWidth - el.clientWidth;
      const before = el.scrollLeft > 1;
      const after = room > 1 && el.scrollLeft < room - 1;
      setEdges((was) => (was.before === before && was.after === after ? was : { before, after }));
    };
    update();
    el.addEventListener('scroll', update, { passive: true });
    const watch = new ResizeObserver(update);
    watch.observe(el);
    if (el.firstElementChild) watch.observe(el.firstElementChild);
    return () => {
      el.removeEventListener('scroll', update);
      watch.disconnect();
    };
  }, []);

  const scrolls = edges.before || edges.after;
  return (
    <div
      className="scroll-table"
      data-scrolls={scrolls || undefined}
      data-more-before={edges.before || undefined}
      data-more-after={edges.after || undefined}
    >
      {scrolls && (
        <Text id={hintId} size="xs" c="dimmed" className="scroll-table-hint">
          {t('scrollTable.hint')}
        </Text>
      )}
      <div className="scroll-table-frame">
        <div
          ref={box}
          className="scroll-table-box"
          role="region"
          aria-label={label}
          aria-describedby={scrolls ? hintId : undefined}
          tabIndex={0}
        >
          <Table
            striped
            highlightOnHover
            verticalSpacing="xs"
            miw={minWidth}
            className={stickyFirst ? 'sticky-first' : undefined}
          >
            <caption className="visually-hidden">{label}</caption>
            {children}
          </Table>
        </div>
      </div>
    </div>
  );
}
