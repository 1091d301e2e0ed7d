/**
 * A campaign's updates as an Atom feed (RFC 4287), `/feeds/campaigns/<slug>.atom`:
 * one entry per update, newest first, written by the campaign's owner. Every
 * campaign is public, so is its feed.
 */
import { type AtomEntry, atomFeed, tagUri } from '@coopnet/domain/news/index';
import type { AppDeps } from '../../deps.ts';
import { notFound } from '../../platform/errors.ts';
import * as repo from './campaigns.repository.ts';

/** An update has no title of its own: its first line, shortened. */
export function updateTitle(body: string): string {
  const line = body.trim().split('\n')[0]!.trim();
  return line.length > 80 ? `${line.slice(0, 79).trimEnd()}…` : line;
}

export async function campaignFeed(deps: AppDeps, slug: string): Promise<string> {
  const c = await repo.campaignBySlug(deps.db, slug);
  if (!c) throw notFound('campaign');
  const updates = await repo.updatesOf(deps.db, c.id);
  const base = deps.config.publicUrl.replace(/\/+$/, '');
  const authority = new URL(base).hostname;
  const page = `${base}/campaigns/${c.slug}`;
  const entries = updates.map((u): AtomEntry => ({
    id: tagUri(authority, u.created_at.slice(0, 10), `campaigns/${c.id}/updates/${u.id}`),
    title: updateTitle(u.body),
    link: `${page}#update-${u.id}`,
    published: u.created_at,
    updated: u.created_at,
    summary: u.body,
    author: c.owner_name,
  }));
  return atomFeed({
    id: tagUri(authority, c.created_at.slice(0, 10), `campaigns/${c.id}`),
    title: c.title,
    self: `${base}/feeds/campaigns/${c.slug}.atom`,
    alternate: page,
    author: c.owner_name,
    fallbackUpdated: c.created_at,
    entries,
  });
}
