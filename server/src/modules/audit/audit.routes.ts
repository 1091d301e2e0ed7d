/** GET /audit (and the people and co-ops to filter it by) and GET /outbox: the coordinators' registers. */
import { PageQuery, page } from '@coopnet/contract';
import { AuditEvent, AuditNameQuery, AuditNames, AuditQuery, OutboxMail } from '@coopnet/contract/audit';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../deps.ts';
import { auditService } from './audit.service.ts';

export const auditRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const service = auditService(deps);
    app.get(
      '/audit',
      { schema: { tags: ['audit'], querystring: AuditQuery, response: { 200: page(AuditEvent) } } },
      (req) => service.events(req.actor, req.query),
    );
    app.get(
      '/audit/people',
      { schema: { tags: ['audit'], querystring: AuditNameQuery, response: { 200: AuditNames } } },
      (req) => service.people(req.actor, req.query),
    );
    app.get(
      '/audit/coops',
      { schema: { tags: ['audit'], querystring: AuditNameQuery, response: { 200: AuditNames } } },
      (req) => service.coops(req.actor, req.query),
    );
    app.get(
      '/outbox',
      { schema: { tags: ['audit'], querystring: PageQuery, response: { 200: page(OutboxMail) } } },
      (req) => service.outbox(req.actor, req.query),
    );
  };
