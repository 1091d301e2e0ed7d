/** Applications to the fund: a co-op's admin applies; the fund committee answers; a treasurer (not an approver) pays. */
import { IdParams } from '@coopnet/contract';
import { AnswerInput, ApplicationInput, ApplicationList, FundApplication } from '@coopnet/contract/fund';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../deps.ts';
import { requiredIdempotencyKey } from '../../platform/idempotency.ts';
import { keyRequired, tags } from './route-helpers.ts';
import { applicationsService } from './applications.service.ts';

export const applicationRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const applications = applicationsService(deps);

    // Applications: a co-op's admin applies; the fund committee answers; a treasurer (not an approver) pays.
    app.get('/fund/applications', { schema: { tags, response: { 200: ApplicationList } } }, (req) =>
      applications.list(req.actor),
    );
    app.post(
      '/fund/applications',
      {
        config: { tokens: [] },
        schema: {
          tags,
          summary: 'Applies to the fund for a co-op (its admins)',
          body: ApplicationInput,
          response: { 201: FundApplication },
        },
      },
      async (req, reply) => reply.status(201).send(await applications.apply(req.actor, req.body)),
    );
    app.get(
      '/fund/applications/:id',
      { schema: { tags, params: IdParams, response: { 200: FundApplication } } },
      (req) => applications.get(req.actor, req.params.id),
    );
    app.post(
      '/fund/applications/:id/answers',
      {
        config: { tokens: [] },
        schema: {
          tags,
          summary: 'Approves or declines (fund committee members)',
          params: IdParams,
          body: AnswerInput,
          response: { 200: FundApplication },
        },
      },
      (req) => applications.answer(req.actor, req.params.id, req.body),
    );
    // 201 when this call paid it; 200 for a retry with the payment's own Idempotency-Key.
    app.post(
      '/fund/applications/:id/payment',
      {
        config: { tokens: [] },
        schema: {
          tags,
          summary: 'Pays an approved application (a treasurer who did not approve it)',
          params: IdParams,
          response: { 200: FundApplication, 201: FundApplication },
        },
      },
      async (req, reply) => {
        const { created, application } = await applications.pay(
          req.actor,
          req.params.id,
          requiredIdempotencyKey(req, keyRequired),
        );
        return reply.status(created ? 201 : 200).send(application);
      },
    );
  };
