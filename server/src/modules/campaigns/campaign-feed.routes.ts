/**
 * A campaign's Atom feed of updates, at the root beside the news feeds where
 * feed readers look: /feeds/campaigns/<slug>.atom. Not in the API's document.
 */
import { CampaignFeedParams } from '@coopnet/contract/campaigns';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../deps.ts';
import { campaignFeed } from './campaign-feed.service.ts';

export const campaignFeedRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/feeds/campaigns/:slug', { schema: { hide: true, params: CampaignFeedParams } }, async (req, reply) => {
      const xml = await campaignFeed(deps, req.params.slug.replace(/\.atom$/, ''));
      return reply.type('application/atom+xml; charset=utf-8').send(xml);
    });
  };
