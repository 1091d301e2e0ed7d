import { useEffect } from 'react';
import { useNetwork } from '../api/session.ts';

/** The browser tab says which page this is, then the network's name. */
export function usePageTitle(title: string | undefined): void {
  const { data: network } = useNetwork();
  const site = network?.name ?? 'Coopnet';
  useEffect(() => {
    document.title = title ? `${title} · ${site}` : site;
  }, [title, site]);
}
