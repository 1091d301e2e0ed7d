/**
 * Settling the reciprocity accounts: which policy is in force, and what the
 * fund owes a co-op for a month under "the fund reimburses givers above a
 * threshold". Pure; the server stores the obligations.
 */

/** Of two choices of policy (a coordinator's, a passed proposal's), the later; either may be missing. */
export function laterChoice<P extends { setAt: string | null }>(a: P | null, b: P | null): P | null {
  if (a && b) return (a.setAt ?? '') > (b.setAt ?? '') ? a : b;
  return a ?? b;
}

/** Each co-op that gave more than the threshold, net, in the month: it is owed what it gave above it. */
export function reimbursements(positions: readonly { coopId: string; netCents: number }[], thresholdCents: number) {
  return positions
    .filter((p) => p.netCents > thresholdCents)
    .map((p) => ({ coopId: p.coopId, netCents: p.netCents, amountCents: p.netCents - thresholdCents }));
}
