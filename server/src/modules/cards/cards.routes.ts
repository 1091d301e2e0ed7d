/** GET /.well-known/keys, /me/card, /cards/revoked; and the keys again at the site root. */
import { CardKeySet, MyCard, RevokedList, RevokedQuery } from '@coopnet/contract/cards';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../deps.ts';
import { cardsService } from './cards.service.ts';

export const cardsRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const service = cardsService(deps);
    const tags = ['cards'];
    app.get('/.well-known/keys', { schema: { tags, response: { 200: CardKeySet } } }, () => service.keySet());
    app.get('/me/card', { schema: { tags, response: { 200: MyCard } } }, (req) => service.myCard(req.actor));
    app.get('/cards/revoked', { schema: { tags, querystring: RevokedQuery, response: { 200: RevokedList } } }, (req) =>
      service.revoked(req.query),
    );
  };

/** Tills and other networks look for the keys at a well-known place outside the API. */
export const cardsRootRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const service = cardsService(deps);
    app.get('/.well-known/coopnet-keys.json', { schema: { tags: ['cards'], response: { 200: CardKeySet } } }, () =>
      service.keySet(),
    );
  };
