/** GET /.well-known/keys, /me/card, /cards/revoked, /coops/:id/cards.pdf; and the keys again at the site root. */
import { IdParams } from '@coopnet/contract';
import { CardKeySet, MyCard, RevokedList, RevokedQuery } from '@coopnet/contract/cards';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../deps.ts';
import { AppError } from '../../platform/errors.ts';
import { cardsService } from './cards.service.ts';
import { NO_TOKEN, READS_AND_TILL } from '../../platform/auth/token-scopes.ts';

export const cardsRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const service = cardsService(deps);
    const tags = ['cards'];
    app.get('/.well-known/keys', { config: { tokens: READS_AND_TILL }, schema: { tags, response: { 200: CardKeySet } } }, () => service.keySet());
    app.get('/me/card', { config: { tokens: NO_TOKEN }, schema: { tags, response: { 200: MyCard } } }, (req) => service.myCard(req.actor));
    app.get('/cards/revoked', { config: { tokens: READS_AND_TILL }, schema: { tags, querystring: RevokedQuery, response: { 200: RevokedList } } }, (req) =>
      service.revoked(req.query),
    );
    app.get(
      '/coops/:id/cards.pdf',
      {
        schema: {
          tags,
          params: IdParams,
          produces: ['application/pdf'],
          summary: "Prints a year-long card for every active worker of the co-op (each replaces the worker's card)",
        },
      },
      async (req, reply) => {
        // Printing replaces every worker's card, and a link is a GET: another site must not trigger it
        // with a signed-in admin's cookie (browsers say where a navigation came from).
        if (req.headers['sec-fetch-site'] === 'cross-site')
          throw new AppError(403, 'cards.cross_site', 'Open this link from the co-op’s workers page.');
        const { pdf, slug } = await service.printCards(req.actor, req.params.id);
        return reply
          .type('application/pdf')
          .header('content-disposition', `inline; filename="cards-${slug}.pdf"`)
          .header('cache-control', 'no-store')
          .send(pdf);
      },
    );
  };

/** Tills and other networks look for the keys at a well-known place outside the API. */
export const cardsRootRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const service = cardsService(deps);
    app.get('/.well-known/coopnet-keys.json', { config: { tokens: READS_AND_TILL }, schema: { tags: ['cards'], response: { 200: CardKeySet } } }, () =>
      service.keySet(),
    );
  };
