import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface PagerProps {
  total: number;
  limit: number;
  offset: number;
  onChange: (offset: number) => void;
}

/** Previous / next paging with the range shown; hidden when everything fits on one page. */
export function Pager({ total, limit, offset, onChange }: PagerProps) {
  const { t } = useTranslation();
  if (total <= limit && offset === 0) return null;
  const from = total === 0 ? 0 : offset + 1;
  const to = Math.min(offset + limit, total);
  return (
    <Group justify="space-between" mt="md" wrap="wrap" component="nav" aria-label={t('pager.label')}>
      <Text size="sm" aria-live="polite">
        {t('pager.range', { from, to, total })}
      </Text>
      <Group gap="xs">
        <Button variant="default" disabled={offset === 0} onClick={() => onChange(Math.max(0, offset - limit))}>
          {t('pager.previous')}
        </Button>
        <Button variant="default" disabled={offset + limit >= total} onClick={() => onChange(offset + limit)}>
          {t('pager.next')}
        </Button>
      </Group>
    </Group>
  );
}
