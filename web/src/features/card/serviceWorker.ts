/**
 * Registers /sw.js, which keeps the app's shell and its files so the card
 * (and the till) open without a connection. The worker only starts
 * controlling fetches after this page has loaded, so the page hands it the
 * files it already loaded (including the page's own lazy chunk) to keep too.
 */
function keepLoadedFiles(worker: ServiceWorker | null | undefined): void {
  if (!worker) return;
  const urls = performance
    .getEntriesByType('resource')
    .map((e) => new URL(e.name))
    .filter((u) => u.origin === location.origin && u.pathname.startsWith('/assets/'))
    .map((u) => u.pathname);
  worker.postMessage({ type: 'keep', urls });
}

export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  window.addEventListener('load', () => {
    navigator.serviceWorker
      .register('/sw.js')
      .then(() => navigator.serviceWorker.ready)
      .then((registration) => keepLoadedFiles(registration.active))
      .catch(() => {
        // No worker (private mode, an old browser): the app works online as before.
      });
    navigator.serviceWorker.addEventListener('controllerchange', () =>
      keepLoadedFiles(navigator.serviceWorker.controller),
    );
  });
}
