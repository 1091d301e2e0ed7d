/**
 * The Atom feeds of public posts, outside the API where feed readers look:
 * /feeds/news.atom and /feeds/coops/<slug>.atom. Not part of the API's
 * document (feed readers are not API clients; every post in them is public).
 */
import { CoopFeedParams } from '@coopnet/contract/news';
import { type AtomEntry, atomFeed, tagUri } from '@coopnet/domain/news/index';
import type { Post } from '@coopnet/contract/news';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../deps.ts';
import { newsService } from './news.service.ts';

const ATOM = 'application/atom+xml; charset=utf-8';

export const feedsRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const news = newsService(deps);
    const base = deps.config.publicUrl.replace(/\/+$/, '');
    const authority = new URL(base).hostname;
    const entry = (p: Post): AtomEntry => ({
      id: tagUri(authority, p.publishedAt.slice(0, 10), `news/${p.id}`),
      title: p.title,
      link: `${base}/news/${p.id}`,
      published: p.publishedAt,
      updated: p.updatedAt,
      summary: p.summary,
      author: p.authorName,
    });

    app.get('/feeds/news.atom', { schema: { hide: true } }, async (_req, reply) => {
      const [{ posts }, settings] = await Promise.all([news.feedPosts(null), deps.network.get()]);
      const xml = atomFeed({
        id: tagUri(authority, '2026', 'news'),
        title: `${settings.name}: news`,
        self: `${base}/feeds/news.atom`,
        alternate: `${base}/news`,
        author: settings.name,
        fallbackUpdated: '2026-01-01T00:00:00.000Z',
        entries: posts.map(entry),
      });
      return reply.type(ATOM).send(xml);
    });

    app.get('/feeds/coops/:slug', { schema: { hide: true, params: CoopFeedParams } }, async (req, reply) => {
      const slug = req.params.slug.replace(/\.atom$/, '');
      const { coop, posts } = await news.feedPosts(slug);
      const xml = atomFeed({
        id: tagUri(authority, '2026', `coops/${coop!.id}/blog`),
        title: `${coop!.name}: blog`,
        self: `${base}/feeds/coops/${slug}.atom`,
        alternate: `${base}/coops/${slug}/blog`,
        author: coop!.name,
        fallbackUpdated: '2026-01-01T00:00:00.000Z',
        entries: posts.map(entry),
      });
      return reply.type(ATOM).send(xml);
    });
  };
