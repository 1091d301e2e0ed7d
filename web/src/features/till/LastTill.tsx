/**
 * /till, the start page of the installed till: opens the till this device
 * used last, or the dashboard (which links to the tills a cashier may use).
 */
import { Navigate } from 'react-router';

const LAST_TILL_KEY = 'coopnet.till.last';

export function rememberTill(coopId: string): void {
  try {
    window.localStorage.setItem(LAST_TILL_KEY, coopId);
  } catch {
    // private mode: the installed till starts at the dashboard
  }
}

function lastTill(): string | null {
  try {
    return window.localStorage.getItem(LAST_TILL_KEY);
  } catch {
    return null;
  }
}

export function LastTill() {
  const coopId = lastTill();
  return <Navigate to={coopId ? `/till/${coopId}` : '/dashboard'} replace />;
}
