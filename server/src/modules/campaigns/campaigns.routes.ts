/** Campaigns: the public page, a visitor's pledge, the pledge's private page, updates, and the treasurer's confirmation. */
import { IdParams } from '@coopnet/contract';
import {
  Campaign,
  CampaignInput,
  CampaignUpdateInput,
  DuePaymentInput,
  Pledge,
  PledgeChange,
  PledgeInput,
  SlugParams,
  TokenParams,
} from '@coopnet/contract/campaigns';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../deps.ts';
import { badRequest } from '../../platform/errors.ts';
import { requiredIdempotencyKey } from '../../platform/idempotency.ts';
import { campaignsService } from './campaigns.service.ts';

const tags = ['campaigns'];
const keyRequired = () =>
  badRequest(
    'campaigns.idempotency_key_required',
    'Send an Idempotency-Key header of 8–100 visible characters (a UUID will do), the same on every retry.',
  );

export const campaignsRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const campaigns = campaignsService(deps);

    app.post(
      '/campaigns',
      {
        schema: { tags, summary: 'Opens a campaign (coordinators)', body: CampaignInput, response: { 201: Campaign } },
      },
      async (req, reply) => reply.code(201).send(await campaigns.create(req.actor, req.body)),
    );
    app.get(
      '/campaigns/:slug',
      {
        schema: {
          tags,
          summary: 'A campaign, its progress from the ledger, supporters and updates',
          params: SlugParams,
          response: { 200: Campaign },
        },
      },
      (req) => campaigns.get(req.actor, req.params.slug),
    );
    app.post(
      '/campaigns/:slug/updates',
      {
        schema: {
          tags,
          summary: 'Posts an update (the owner co-op’s admins, coordinators)',
          params: SlugParams,
          body: CampaignUpdateInput,
          response: { 201: Campaign },
        },
      },
      async (req, reply) => reply.code(201).send(await campaigns.postUpdate(req.actor, req.params.slug, req.body.body)),
    );
    app.post(
      '/campaigns/:slug/pledges',
      {
        // Each pledge sends a mail: an address may not use the form to flood someone's mailbox.
        config: { rateLimit: { max: 20, timeWindow: '1 hour' } },
        schema: {
          tags,
          summary: 'Pledges to a campaign (anyone; the mail carries the reference and the private link)',
          params: SlugParams,
          body: PledgeInput,
          response: { 201: Pledge },
        },
      },
      async (req, reply) => reply.code(201).send(await campaigns.pledge(req.params.slug, req.body)),
    );
    app.get(
      '/pledges/:token',
      {
        schema: {
          tags,
          summary: 'A pledge, by the private link in its mail',
          params: TokenParams,
          response: { 200: Pledge },
        },
      },
      (req) => campaigns.byToken(req.params.token),
    );
    app.post(
      '/pledges/:token/changes',
      {
        schema: {
          tags,
          summary: 'Pauses, resumes or cancels a pledge, by the private link in its mail',
          params: TokenParams,
          body: PledgeChange,
          response: { 200: Pledge },
        },
      },
      (req) => campaigns.change(req.params.token, req.body.action),
    );
    // 201 when this call booked it; 200 for a retry with the same Idempotency-Key.
    app.post(
      '/campaigns/dues/:id/payments',
      {
        config: { tokens: ['treasurer'] as const },
        schema: {
          tags,
          summary: 'Confirms a pledge’s payment by hand (treasurers)',
          params: IdParams,
          body: DuePaymentInput,
          response: { 200: Pledge, 201: Pledge },
        },
      },
      async (req, reply) => {
        const { created, pledge } = await campaigns.confirm(
          req.actor,
          req.params.id,
          req.body,
          requiredIdempotencyKey(req, keyRequired),
        );
        return reply.code(created ? 201 : 200).send(pledge);
      },
    );
  };
