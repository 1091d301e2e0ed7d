/** Proposals and votes: HTTP only. */
import { IdParams, PageQuery, page } from '@coopnet/contract';
import {
  AmendmentInput,
  AmendmentParams,
  CastInput,
  CastResult,
  Comment,
  CommentInput,
  DelegationInput,
  Electorate,
  IdempotencyHeaders,
  OpenBallot,
  OpenInput,
  Proposal,
  ProposalInput,
  ProposalListQuery,
  ProposalPatch,
  ProposalList,
} from '@coopnet/contract/proposals';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../../deps.ts';
import { optionalIdempotencyKey } from '../../../platform/idempotency.ts';
import { amendmentsService } from './amendments.service.ts';
import { ballotsService } from '../ballots/ballots.service.ts';
import { commentsService } from './comments.service.ts';
import { delegationService } from './delegation.service.ts';
import { openingService } from './opening.service.ts';
import { proposalsService } from './proposals.service.ts';

const NoBody = z.strictObject({}).optional();

export const proposalsRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const proposals = proposalsService(deps);
    const opening = openingService(deps);
    const comments = commentsService(deps);
    const amendments = amendmentsService(deps);
    const ballots = ballotsService(deps);
    const delegation = delegationService(deps);
    const tags = ['proposals'];

    app.get('/proposals', { schema: { tags, querystring: ProposalListQuery, response: { 200: ProposalList } } }, (req) =>
      proposals.list(req.actor, req.query),
    );
    app.post('/proposals', { schema: { tags, body: ProposalInput, response: { 201: Proposal } } }, async (req, reply) =>
      reply.status(201).send(await proposals.create(req.actor, req.body)),
    );
    app.get('/proposals/:id', { schema: { tags, params: IdParams, response: { 200: Proposal } } }, (req) => proposals.show(req.actor, req.params.id));
    app.patch('/proposals/:id', { schema: { tags, params: IdParams, body: ProposalPatch, response: { 200: Proposal } } }, (req) =>
      proposals.update(req.actor, req.params.id, req.body),
    );
    app.post('/proposals/:id/discussion', { schema: { tags, params: IdParams, body: NoBody, response: { 200: Proposal } } }, (req) =>
      proposals.startDiscussion(req.actor, req.params.id),
    );
    app.post('/proposals/:id/withdraw', { schema: { tags, params: IdParams, body: NoBody, response: { 200: Proposal } } }, (req) =>
      proposals.withdraw(req.actor, req.params.id),
    );
    app.post('/proposals/:id/open', { schema: { tags, params: IdParams, body: OpenInput, response: { 200: Proposal } } }, (req) =>
      opening.open(req.actor, req.params.id, req.body.closesAt),
    );

    app.get('/proposals/:id/comments', { schema: { tags, params: IdParams, querystring: PageQuery, response: { 200: page(Comment) } } }, (req) =>
      comments.list(req.actor, req.params.id, req.query),
    );
    app.post('/proposals/:id/comments', { schema: { tags, params: IdParams, body: CommentInput, response: { 201: Comment } } }, async (req, reply) =>
      reply.status(201).send(await comments.add(req.actor, req.params.id, req.body)),
    );
    app.post('/proposals/:id/amendments', { schema: { tags, params: IdParams, body: AmendmentInput, response: { 201: Proposal } } }, async (req, reply) =>
      reply.status(201).send(await amendments.propose(req.actor, req.params.id, req.body.text)),
    );
    app.post('/proposals/:id/amendments/:amendmentId/accept', { schema: { tags, params: AmendmentParams, body: NoBody, response: { 200: Proposal } } }, (req) =>
      amendments.decide(req.actor, req.params.id, req.params.amendmentId, 'accepted'),
    );
    app.post('/proposals/:id/amendments/:amendmentId/decline', { schema: { tags, params: AmendmentParams, body: NoBody, response: { 200: Proposal } } }, (req) =>
      amendments.decide(req.actor, req.params.id, req.params.amendmentId, 'declined'),
    );

    app.post(
      '/proposals/:id/ballots',
      { schema: { tags, params: IdParams, headers: IdempotencyHeaders, body: CastInput, response: { 201: CastResult } } },
      async (req, reply) => reply.status(201).send(await ballots.cast(req.actor, req.params.id, req.body, optionalIdempotencyKey(req))),
    );
    app.get('/proposals/:id/ballots', { schema: { tags, params: IdParams, querystring: PageQuery, response: { 200: page(OpenBallot) } } }, (req) =>
      ballots.openBallots(req.actor, req.params.id, req.query),
    );
    app.get('/proposals/:id/ballots.blt', { schema: { tags, params: IdParams, produces: ['text/plain'] } }, async (req, reply) => {
      const text = await ballots.blt(req.actor, req.params.id);
      return reply.type('text/plain; charset=utf-8').header('content-disposition', `attachment; filename="ballots-${req.params.id}.blt"`).send(text);
    });

    // the whole frozen list, not paged (the web app's `limit` is ignored): a voter picks from all of it
    app.get('/proposals/:id/electorate', { schema: { tags, params: IdParams, response: { 200: Electorate } } }, (req) =>
      proposals.electorate(req.actor, req.params.id),
    );
    app.post('/proposals/:id/delegation', { schema: { tags, params: IdParams, body: DelegationInput, response: { 201: Proposal } } }, async (req, reply) =>
      reply.status(201).send(await delegation.hand(req.actor, req.params.id, req.body.toPersonId)),
    );
    app.delete('/proposals/:id/delegation', { schema: { tags, params: IdParams, response: { 200: Proposal } } }, (req) =>
      delegation.takeBack(req.actor, req.params.id),
    );
  };
