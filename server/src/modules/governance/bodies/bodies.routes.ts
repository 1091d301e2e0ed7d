/** Bodies (assembly, council, committees) and their members: delegates with terms and recall. */
import { IdParams, page } from '@coopnet/contract';
import { Body, BodyMember, BodyWithAbilities, CommitteeInput, MemberInput, MemberListQuery, MemberParams, NoBody } from '@coopnet/contract/governance-bodies';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../../deps.ts';
import { bodiesService } from './bodies.service.ts';

export const bodiesRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const bodies = bodiesService(deps);
    const tags = ['governance'];

    app.get('/bodies', { schema: { tags, response: { 200: page(Body) } } }, () => bodies.list());
    app.post('/bodies', { schema: { tags, body: CommitteeInput, response: { 201: Body } } }, async (req, reply) =>
      reply.status(201).send(await bodies.createCommittee(req.actor, req.body)),
    );
    app.get('/bodies/:id', { schema: { tags, params: IdParams, response: { 200: BodyWithAbilities } } }, (req) => bodies.show(req.actor, req.params.id));
    app.get('/bodies/:id/members', { schema: { tags, params: IdParams, querystring: MemberListQuery, response: { 200: page(BodyMember) } } }, (req) =>
      bodies.members(req.actor, req.params.id, req.query),
    );
    app.post('/bodies/:id/members', { schema: { tags, params: IdParams, body: MemberInput, response: { 201: BodyMember } } }, async (req, reply) =>
      reply.status(201).send(await bodies.addMember(req.actor, req.params.id, req.body)),
    );
    app.post('/bodies/:bodyId/members/:memberId/recall', { schema: { tags, params: MemberParams, body: NoBody, response: { 200: BodyMember } } }, (req) =>
      bodies.recall(req.actor, req.params.bodyId, req.params.memberId),
    );
  };
