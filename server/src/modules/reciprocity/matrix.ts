/**
 * The month's accounts from its summed redemptions, pure: each co-op's given
 * (discounts its tills granted), received (discounts its workers got at the
 * others) and net = given − received. Supporters receive but belong to no
 * co-op, so the nets of all co-ops add up to what supporters received, not
 * to zero.
 */
import type { Matrix, Position } from '@coopnet/contract/reciprocity';
import type { CellRow } from './reciprocity.repository.ts';

export interface CoopRef {
  id: string;
  name: string;
}

/** Months as YYYY-MM, counted back from `month` (inclusive), oldest first. */
export function monthsUpTo(month: string, count: number): string[] {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const out: string[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const d = new Date(Date.UTC(y, m - 1 - i, 1));
    out.push(`${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`);
  }
  return out;
}

export function buildMatrix(month: string, currency: string, coops: CoopRef[], cells: CellRow[], locale: string): Matrix {
  // A co-op named by a redemption but gone from the directory still has its row, under its id.
  const known = new Map(coops.map((c) => [c.id, c]));
  for (const c of cells) {
    for (const id of [c.giverCoopId, c.receiverCoopId]) if (id && !known.has(id)) known.set(id, { id, name: id });
  }
  const sorted = [...known.values()].sort((a, b) => a.name.localeCompare(b.name, locale) || a.id.localeCompare(b.id));
  const positions = new Map<string, Position>(
    sorted.map((c) => [c.id, { coopId: c.id, coopName: c.name, givenCents: 0, givenCount: 0, receivedCents: 0, receivedCount: 0, netCents: 0 }]),
  );
  let totalCents = 0;
  let totalCount = 0;
  for (const c of cells) {
    const giver = positions.get(c.giverCoopId)!;
    giver.givenCents += c.cents;
    giver.givenCount += c.count;
    if (c.receiverCoopId) {
      const receiver = positions.get(c.receiverCoopId)!;
      receiver.receivedCents += c.cents;
      receiver.receivedCount += c.count;
    }
    totalCents += c.cents;
    totalCount += c.count;
  }
  for (const p of positions.values()) p.netCents = p.givenCents - p.receivedCents;
  const order = new Map(sorted.map((c, i) => [c.id, i]));
  const rank = (id: string | null) => (id === null ? sorted.length : order.get(id)!);
  return {
    month,
    currency,
    coops: sorted.map((c) => ({ id: c.id, name: c.name })),
    // Giver rows in the co-ops' order, receivers likewise, supporters last.
    cells: [...cells].sort((a, b) => rank(a.giverCoopId) - rank(b.giverCoopId) || rank(a.receiverCoopId) - rank(b.receiverCoopId)),
    positions: [...positions.values()],
    totalCents,
    totalCount,
  };
}
