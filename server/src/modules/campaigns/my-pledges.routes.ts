/** One's own pledges, signed in: listed, paused, resumed or cancelled (no API token). */
import { IdParams } from '@coopnet/contract';
import { MyPledges, Pledge, PledgeChange } from '@coopnet/contract/campaigns';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../deps.ts';
import { myPledgesService } from './my-pledges.service.ts';

const tags = ['campaigns'];

export const myPledgesRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const mine = myPledgesService(deps);
    app.get(
      '/me/pledges',
      {
        schema: {
          tags,
          summary: 'The pledges made with the signed-in person’s e-mail address',
          response: { 200: MyPledges },
        },
      },
      (req) => mine.list(req.actor),
    );
    app.post(
      '/me/pledges/:id/changes',
      {
        schema: {
          tags,
          summary: 'Pauses, resumes or cancels one of one’s own pledges',
          params: IdParams,
          body: PledgeChange,
          response: { 200: Pledge },
        },
      },
      (req) => mine.change(req.actor, req.params.id, req.body.action),
    );
  };
