/**
 * The till: its offers, checking a card, recording a redemption (idempotent
 * by the Idempotency-Key header), syncing an offline batch; the co-op's
 * redemptions and their flags; and a member's savings.
 */
import {
  MySavings,
  Redemption,
  RedemptionInput,
  RedemptionListQuery,
  RedemptionPage,
  RedemptionParams,
  ResolveInput,
  SyncInput,
  SyncResult,
  TillOffers,
  TillParams,
  VerifyInput,
  VerifyResult,
} from '@coopnet/contract/till';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../deps.ts';
import { READS_AND_TILL, type TokenKind } from '../../platform/auth/token-scopes.ts';
import { presentedJson } from '../../platform/http.ts';
import { requiredIdempotencyKey } from '../../platform/idempotency.ts';
import { redemptionsService } from './redemptions.service.ts';
import { savingsService } from './savings.service.ts';
import { cardProofRequired, idempotencyKeyRequired, namesCardById } from './till-errors.ts';
import { tillService } from './till.service.ts';

const CoopParams = z.strictObject({ coopId: TillParams.shape.coopId });
/** A sale names its card as presented (`card`); the old bare `cardId` is refused with a code of its own. */
const cardPresented = async (req: { body: unknown }) => {
  if (namesCardById(req.body)) throw cardProofRequired();
};
/** The till's own routes: a token scoped `cashier:<this co-op>`. */
const TILL = { tokens: ['cashier'] as TokenKind[] };

export const tillRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const till = tillService(deps);
    const redemptions = redemptionsService(deps);
    const savings = savingsService(deps);
    const tags = ['till'];

    app.get('/till/:coopId/offers', { config: { tokens: READS_AND_TILL }, schema: { tags, params: TillParams, response: { 200: TillOffers } } }, (req) =>
      till.offers(req.actor, req.params.coopId),
    );
    app.post('/till/:coopId/verify', { config: TILL, schema: { tags, params: TillParams, body: VerifyInput, response: { 200: VerifyResult } } }, (req) =>
      till.verify(req.actor, req.params.coopId, req.body.card),
    );
    // The hot path: the presenter builds the answer field by field, so it is not validated again on the way out.
    app.post(
      '/till/:coopId/redemptions',
      {
        config: TILL,
        schema: { tags, params: TillParams, body: RedemptionInput, response: { 200: Redemption, 201: Redemption } },
        preValidation: cardPresented,
        serializerCompiler: presentedJson,
      },
      async (req, reply) => {
        const key = requiredIdempotencyKey(req, idempotencyKeyRequired);
        const { created, redemption } = await redemptions.record(req.actor, req.params.coopId, key, req.body);
        return reply.status(created ? 201 : 200).send(redemption);
      },
    );
    app.post('/till/:coopId/redemptions/sync', { config: TILL, preValidation: cardPresented, schema: { tags, params: TillParams, body: SyncInput, response: { 200: SyncResult } } }, (req) =>
      redemptions.sync(req.actor, req.params.coopId, req.body),
    );

    app.get(
      '/coops/:coopId/redemptions',
      { config: { tokens: READS_AND_TILL }, schema: { tags, params: CoopParams, querystring: RedemptionListQuery, response: { 200: RedemptionPage } } },
      (req) => redemptions.list(req.actor, req.params.coopId, req.query),
    );
    app.post(
      '/coops/:coopId/redemptions/:id/resolve',
      // The body says accept or reject: an accepted flag counts in the accounts, a rejected one never does.
      { config: { tokens: ['coop_admin'] }, schema: { tags, params: RedemptionParams, body: ResolveInput, response: { 200: Redemption } } },
      (req) => redemptions.resolve(req.actor, req.params.coopId, req.params.id, req.body),
    );

    app.get('/me/savings', { schema: { tags: ['me'], response: { 200: MySavings } } }, (req) => savings.mine(req.actor));
  };
