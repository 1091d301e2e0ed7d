/*
 * Coopnet's service worker: once the app has been opened, it opens again
 * without a connection (the member's card at a till with no signal, the
 * cashier's till). Deliberately small and hand-written:
 *
 * - install: keep the shell (index.html, the same for every page);
 * - pages (navigations): the network first, so a new version is seen at
 *   once; without a connection, the kept index.html;
 * - /assets/*: Vite's files, named by a hash of their content, so a kept copy
 *   is never stale: from the cache first, kept as they load;
 * - /api/ is never cached: each page keeps its own data (localStorage) and
 *   decides what to show from it;
 * - activate: older versions of the cache are deleted (bump VERSION to start
 *   afresh, e.g. to drop the files of old releases).
 */
/* global self, caches, fetch, Response */

const VERSION = 1;
const PREFIX = 'coopnet-shell-';
const CACHE = `${PREFIX}v${VERSION}`;
const SHELL = ['/', '/card'];

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(SHELL))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((n) => n.startsWith(PREFIX) && n !== CACHE).map((n) => caches.delete(n))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname.startsWith('/api/')) return;
  if (request.mode === 'navigate') event.respondWith(page(request));
  else if (url.pathname.startsWith('/assets/')) event.respondWith(asset(request));
});

/** The page keeps the files it loaded before this worker controlled it (its first visit). */
self.addEventListener('message', (event) => {
  const data = event.data;
  if (!data || data.type !== 'keep' || !Array.isArray(data.urls)) return;
  const urls = data.urls.filter((u) => typeof u === 'string' && u.startsWith('/assets/'));
  event.waitUntil(
    caches.open(CACHE).then(async (cache) => {
      for (const u of urls) {
        if (!(await cache.match(u))) await cache.add(u).catch(() => undefined);
      }
    }),
  );
});

async function page(request) {
  try {
    const response = await fetch(request);
    // Every page is the same index.html: keep the newest, so offline it names the current files.
    if (response.ok && (response.headers.get('content-type') || '').includes('text/html')) {
      const cache = await caches.open(CACHE);
      await cache.put('/', response.clone());
    }
    return response;
  } catch {
    const kept = (await caches.match('/', { cacheName: CACHE })) || (await caches.match('/card', { cacheName: CACHE }));
    return kept || Response.error();
  }
}

async function asset(request) {
  const kept = await caches.match(request, { cacheName: CACHE });
  if (kept) return kept;
  const response = await fetch(request);
  if (response.ok) {
    const cache = await caches.open(CACHE);
    await cache.put(request, response.clone());
  }
  return response;
}
