/**
 * Stored campaign images, `/campaign-images/<sha256>.<png|jpg>`, for anyone:
 * the type from the stored, re-encoded file, never sniffed, and cached for
 * good — the name is the content's hash, so it never changes.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../../deps.ts';
import { readImage } from './campaign-images.store.ts';

export const campaignImageFiles =
  (deps: AppDeps): FastifyPluginAsync =>
  async (app) => {
    app.get<{ Params: { file: string } }>('/campaign-images/:file', { schema: { hide: true } }, async (req, reply) => {
      const bytes = await readImage(deps.config.dataDir, req.params.file);
      if (!bytes)
        return reply
          .code(404)
          .type('application/json')
          .send({ error: { code: 'not_found', message: 'No such image.' } });
      return reply
        .header('content-type', req.params.file.endsWith('.png') ? 'image/png' : 'image/jpeg')
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cross-origin-resource-policy', 'cross-origin')
        .header('cache-control', 'public, max-age=31536000, immutable')
        .send(bytes);
    });
  };
