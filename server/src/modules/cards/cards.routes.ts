/** GET /.well-known/keys, /me/card, /cards/revoked; POST /coops/:id/cards.pdf; and the keys again at the site root. */
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
    // Printing replaces every worker's card, so it is a POST: a cookie session must send its
    // X-CSRF-Token (platform/auth/authenticate.ts), which no link, image or form from another
    // site can. No API token prints (token-scopes.ts: a write names the tokens it takes).
    app.post(
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
        const { pdf, slug } = await service.printCards(req.actor, req.params.id);
        return reply
          .type('application/pdf')
          .header('content-disposition', `attachment; filename="cards-${slug}.pdf"`)
          .header('cache-control', 'no-store')
          .send(pdf);
      },
    );
    // A link to the old address (a bookmark, a cached page) prints nothing and says why.
    app.get('/coops/:id/cards.pdf', { schema: { hide: true } }, async (_req, reply) => {
      reply.header('allow', 'POST');
      throw new AppError(405, 'cards.print_needs_post', 'Printing replaces every worker’s card: use Print cards on the co-op’s workers page.');
    });
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
