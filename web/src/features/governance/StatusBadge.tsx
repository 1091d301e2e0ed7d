import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ProposalStatus } from './types.ts';

/** Filled badges whose white text passes 4.5:1 (Mantine's darkest green and orange do not: darker ones here). */
const COLORS: Record<ProposalStatus, string> = {
  draft: 'gray.7',
  discussion: 'blue.8',
  voting: 'violet.8',
  passed: '#237032',
  elected: '#237032',
  failed: 'red.9',
  no_quorum: '#c2410c',
  withdrawn: 'gray.7',
};

export function StatusBadge({ status, size = 'md' }: { status: ProposalStatus; size?: 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status] ?? 'gray.7'} variant="filled" size={size} style={{ flexShrink: 0 }}>
      {t(`proposalStatus.${status}`, { defaultValue: status })}
    </Badge>
  );
}
