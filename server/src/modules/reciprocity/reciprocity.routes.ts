/** Routes of reciprocity (filled in as the capability is built). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../deps.ts';

export const reciprocityRoutes =
  (_deps: AppDeps): FastifyPluginAsyncZod =>
  async () => {};
