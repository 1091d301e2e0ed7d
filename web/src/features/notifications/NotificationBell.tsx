import { ActionIcon, Indicator } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../api/session.ts';
import { useNotifications } from '../governance/governance.api.ts';

/** The header's link to my notifications, with the number unread on a badge (and in its name). */
export function NotificationBell() {
  const { t } = useTranslation();
  const { data: session } = useSession();
  const { data } = useNotifications();
  if (!session?.person) return null;
  const unread = data?.unread ?? 0;
  const label = unread > 0 ? t('notifications.bellUnread', { count: unread }) : t('notifications.bell');
  return (
    <Indicator
      label={<span aria-hidden="true">{unread > 99 ? '99+' : unread}</span>}
      size={18}
      color="red.9"
      disabled={unread === 0}
      offset={4}
    >
      <ActionIcon component={Link} to="/notifications" variant="default" size="lg" aria-label={label} title={label}>
        <svg
          width="20"
          height="20"
          viewBox="0 0 24 24"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
          strokeLinecap="round"
          strokeLinejoin="round"
          aria-hidden="true"
          focusable="false"
        >
          <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
          <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
        </svg>
      </ActionIcon>
    </Indicator>
  );
}
