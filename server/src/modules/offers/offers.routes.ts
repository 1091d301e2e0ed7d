/** The offer catalogue, a co-op's offers, and an admin's making and changing of them. */
import { IdParams } from '@coopnet/contract';
import { CoopOfferList, CoopOffersParams, Offer, OfferInput, OfferListQuery, OfferPage, OfferPatch } from '@coopnet/contract/offers';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../deps.ts';
import { presentedJson } from '../../platform/http.ts';
import { catalogueService } from './catalogue.service.ts';
import { offersService } from './offers.service.ts';
import type { TokenKind } from '../../platform/auth/token-scopes.ts';

/** A co-op admin's token may manage that co-op's offers. */
const ADMIN = { tokens: ['coop_admin'] as TokenKind[] };

const NoBody = z.strictObject({}).optional();

export const offersRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const catalogue = catalogueService(deps);
    const offers = offersService(deps);
    const tags = ['offers'];

    app.get('/offers', { config: { etag: true }, schema: { tags, querystring: OfferListQuery, response: { 200: OfferPage } }, serializerCompiler: presentedJson }, (req) =>
      catalogue.catalogue(req.actor, req.query),
    );
    app.get('/offers/:id', { schema: { tags, params: IdParams, response: { 200: Offer } } }, (req) => catalogue.show(req.actor, req.params.id));
    app.get(
      '/coops/:id/offers',
      { schema: { tags, params: CoopOffersParams, response: { 200: CoopOfferList } }, serializerCompiler: presentedJson },
      (req) => catalogue.ofCoop(req.actor, req.params.id),
    );

    app.post('/coops/:id/offers', { config: ADMIN, schema: { tags, params: CoopOffersParams, body: OfferInput, response: { 201: Offer } } }, async (req, reply) =>
      reply.status(201).send(await offers.create(req.actor, req.params.id, req.body)),
    );
    app.patch('/offers/:id', { config: ADMIN, schema: { tags, params: IdParams, body: OfferPatch, response: { 200: Offer } } }, (req) =>
      offers.change(req.actor, req.params.id, req.body),
    );
    for (const move of ['pause', 'resume', 'end'] as const) {
      app.post(`/offers/:id/${move}`, { config: ADMIN, schema: { tags, params: IdParams, body: NoBody, response: { 200: Offer } } }, (req) =>
        offers.move(req.actor, req.params.id, move),
      );
    }
  };
