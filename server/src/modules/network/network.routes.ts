/** GET/PATCH /network. */
import { Network, NetworkPatch } from '@coopnet/contract/network';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../deps.ts';
import { networkService } from './network.service.ts';
import { READS_AND_TILL } from '../../platform/auth/token-scopes.ts';

export const networkRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const service = networkService(deps);
    app.get('/network', { config: { tokens: READS_AND_TILL }, schema: { tags: ['network'], response: { 200: Network } } }, () => service.view());
    app.patch('/network', { config: { tokens: ['coordinator'] }, schema: { tags: ['network'], body: NetworkPatch, response: { 200: Network } } }, (req) =>
      service.update(req.actor, req.body),
    );
  };
