/**
 * A campaign's address, `/campaigns/<slug>`, served as the web app's shell
 * with the campaign's share preview in its head (Open Graph and Twitter card
 * tags), so a link pasted into a chat shows its title, summary and an image
 * without JavaScript: the campaign's cover image (its absolute address) or
 * else the network's icon. Every value is attribute-escaped.
 */
import { readFile } from 'node:fs/promises';
import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../../deps.ts';
import * as repo from './campaigns.repository.ts';
import { coverFile } from './campaign-editor.repository.ts';
import { imageUrl } from './campaign-images.store.ts';

const escapeAttribute = (s: string) =>
  s.replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`).replace(/[\u0000-\u001F\u007F]/g, ' ');

export function shareTags(v: { title: string; summary: string; url: string; image: string; site: string }): string {
  const meta = (attr: 'property' | 'name', key: string, value: string) =>
    `<meta ${attr}="${key}" content="${escapeAttribute(value)}">`;
  return [
    meta('property', 'og:type', 'website'),
    meta('property', 'og:site_name', v.site),
    meta('property', 'og:title', v.title),
    meta('property', 'og:description', v.summary),
    meta('property', 'og:url', v.url),
    meta('property', 'og:image', v.image),
    meta('name', 'twitter:card', 'summary_large_image'),
    meta('name', 'twitter:title', v.title),
    meta('name', 'twitter:description', v.summary),
    meta('name', 'twitter:image', v.image),
  ].join('\n    ');
}

export const campaignShareRoutes =
  (deps: AppDeps, shellPath: string): FastifyPluginAsync =>
  async (app) => {
    app.get<{ Params: { slug: string } }>('/campaigns/:slug', { schema: { hide: true } }, async (req, reply) => {
      const shell = await readFile(shellPath, 'utf8');
      const slug = req.params.slug;
      const campaign = /^[a-z0-9-]{1,80}$/.test(slug) ? await repo.campaignBySlug(deps.db, slug) : undefined;
      reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8');
      if (!campaign) return shell;
      const network = await deps.network.get(deps.db);
      const base = deps.config.publicUrl.replace(/\/$/, '');
      // The campaign's cover when it has one, else the network's icon.
      const cover = await coverFile(deps.db, campaign.id);
      const tags = shareTags({
        title: campaign.title,
        summary: campaign.summary,
        url: `${base}/campaigns/${campaign.slug}`,
        image: `${base}${cover ? imageUrl(cover) : '/icons/icon-512.png'}`,
        site: network.name,
      });
      // Feed readers find the campaign's updates from its page.
      const feed = `<link rel="alternate" type="application/atom+xml" title="${escapeAttribute(campaign.title)}" href="${escapeAttribute(`${base}/feeds/campaigns/${campaign.slug}.atom`)}">`;
      return shell.replace('</head>', `    ${tags}\n    ${feed}\n  </head>`);
    });
  };
