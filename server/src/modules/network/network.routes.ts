/** GET/PATCH /network; the network's sectors: GET/POST /sectors, PATCH /sectors/:sector. */
import { Network, NetworkPatch } from '@coopnet/contract/network';
import { Sector, SectorInput, SectorList, SectorParams, SectorPatch } from '@coopnet/contract/sectors';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../deps.ts';
import { networkService } from './network.service.ts';
import { sectorsService } from './sectors.service.ts';
import { READS_AND_TILL } from '../../platform/auth/token-scopes.ts';

export const networkRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const service = networkService(deps);
    const sectors = sectorsService(deps);
    app.get('/network', { config: { tokens: READS_AND_TILL }, schema: { tags: ['network'], response: { 200: Network } } }, () => service.view());
    app.patch('/network', { config: { tokens: ['coordinator'] }, schema: { tags: ['network'], body: NetworkPatch, response: { 200: Network } } }, (req) =>
      service.update(req.actor, req.body),
    );
    app.get('/sectors', { config: { etag: true }, schema: { tags: ['network'], response: { 200: SectorList } } }, () => sectors.list());
    app.post('/sectors', { config: { tokens: ['coordinator'] }, schema: { tags: ['network'], body: SectorInput, response: { 201: Sector } } }, async (req, reply) =>
      reply.code(201).send(await sectors.add(req.actor, req.body)),
    );
    app.patch(
      '/sectors/:sector',
      { config: { tokens: ['coordinator'] }, schema: { tags: ['network'], params: SectorParams, body: SectorPatch, response: { 200: Sector } } },
      (req) => sectors.rename(req.actor, req.params.sector, req.body),
    );
  };
