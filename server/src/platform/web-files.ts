/**
 * The web app's files: compressed copies made at build time (`.br`, `.gz`)
 * are sent to browsers that accept them, and each kind of file is cached as
 * long as it can be without ever going stale (decision 0016):
 *
 * - `/assets/*` are named by a hash of their content: a year, `immutable`;
 * - the HTML shell, the service worker and the manifests name those files:
 *   `no-cache`, asked again (and answered 304 when unchanged) at each visit;
 * - the icons: a day.
 */
import { sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';
export const ICONS = 'public, max-age=86400';

export function cacheControlFor(path: string): string {
  const file = path.split(sep).join('/');
  if (file.includes('/assets/')) return IMMUTABLE;
  if (file.includes('/icons/')) return ICONS;
  return REVALIDATE;
}

export async function registerWebFiles(app: FastifyInstance, webDist: string): Promise<void> {
  await app.register(fastifyStatic, {
    root: webDist,
    wildcard: false,
    preCompressed: true,
    cacheControl: false,
    // The copies are found beside each file; they are not addresses of their own.
    globIgnore: ['**/*.br', '**/*.gz'],
    setHeaders: (reply: FastifyReply, path: string) => {
      reply.header('cache-control', cacheControlFor(path));
    },
  });
}
