/** A person's own notifications: listed only to them, marked read by them. */
import { Notification, type NotificationListQuery } from '@coopnet/contract/governance-bodies';
import type { AppDeps } from '../../../deps.ts';
import type { NotificationTable } from '../../../db/schema-governance.ts';
import type { MaybeActor } from '../../../platform/auth/actor.ts';
import { requireActor } from '../../../platform/auth/authorize.ts';
import { recordAudit } from '../../../platform/audit/audit.repository.ts';
import { nowIso } from '../../../platform/clock.ts';
import { notFound } from '../../../platform/errors.ts';
import { parseStored } from '../../../platform/stored-json.ts';
import * as repo from './notifications.repository.ts';

const present = (n: NotificationTable) => ({
  id: n.id,
  kind: n.kind,
  subjectId: n.subject_id,
  data: parseStored(Notification.shape.data, n.data_json, 'notifications.data_json'),
  createdAt: n.created_at,
  readAt: n.read_at,
});

export function notificationsService({ db }: AppDeps) {
  async function list(actorIn: MaybeActor, q: NotificationListQuery) {
    const actor = requireActor(actorIn);
    const unreadOnly = q.unread === 'true';
    const [{ rows, total }, unread] = await Promise.all([
      repo.listNotifications(db, actor.personId, { ...q, unread: unreadOnly }),
      repo.unreadCount(db, actor.personId),
    ]);
    return { items: rows.map(present), total, limit: q.limit, offset: q.offset, unread };
  }

  async function markRead(actorIn: MaybeActor, id: string) {
    const actor = requireActor(actorIn);
    const n = await repo.findNotification(db, id);
    // Someone else's notification does not exist for this person.
    if (!n || n.person_id !== actor.personId) throw notFound('notification');
    if (n.read_at) return present(n);
    const at = nowIso();
    await db.transaction().execute(async (trx) => {
      await repo.markNotificationRead(trx, n.id, at);
      await recordAudit(trx, { actorId: actor.personId, action: 'notification.read', subjectType: 'notification', subjectId: n.id });
    });
    return present({ ...n, read_at: at });
  }

  async function markAllRead(actorIn: MaybeActor) {
    const actor = requireActor(actorIn);
    const at = nowIso();
    const marked = await db.transaction().execute(async (trx) => {
      const n = await repo.markAllRead(trx, actor.personId, at);
      if (n > 0) await recordAudit(trx, { actorId: actor.personId, action: 'notification.all_read', subjectType: 'person', subjectId: actor.personId, after: { marked: n } });
      return n;
    });
    return { marked };
  }

  return { list, markRead, markAllRead };
}
