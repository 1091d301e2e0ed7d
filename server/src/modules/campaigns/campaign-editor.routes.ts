/** Editing campaigns: the list of open ones, the editor's view, the changes, and image uploads. */
import {
  CampaignDraft,
  CampaignEdit,
  CampaignImage,
  CampaignList,
  ImageUploadQuery,
} from '@coopnet/contract/campaign-editing';
import { SlugParams } from '@coopnet/contract/campaigns';
import { campaigns as rules } from '@coopnet/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../deps.ts';
import { AppError } from '../../platform/errors.ts';
import { campaignEditorService } from './campaign-editor.service.ts';

const tags = ['campaigns'];
const MEGABYTES = rules.MAX_IMAGE_BYTES / (1024 * 1024);

export const campaignEditorRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const editor = campaignEditorService(deps);

    app.get(
      '/campaigns',
      {
        schema: {
          tags,
          summary: 'Open campaigns, soonest deadline first, with their progress',
          response: { 200: CampaignList },
        },
      },
      () => editor.listOpen(),
    );
    app.get(
      '/campaigns/:slug/draft',
      {
        schema: {
          tags,
          summary: 'A campaign as its editor loads it (the owner co-op’s admins, coordinators)',
          params: SlugParams,
          response: { 200: CampaignDraft },
        },
      },
      (req) => editor.draft(req.actor, req.params.slug),
    );
    app.patch(
      '/campaigns/:slug',
      {
        schema: {
          tags,
          summary: 'Edits a campaign (the owner co-op’s admins, coordinators; owner and beneficiary: coordinators)',
          params: SlugParams,
          body: CampaignEdit,
          response: { 200: CampaignDraft },
        },
      },
      (req) => editor.edit(req.actor, req.params.slug, req.body),
    );

    // The upload's body is the file's bytes, whatever type it declares: what it is, is read from its content.
    await app.register(async (uploads) => {
      uploads.removeAllContentTypeParsers();
      uploads.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: rules.MAX_IMAGE_BYTES }, (_req, body, done) =>
        done(null, body),
      );
      uploads.setErrorHandler((err, _req, reply) => {
        if ((err as { code?: string }).code === 'FST_ERR_CTP_BODY_TOO_LARGE')
          return reply.code(413).send({
            error: {
              code: 'campaigns.image_too_large',
              message: `The image is larger than ${MEGABYTES} MB.`,
              details: { maxBytes: rules.MAX_IMAGE_BYTES },
            },
          });
        throw err;
      });
      uploads.withTypeProvider<import('fastify-type-provider-zod').ZodTypeProvider>().post(
        '/campaigns/:slug/images',
        {
          schema: {
            tags,
            summary: 'Uploads a PNG, JPEG or WebP image for the campaign (the owner co-op’s admins, coordinators)',
            params: SlugParams,
            querystring: ImageUploadQuery,
            response: { 201: CampaignImage },
          },
        },
        async (req, reply) => {
          if (!Buffer.isBuffer(req.body) || req.body.length === 0)
            throw new AppError(400, 'campaigns.no_image', 'Send the image’s bytes as the request’s body.');
          const image = await editor.upload(req.actor, req.params.slug, req.body, req.query.cover === 'true');
          return reply.code(201).send(image);
        },
      );
    });
  };
