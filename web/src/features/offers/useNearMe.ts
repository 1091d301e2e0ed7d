/**
 * The visitor's position for "Near me": asked of the browser only when they
 * turn it on, kept in memory and never in the URL (a copied link must not
 * carry where someone is), rounded to about 100 m before it is sent.
 */
import { useEffect, useRef, useState } from 'react';

export type NearMeState =
  | { kind: 'off' }
  | { kind: 'asking' }
  | { kind: 'ready'; lat: number; lng: number }
  | { kind: 'refused' }
  | { kind: 'unavailable' };

const round = (x: number) => Math.round(x * 1000) / 1000;

export function useNearMe(wanted: boolean, onFailure: () => void): NearMeState {
  const [state, setState] = useState<NearMeState>({ kind: 'off' });
  // The latest callback, without asking the browser again each time the caller re-renders.
  const failed = useRef(onFailure);
  failed.current = onFailure;

  useEffect(() => {
    if (!wanted) {
      // Forget a position when "Near me" is turned off; keep a refusal on screen until they try again.
      setState((s) => (s.kind === 'ready' || s.kind === 'asking' ? { kind: 'off' } : s));
      return;
    }
    if (!('geolocation' in navigator)) {
      setState({ kind: 'unavailable' });
      failed.current();
      return;
    }
    let live = true;
    setState({ kind: 'asking' });
    navigator.geolocation.getCurrentPosition(
      (pos) => live && setState({ kind: 'ready', lat: round(pos.coords.latitude), lng: round(pos.coords.longitude) }),
      (err) => {
        if (!live) return;
        setState({ kind: err.code === err.PERMISSION_DENIED ? 'refused' : 'unavailable' });
        failed.current();
      },
      { enableHighAccuracy: false, timeout: 15_000, maximumAge: 5 * 60_000 },
    );
    return () => {
      live = false;
    };
  }, [wanted]);

  return state;
}
