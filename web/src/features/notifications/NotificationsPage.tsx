import { Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useMoney } from '../../components/useMoney.ts';
import { useFormat } from '../../components/useFormat.ts';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { notificationsKey, useNotifications } from '../governance/governance.api.ts';
import type { Notification } from '../governance/types.ts';
import { notificationLink, notificationText } from './notificationText.ts';

/** What the network told me: votes opening, closing and decided, appointments. */
export function NotificationsPage() {
  const { t } = useTranslation();
  usePageTitle(t('notifications.title'));
  const queryClient = useQueryClient();
  const list = useNotifications();
  const refresh = () => queryClient.invalidateQueries({ queryKey: notificationsKey });
  const markRead = useMutation({
    mutationFn: (n: Notification) => api(`/notifications/${n.id}/read`, { method: 'POST', body: {} }),
    onSuccess: refresh,
  });
  const markAll = useMutation({
    mutationFn: () => api('/notifications/read-all', { method: 'POST', body: {} }),
    onSuccess: refresh,
  });
  const unread = list.data?.unread ?? 0;

  return (
    <Stack gap="lg" maw={760}>
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Title order={1}>{t('notifications.title')}</Title>
        {unread > 0 && (
          <Button variant="default" loading={markAll.isPending} onClick={() => markAll.mutate()}>
            {t('notifications.markAll')}
          </Button>
        )}
      </Group>
      {list.data && <Text role="status">{t('notifications.unread', { count: unread })}</Text>}
      <ErrorAlert error={list.error ?? markRead.error ?? markAll.error} />
      {list.isPending && <Loading />}
      {list.data && list.data.items.length === 0 && <Text>{t('notifications.none')}</Text>}
      {list.data && list.data.items.length > 0 && (
        <Stack component="ul" gap="sm" className="plain-list">
          {list.data.items.map((n) => (
            <NotificationItem
              key={n.id}
              notification={n}
              marking={markRead.isPending && markRead.variables?.id === n.id}
              onRead={() => markRead.mutate(n)}
            />
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function NotificationItem({
  notification: n,
  marking,
  onRead,
}: {
  notification: Notification;
  marking: boolean;
  onRead: () => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const money = useMoney();
  const text = notificationText(t, n, money);
  const link = notificationLink(n);
  const unread = !n.readAt;
  return (
    <li>
      <Card
        withBorder
        padding="sm"
        style={unread ? { borderInlineStart: '4px solid var(--mantine-primary-color-filled)' } : undefined}
      >
        <Stack gap={4}>
          <Group justify="space-between" wrap="nowrap" align="flex-start" gap="sm">
            <Text fw={unread ? 700 : 400} className="break-anywhere">
              {link ? (
                <Anchor component={Link} to={link} onClick={() => unread && onRead()}>
                  {text}
                </Anchor>
              ) : (
                text
              )}
            </Text>
            {unread && (
              <Badge variant="filled" color="blue.8" style={{ flexShrink: 0 }}>
                {t('notifications.new')}
              </Badge>
            )}
          </Group>
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Text size="sm">
              <time dateTime={n.createdAt}>{fmt.dateTime(n.createdAt)}</time>
            </Text>
            {unread && (
              <Button
                size="compact-sm"
                variant="default"
                loading={marking}
                onClick={onRead}
                aria-label={t('notifications.markReadNamed', { text })}
              >
                {t('notifications.markRead')}
              </Button>
            )}
          </Group>
        </Stack>
      </Card>
    </li>
  );
}
