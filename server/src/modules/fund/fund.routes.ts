/**
 * The solidarity fund's routes: its figures, flows and budgets, movements,
 * reversals, the books' closed date and the journal here; applications,
 * contributions and loans in their own files, registered below.
 */
import { Readable } from 'node:stream';
import { IdParams } from '@coopnet/contract';
import {
  BooksInput,
  FundView,
  Movement,
  MovementInput,
  MovementList,
  MovementQuery,
  ReversalInput,
  Transparency,
} from '@coopnet/contract/fund';
import { BudgetInput, BudgetParams, FundBudgets, FundFlows, YearQuery } from '@coopnet/contract/fund';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../deps.ts';
import { requiredIdempotencyKey } from '../../platform/idempotency.ts';
import { fundService } from './fund.service.ts';
import { flowsService } from './flows.service.ts';
import { applicationRoutes } from './applications.routes.ts';
import { contributionRoutes } from './contributions.routes.ts';
import { loanRoutes } from './loans.routes.ts';
import { keyRequired, tags } from './route-helpers.ts';

/** A file sent as it is made. Its first part is awaited first, so a refusal is answered as one before anything is sent. */
async function download(reply: FastifyReply, parts: AsyncGenerator<string>, type: string, filename: string) {
  const first = await parts.next();
  async function* all() {
    if (!first.done) yield first.value;
    yield* parts;
  }
  return reply
    .type(type)
    .header('content-disposition', `attachment; filename="${filename}"`)
    .send(Readable.from(all()));
}

export const fundRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const fund = fundService(deps);
    const flows = flowsService(deps);

    app.get(
      '/fund',
      {
        schema: {
          tags,
          summary: 'The fund’s sub-funds and accounts with their balances (public)',
          response: { 200: FundView },
        },
      },
      (req) => fund.view(req.actor),
    );
    app.get(
      '/fund/transparency',
      { schema: { tags, summary: 'What the fund gave and who paid in (public)', response: { 200: Transparency } } },
      () => fund.transparency(),
    );
    // Where the money came from and went, and budgets against actual: a year at a time, apart from /fund to keep it quick.
    app.get(
      '/fund/flows',
      {
        schema: {
          tags,
          summary: 'Where the fund’s money came from and where it went in a year, per sub-fund (public)',
          querystring: YearQuery,
          response: { 200: FundFlows },
        },
      },
      (req) => flows.flows(req.query.year),
    );
    app.get(
      '/fund/budgets',
      {
        schema: {
          tags,
          summary: 'Each sub-fund’s budget for a year against what it spent and took in (public)',
          querystring: YearQuery,
          response: { 200: FundBudgets },
        },
      },
      (req) => flows.budgets(req.actor, req.query.year),
    );
    app.put(
      '/fund/budgets/:year/:subFund',
      {
        config: { tokens: ['treasurer'] },
        schema: {
          tags,
          summary: 'Sets a sub-fund’s budget for a year, kept as a new version (treasurers)',
          params: BudgetParams,
          body: BudgetInput,
          response: { 200: FundBudgets },
        },
      },
      (req) => flows.setBudget(req.actor, req.params.year, req.params.subFund, req.body),
    );
    app.get(
      '/fund/movements',
      { schema: { tags, querystring: MovementQuery, response: { 200: MovementList } } },
      (req) => fund.list(req.actor, req.query.limit, req.query.offset),
    );
    app.get('/fund/movements/:id', { schema: { tags, params: IdParams, response: { 200: Movement } } }, (req) =>
      fund.movement(req.actor, req.params.id),
    );
    // 201 when this call posted it; 200 with the same movement for a retry with the same Idempotency-Key.
    app.post(
      '/fund/movements',
      {
        config: { tokens: ['treasurer'] },
        schema: {
          tags,
          summary: 'Posts a balanced movement (treasurers)',
          body: MovementInput,
          response: { 200: Movement, 201: Movement },
        },
      },
      async (req, reply) => {
        const { created, movement } = await fund.post(req.actor, req.body, requiredIdempotencyKey(req, keyRequired));
        return reply.status(created ? 201 : 200).send(movement);
      },
    );
    app.post(
      '/fund/movements/:id/reversal',
      {
        config: { tokens: ['treasurer'] },
        schema: {
          tags,
          summary: 'Reverses a movement, today (treasurers)',
          params: IdParams,
          body: ReversalInput,
          response: { 200: Movement, 201: Movement },
        },
      },
      async (req, reply) => {
        const { created, movement } = await fund.reverse(
          req.actor,
          req.params.id,
          req.body,
          requiredIdempotencyKey(req, keyRequired),
        );
        return reply.status(created ? 201 : 200).send(movement);
      },
    );
    app.put(
      '/fund/books',
      {
        config: { tokens: ['treasurer'] },
        schema: {
          tags,
          summary: 'Closes the books through a day (treasurers)',
          body: BooksInput,
          response: { 200: FundView },
        },
      },
      (req) => fund.closeBooks(req.actor, req.body),
    );
    app.get(
      '/fund/movements.csv',
      { schema: { tags, summary: 'Every line of every movement as CSV (members)' } },
      async (req, reply) => download(reply, fund.csv(req.actor), 'text/csv; charset=utf-8', 'fund-movements.csv'),
    );
    app.get(
      '/fund/journal',
      { schema: { tags, summary: 'The ledger as a plain-text journal hledger reads (treasurers, coordinators)' } },
      async (req, reply) => download(reply, fund.journal(req.actor), 'text/plain; charset=utf-8', 'fund.journal'),
    );

    await app.register(applicationRoutes(deps));
    await app.register(contributionRoutes(deps));
    await app.register(loanRoutes(deps));
  };
