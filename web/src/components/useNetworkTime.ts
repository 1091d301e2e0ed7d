/**
 * Times are picked in the network's time zone, the one every page shows them
 * in: a datetime-local field holds the network's wall clock, whatever the
 * device's own zone, and the form says so once ("network time (Europe/Madrid)").
 */
import { instantOfWallClock, wallClockValue } from '@coopnet/domain/benefits/calendar';
import { useNetwork } from '../api/session.ts';

export function useNetworkTime() {
  const { data: network } = useNetwork();
  const zone = network?.timeZone ?? 'UTC';
  const safeZone = isZone(zone) ? zone : 'UTC';
  return {
    zone: safeZone,
    /** The value a datetime-local field takes for this instant. */
    toInput: (at: Date) => wallClockValue(at, safeZone),
    /** A datetime-local value as an ISO instant; null when it is not a time. */
    fromInput: (value: string) => instantOfWallClock(value, safeZone)?.toISOString() ?? null,
  };
}

function isZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
