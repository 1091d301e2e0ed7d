/** Loans: each co-op's statement, repayments, write-offs, and the changes that move no money (freezes, reschedules, revenue, viability). */
import { IdParams } from '@coopnet/contract';
import {
  LoanChangeInput,
  LoanList,
  LoanStatement,
  PaymentInput,
  RevenueInput,
  ViabilityInput,
  WriteOffInput,
} from '@coopnet/contract/fund';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../deps.ts';
import { requiredIdempotencyKey } from '../../platform/idempotency.ts';
import { keyRequired, tags, TREASURER } from './route-helpers.ts';
import { loansService } from './loans.service.ts';
import { loanChangesService } from './loan-changes.service.ts';

export const loanRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const loans = loansService(deps);
    const loanChanges = loanChangesService(deps);

    // Loans: each co-op's statement; repayments booked by hand (or from a bank statement, above).
    app.get('/fund/loans', { schema: { tags, response: { 200: LoanList } } }, (req) => loans.list(req.actor));
    app.get('/fund/loans/:id', { schema: { tags, params: IdParams, response: { 200: LoanStatement } } }, (req) =>
      loans.statement(req.actor, req.params.id),
    );
    app.post(
      '/fund/loans/:id/repayments',
      {
        config: TREASURER,
        schema: {
          tags,
          summary: 'Books a loan repayment: interest first, then principal (treasurers)',
          params: IdParams,
          body: PaymentInput,
          response: { 200: LoanStatement, 201: LoanStatement },
        },
      },
      async (req, reply) => {
        const { created, loan } = await loans.repay(
          req.actor,
          req.params.id,
          req.body,
          requiredIdempotencyKey(req, keyRequired),
        );
        return reply.status(created ? 201 : 200).send(loan);
      },
    );
    app.post(
      '/fund/loans/:id/write-off',
      {
        config: TREASURER,
        schema: {
          tags,
          summary: 'Forgives or writes off what is left of a loan, on a passed proposal (treasurers)',
          params: IdParams,
          body: WriteOffInput,
          response: { 200: LoanStatement },
        },
      },
      async (req) => loans.writeOff(req.actor, req.params.id, req.body, requiredIdempotencyKey(req, keyRequired)),
    );
    // Changes to a loan that move no money: a treasurer's freeze, its end, a reschedule (on a passed proposal);
    // the co-op admin's (or a treasurer's) month of revenue, or the month the co-op covers its costs.
    app.post(
      '/fund/loans/:id/changes',
      {
        config: TREASURER,
        schema: {
          tags,
          summary: 'Freezes a loan, ends a freeze or reschedules it, on a passed proposal (treasurers)',
          params: IdParams,
          body: LoanChangeInput,
          response: { 201: LoanStatement },
        },
      },
      async (req, reply) => reply.status(201).send(await loanChanges.change(req.actor, req.params.id, req.body)),
    );
    app.post(
      '/fund/loans/:id/revenues',
      {
        config: TREASURER,
        schema: {
          tags,
          summary:
            'Declares a month’s revenue for a revenue-share loan; again for a month corrects it (the co-op’s admin or a treasurer)',
          params: IdParams,
          body: RevenueInput,
          response: { 201: LoanStatement },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await loanChanges.declareRevenue(req.actor, req.params.id, req.body)),
    );
    app.post(
      '/fund/loans/:id/viability',
      {
        config: TREASURER,
        schema: {
          tags,
          summary:
            'Declares the month from which the co-op covers its costs and wages (the co-op’s admin or a treasurer)',
          params: IdParams,
          body: ViabilityInput,
          response: { 201: LoanStatement },
        },
      },
      async (req, reply) => reply.status(201).send(await loanChanges.declareViable(req.actor, req.params.id, req.body)),
    );
  };
