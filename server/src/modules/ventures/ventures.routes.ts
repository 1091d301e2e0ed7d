/** Ventures' routes: the list and a venture's page (public); proposing, editing, stages, needs, offers, applying to join. */
import { IdParams } from '@coopnet/contract';
import {
  JoinInput,
  NeedInput,
  NeedParams,
  NeedPatch,
  OfferDecision,
  OfferInput,
  OfferParams,
  StageInput,
  Venture,
  VentureInput,
  VentureList,
  VenturePatch,
} from '@coopnet/contract/ventures';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../deps.ts';
import { joiningService } from './joining.ts';
import { offersService } from './offers.service.ts';
import { venturesService } from './ventures.service.ts';

const tags = ['ventures'];

export const venturesRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const ventures = venturesService(deps);
    const offers = offersService(deps);
    const joining = joiningService(deps);

    app.get(
      '/ventures',
      { schema: { tags, summary: 'Ventures: co-ops being made (public)', response: { 200: VentureList } } },
      () => ventures.list(),
    );
    app.post(
      '/ventures',
      {
        schema: {
          tags,
          summary: 'Proposes a venture (workers of member co-ops); the proposer is its first team member',
          body: VentureInput,
          response: { 201: Venture },
        },
      },
      async (req, reply) => reply.code(201).send(await ventures.propose(req.actor, req.body)),
    );
    app.get(
      '/ventures/:id',
      {
        schema: {
          tags,
          summary: 'A venture: its facts, needs, team and stages (public)',
          params: IdParams,
          response: { 200: Venture },
        },
      },
      (req) => ventures.read(req.actor, req.params.id),
    );
    app.patch(
      '/ventures/:id',
      {
        schema: {
          tags,
          summary: 'Edits a venture (its team, coordinators)',
          params: IdParams,
          body: VenturePatch,
          response: { 200: Venture },
        },
      },
      (req) => ventures.edit(req.actor, req.params.id, req.body),
    );
    app.post(
      '/ventures/:id/stage',
      {
        schema: {
          tags,
          summary: 'Moves a venture one stage forward, or back with a reason (its team, coordinators)',
          params: IdParams,
          body: StageInput,
          response: { 200: Venture },
        },
      },
      (req) => ventures.moveStage(req.actor, req.params.id, req.body),
    );
    app.post(
      '/ventures/:id/needs',
      {
        schema: {
          tags,
          summary: 'Adds a need (its team, coordinators)',
          params: IdParams,
          body: NeedInput,
          response: { 201: Venture },
        },
      },
      async (req, reply) => reply.code(201).send(await ventures.addNeed(req.actor, req.params.id, req.body)),
    );
    app.patch(
      '/ventures/:id/needs/:needId',
      {
        schema: {
          tags,
          summary: 'Marks a need met or not (its team, coordinators)',
          params: NeedParams,
          body: NeedPatch,
          response: { 200: Venture },
        },
      },
      (req) => ventures.changeNeed(req.actor, req.params.id, req.params.needId, req.body.met),
    );
    app.delete(
      '/ventures/:id/needs/:needId',
      {
        schema: {
          tags,
          summary: 'Removes a need (its team, coordinators)',
          params: NeedParams,
          response: { 200: Venture },
        },
      },
      (req) => ventures.changeNeed(req.actor, req.params.id, req.params.needId, null),
    );
    app.post(
      '/ventures/:id/offers',
      {
        schema: {
          tags,
          summary: 'Offers a skill or asks to join the team (workers of member co-ops)',
          params: IdParams,
          body: OfferInput,
          response: { 201: Venture },
        },
      },
      async (req, reply) => reply.code(201).send(await offers.offer(req.actor, req.params.id, req.body)),
    );
    app.post(
      '/ventures/:id/offers/:offerId/decision',
      {
        schema: {
          tags,
          summary: 'Accepts or declines an open offer (its team, coordinators)',
          params: OfferParams,
          body: OfferDecision,
          response: { 200: Venture },
        },
      },
      (req) => offers.decide(req.actor, req.params.id, req.params.offerId, req.body),
    );
    app.delete(
      '/ventures/:id/offers/:offerId',
      {
        schema: { tags, summary: 'Withdraws the reader’s own offer', params: OfferParams, response: { 200: Venture } },
      },
      (req) => offers.withdraw(req.actor, req.params.id, req.params.offerId),
    );
    app.post(
      '/ventures/:id/application',
      {
        schema: {
          tags,
          summary: 'Applies to join the network as a co-op, for the admission vote (its team, once launched)',
          params: IdParams,
          body: JoinInput,
          response: { 201: Venture },
        },
        config: { rateLimit: { max: 20, timeWindow: '1 hour' } },
      },
      async (req, reply) => reply.code(201).send(await joining.applyToJoin(req.actor, req.params.id, req.body)),
    );
  };
