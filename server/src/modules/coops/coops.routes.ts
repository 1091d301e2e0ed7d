/** The directory, co-op profiles and statuses, applications to join. */
import { IdParams, page } from '@coopnet/contract';
import {
  Application,
  ApplicationInput,
  ApplicationListQuery,
  Coop,
  CoopListQuery,
  CoopProfilePatch,
  CoopStatusChange,
  CoopWithAbilities,
  Rejection,
  SectorCounts,
} from '@coopnet/contract/coops';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../deps.ts';
import { presentedJson } from '../../platform/http.ts';
import { applicationsService } from './applications.service.ts';
import { coopsService } from './coops.service.ts';


const IdOrSlug = z.strictObject({ idOrSlug: z.string().min(1).max(100) });
const Decided = z.object({ id: z.string(), status: z.enum(['pending', 'admitted', 'rejected']), coopId: z.string().optional() });

export const coopsRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const coops = coopsService(deps);
    const applications = applicationsService(deps);
    const tags = ['coops'];

    app.get('/coops', { config: { etag: true }, schema: { tags, querystring: CoopListQuery, response: { 200: page(Coop) } }, serializerCompiler: presentedJson }, (req) =>
      coops.directory(req.query),
    );
    app.get('/coops/sectors', { config: { etag: true }, schema: { tags, response: { 200: SectorCounts } } }, () => coops.sectors());
    app.get('/coops/:idOrSlug', { schema: { tags, params: IdOrSlug, response: { 200: CoopWithAbilities } } }, (req) =>
      coops.show(req.actor, req.params.idOrSlug),
    );
    app.patch('/coops/:id', { config: { tokens: ['coop_admin'] }, schema: { tags, params: IdParams, body: CoopProfilePatch, response: { 200: CoopWithAbilities } } }, (req) =>
      coops.update(req.actor, req.params.id, req.body),
    );
    app.post('/coops/:id/status', { schema: { tags, params: IdParams, body: CoopStatusChange, response: { 200: CoopWithAbilities } } }, (req) =>
      coops.changeStatus(req.actor, req.params.id, req.body.status, req.body.reason),
    );

    app.post(
      '/applications',
      {
        schema: { tags: ['applications'], body: ApplicationInput, response: { 201: Decided } },
        config: { rateLimit: { max: 20, timeWindow: '1 hour' } },
      },
      async (req, reply) => reply.status(201).send(await applications.apply(req.body)),
    );
    app.get('/applications', { schema: { tags: ['applications'], querystring: ApplicationListQuery, response: { 200: page(Application) } } }, (req) =>
      applications.list(req.actor, req.query),
    );
    app.post('/applications/:id/admit', { schema: { tags: ['applications'], params: IdParams, body: z.strictObject({}).optional(), response: { 200: Decided } } }, (req) =>
      applications.admit(req.actor, req.params.id),
    );
    app.post('/applications/:id/reject', { schema: { tags: ['applications'], params: IdParams, body: Rejection, response: { 200: Decided } } }, (req) =>
      applications.reject(req.actor, req.params.id, req.body.reason),
    );
  };
