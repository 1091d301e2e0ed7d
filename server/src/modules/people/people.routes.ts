/** A co-op's workers, invitations, imports and roles; and /me. */
import { IdParams, Ok, PageQuery, page } from '@coopnet/contract';
import {
  Invitation,
  InvitationCreated,
  InvitationInput,
  Me,
  MePatch,
  RoleInput,
  RoleParams,
  Worker,
  WorkerImportInput,
  WorkerImportResult,
  WorkerListQuery,
  WorkerParams,
} from '@coopnet/contract/people';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../deps.ts';
import { SESSION_COOKIE } from '../../platform/auth/authenticate.ts';
import { invitationsService } from './invitations.service.ts';
import { meService } from './me.service.ts';
import { peopleService } from './people.service.ts';
import { workerImportService } from './worker-import.service.ts';
import type { TokenKind } from '../../platform/auth/token-scopes.ts';

/** A co-op admin's token may manage that co-op's workers and roles. */
const ADMIN = { tokens: ['coop_admin'] as TokenKind[] };

const NoBody = z.strictObject({}).optional();

export const peopleRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const people = peopleService(deps);
    const invitations = invitationsService(deps);
    const imports = workerImportService(deps);
    const self = meService(deps);
    const tags = ['people'];

    app.get(
      '/coops/:id/workers',
      { schema: { tags, params: IdParams, querystring: WorkerListQuery, response: { 200: page(Worker) } } },
      (req) => people.list(req.actor, req.params.id, req.query),
    );
    app.delete(
      '/coops/:id/workers/:personId',
      { config: ADMIN, schema: { tags, params: WorkerParams, response: { 200: Worker } } },
      (req) => people.remove(req.actor, req.params.id, req.params.personId),
    );

    app.post(
      '/coops/:id/invitations',
      { config: ADMIN, schema: { tags, params: IdParams, body: InvitationInput, response: { 201: InvitationCreated } } },
      async (req, reply) => reply.status(201).send(await invitations.create(req.actor, req.params.id, req.body)),
    );
    app.get(
      '/coops/:id/invitations',
      { schema: { tags, params: IdParams, querystring: PageQuery, response: { 200: page(Invitation) } } },
      (req) => invitations.list(req.actor, req.params.id, req.query),
    );

    app.post(
      '/coops/:id/worker-imports',
      {
        config: ADMIN,
        // The CSV may be 2 MB; escaped inside JSON it can grow, so the body may be larger.
        bodyLimit: 6 * 1024 * 1024,
        schema: { tags, params: IdParams, body: WorkerImportInput, response: { 200: WorkerImportResult } },
      },
      (req) => imports.importWorkers(req.actor, req.params.id, req.body),
    );

    app.post(
      '/coops/:id/roles',
      { config: ADMIN, schema: { tags, params: IdParams, body: RoleInput, response: { 201: Worker } } },
      async (req, reply) =>
        reply.status(201).send(await people.grantRole(req.actor, req.params.id, req.body.personId, req.body.role)),
    );
    app.delete(
      '/coops/:id/roles/:personId/:role',
      { config: ADMIN, schema: { tags, params: RoleParams, response: { 200: Worker } } },
      (req) => people.revokeRole(req.actor, req.params.id, req.params.personId, req.params.role),
    );

    app.get('/me', { schema: { tags: ['me'], response: { 200: Me } } }, (req) => self.me(req.actor));
    app.patch('/me', { schema: { tags: ['me'], body: MePatch, response: { 200: Me } } }, (req) =>
      self.update(req.actor, req.body),
    );
    app.post('/me/leave', { schema: { tags: ['me'], body: NoBody, response: { 200: Ok } } }, async (req, reply) => {
      const result = await self.leave(req.actor);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return result;
    });
  };
