/** The solidarity fund's ledger: its figures, movements, reversals, the books' closed date and the journal. */
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
} from '@coopnet/contract/fund';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../deps.ts';
import { badRequest } from '../../platform/errors.ts';
import { requiredIdempotencyKey } from '../../platform/idempotency.ts';
import { fundService } from './fund.service.ts';

const keyRequired = () =>
  badRequest(
    'fund.idempotency_key_required',
    'Send an Idempotency-Key header of 8–100 visible characters (a UUID will do), the same on every retry.',
  );

export const fundRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const fund = fundService(deps);
    const tags = ['fund'];

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
      '/fund/journal',
      { schema: { tags, summary: 'The ledger as a plain-text journal hledger reads (treasurers, coordinators)' } },
      async (req, reply) => {
        const text = fund.journal(req.actor);
        // The first part is awaited here, so a refusal is answered as one before anything is sent.
        const first = await text.next();
        async function* rest() {
          if (!first.done) yield first.value;
          yield* text;
        }
        return reply
          .type('text/plain; charset=utf-8')
          .header('content-disposition', 'attachment; filename="fund.journal"')
          .send(Readable.from(rest()));
      },
    );
  };
