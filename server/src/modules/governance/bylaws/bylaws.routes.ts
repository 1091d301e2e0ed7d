/** The bylaws in force and every earlier version: public, as the rules of a network should be. */
import { PageQuery, page } from '@coopnet/contract';
import { BylawsVersion, BylawsVersionSummary, VersionParams } from '@coopnet/contract/governance-bodies';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../../deps.ts';
import { bylawsService } from './bylaws.service.ts';

export const bylawsRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const bylaws = bylawsService(deps);
    const tags = ['governance'];
    app.get('/bylaws', { schema: { tags, response: { 200: BylawsVersion } } }, () => bylaws.current());
    app.get('/bylaws/versions', { schema: { tags, querystring: PageQuery, response: { 200: page(BylawsVersionSummary) } } }, (req) => bylaws.versions(req.query));
    app.get('/bylaws/versions/:version', { schema: { tags, params: VersionParams, response: { 200: BylawsVersion } } }, (req) => bylaws.version(req.params.version));
  };
