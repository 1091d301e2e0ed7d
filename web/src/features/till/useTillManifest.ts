import { useEffect } from 'react';
import { rememberTill } from './LastTill.tsx';

/**
 * While the till is open, the page offers the till's own web app manifest, so
 * "Install" on this page installs the till (starting at /till), not the card.
 */
export function useTillManifest(coopId: string): void {
  useEffect(() => {
    rememberTill(coopId);
    const link = document.querySelector<HTMLLinkElement>('link[rel="manifest"]');
    if (!link) return;
    const before = link.getAttribute('href');
    link.setAttribute('href', '/till.webmanifest');
    return () => {
      if (before) link.setAttribute('href', before);
    };
  }, [coopId]);
}
