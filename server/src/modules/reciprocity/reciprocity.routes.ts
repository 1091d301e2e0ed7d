/** The reciprocity accounts: the month's matrix, twelve months' totals, CSV, the settlement policy and settlements. */
import {
  Matrix,
  MonthlyTotals,
  MonthQuery,
  Obligation,
  ObligationList,
  SettleInput,
  SettlementPaymentInput,
  SettlementPolicyInput,
  SettlementPolicyView,
} from '@coopnet/contract/reciprocity';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '@coopnet/contract/common';
import type { AppDeps } from '../../deps.ts';
import { badRequest } from '../../platform/errors.ts';
import { requiredIdempotencyKey } from '../../platform/idempotency.ts';
import { reciprocityService } from './reciprocity.service.ts';
import { settlementsService } from './settlements.service.ts';

const keyRequired = () =>
  badRequest(
    'reciprocity.idempotency_key_required',
    'Send an Idempotency-Key header of 8–100 visible characters (a UUID will do), the same on every retry.',
  );

export const reciprocityRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const accounts = reciprocityService(deps);
    const settlements = settlementsService(deps);
    const tags = ['reciprocity'];

    app.get('/reciprocity', { schema: { tags, querystring: MonthQuery, response: { 200: Matrix } } }, (req) =>
      accounts.matrix(req.actor, req.query.month),
    );
    app.get('/reciprocity/months', { schema: { tags, response: { 200: MonthlyTotals } } }, (req) => accounts.months(req.actor));
    app.get(
      '/reciprocity.csv',
      { schema: { tags, summary: 'The month’s accounts as CSV: giver/receiver pairs, then each co-op’s position', querystring: MonthQuery } },
      async (req, reply) => {
        const { filename, text } = await accounts.csv(req.actor, req.query.month);
        return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${filename}"`).send(text);
      },
    );
    app.get('/reciprocity/settlement-policy', { schema: { tags, response: { 200: SettlementPolicyView } } }, (req) =>
      settlements.view(req.actor),
    );
    app.put('/reciprocity/settlement-policy', { config: { tokens: ['coordinator'] }, schema: { tags, body: SettlementPolicyInput, response: { 200: SettlementPolicyView } } }, (req) =>
      settlements.setPolicy(req.actor, req.body),
    );
    app.get('/reciprocity/settlements', { schema: { tags, querystring: MonthQuery, response: { 200: ObligationList } } }, (req) =>
      settlements.list(req.actor, req.query.month),
    );
    // 201 when this call settled the month; 200 with the same obligations when it had been settled before.
    app.post(
      '/reciprocity/settlements',
      { config: { tokens: ['coordinator'] }, schema: { tags, body: SettleInput, response: { 200: ObligationList, 201: ObligationList } } },
      async (req, reply) => {
        const { created, items } = await settlements.settle(req.actor, req.body.month);
        return reply.status(created ? 201 : 200).send({ items });
      },
    );
    // 201 when this call paid it; 200 for a retry with the same Idempotency-Key.
    app.post(
      '/reciprocity/settlements/:id/payment',
      {
        config: { tokens: ['treasurer'] },
        schema: {
          tags,
          summary: 'Pays what the fund owes a co-op for a settled month, all of it, from the fund’s bank (treasurers)',
          params: IdParams,
          body: SettlementPaymentInput,
          response: { 200: Obligation, 201: Obligation },
        },
      },
      async (req, reply) => {
        const { created, obligation } = await settlements.pay(req.actor, req.params.id, req.body, requiredIdempotencyKey(req, keyRequired));
        return reply.status(created ? 201 : 200).send(obligation);
      },
    );
  };
