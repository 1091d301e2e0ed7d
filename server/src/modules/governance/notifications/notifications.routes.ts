/** The signed-in person's notifications (votes opening, closing, decided; appointments). */
import { IdParams } from '@coopnet/contract';
import { NoBody, Notification, NotificationListQuery, NotificationPage } from '@coopnet/contract/governance-bodies';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../../deps.ts';
import { notificationsService } from './notifications.service.ts';

export const notificationsRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const notifications = notificationsService(deps);
    const tags = ['notifications'];
    app.get('/notifications', { schema: { tags, querystring: NotificationListQuery, response: { 200: NotificationPage } } }, (req) =>
      notifications.list(req.actor, req.query),
    );
    app.post('/notifications/read-all', { schema: { tags, body: NoBody, response: { 200: z.object({ marked: z.number().int() }) } } }, (req) =>
      notifications.markAllRead(req.actor),
    );
    app.post('/notifications/:id/read', { schema: { tags, params: IdParams, body: NoBody, response: { 200: Notification } } }, (req) =>
      notifications.markRead(req.actor, req.params.id),
    );
  };
