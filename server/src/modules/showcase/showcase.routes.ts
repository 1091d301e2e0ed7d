/** GET /showcase (the home page's figures) and GET /showcase/coops/:id (a co-op's part in them): public reads. */
import { IdParams } from '@coopnet/contract/common';
import { CoopShowcase, Showcase } from '@coopnet/contract/showcase';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../deps.ts';
import { showcaseService } from './showcase.service.ts';

export const showcaseRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const showcase = showcaseService(deps);
    const tags = ['showcase'];
    app.get(
      '/showcase',
      { config: { etag: true }, schema: { tags, summary: 'What belonging brings: savings this month and year, offers, co-ops, the next assembly', response: { 200: Showcase } } },
      () => showcase.view(),
    );
    app.get(
      '/showcase/coops/:id',
      { schema: { tags, summary: 'What a co-op gave and what its workers saved at the others, this month and year', params: IdParams, response: { 200: CoopShowcase } } },
      (req) => showcase.ofCoop(req.actor, req.params.id),
    );
  };
