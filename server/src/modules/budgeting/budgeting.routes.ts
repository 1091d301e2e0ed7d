/** Participatory budgeting's routes: rounds, projects, a member's allocation and the close. */
import { IdParams } from '@coopnet/contract';
import { AllocationInput, ProjectInput, Round, RoundInput, RoundList } from '@coopnet/contract/budgeting';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../deps.ts';
import { budgetingService } from './budgeting.service.ts';
import { closeService } from './close.service.ts';

const tags = ['budgeting'];
const Created = z.object({ id: z.string() });

export const budgetingRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const budgeting = budgetingService(deps);
    const closing = closeService(deps);

    app.get(
      '/budgeting/rounds',
      { schema: { tags, summary: 'Participatory budgeting rounds (public)', response: { 200: RoundList } } },
      (req) => budgeting.list(req.actor),
    );
    app.post(
      '/budgeting/rounds',
      {
        schema: {
          tags,
          summary: 'Opens a round on the programmes sub-fund (coordinators)',
          body: RoundInput,
          response: { 201: Created },
        },
      },
      async (req, reply) => reply.code(201).send(await budgeting.open(req.actor, req.body)),
    );
    app.get(
      '/budgeting/rounds/:id',
      {
        schema: {
          tags,
          summary: 'A round and its projects; totals only after the close; the reader’s own allocation',
          params: IdParams,
          response: { 200: Round },
        },
      },
      (req) => budgeting.read(req.actor, req.params.id),
    );
    app.post(
      '/budgeting/rounds/:id/projects',
      {
        schema: {
          tags,
          summary: 'Proposes a project (the round’s members, during proposals)',
          params: IdParams,
          body: ProjectInput,
          response: { 201: Created },
        },
      },
      async (req, reply) => reply.code(201).send(await budgeting.propose(req.actor, req.params.id, req.body)),
    );
    app.put(
      '/budgeting/rounds/:id/allocation',
      {
        schema: {
          tags,
          summary: 'Replaces the reader’s whole allocation of their share (the round’s members, during allocation)',
          params: IdParams,
          body: AllocationInput,
          response: { 200: Round },
        },
      },
      (req) => budgeting.allocate(req.actor, req.params.id, req.body),
    );
    app.post(
      '/budgeting/rounds/:id/close',
      {
        schema: {
          tags,
          summary: 'Closes the round: counts it and pays the funded projects from the ledger (coordinators)',
          params: IdParams,
          response: { 200: Round },
        },
      },
      (req) => closing.close(req.actor, req.params.id),
    );
  };
