/**
 * The seam through which modules above the fund have their own references
 * matched by the bank statement import (campaign pledges, say): each
 * registers what is owed under its references and how a matched payment is
 * booked inside the import's transaction. Registered in server/src/wiring.ts;
 * registering the same matcher again changes nothing.
 */
import type { Tx } from '../../db/database.ts';
import type { AppDeps } from '../../deps.ts';

export interface OwedElsewhere {
  id: string;
  reference: string;
  outstandingCents: number;
  /** who owes it, as the import's answer names it */
  name: string;
}

export interface PaymentMatcher {
  /** a short name, unique among matchers, that prefixes its ids in the import */
  name: string;
  owed(trx: Tx, deps: AppDeps): Promise<OwedElsewhere[]>;
  /** which of these bank lines' fingerprints it booked before (a statement imported twice books once) */
  imported(trx: Tx, prints: string[]): Promise<string[]>;
  /** books a matched payment; `key` is the movement's idempotency key, `print` the bank line's fingerprint */
  book(
    trx: Tx,
    deps: AppDeps,
    p: { id: string; cents: number; date: string; actorId: string | null; key: string; print: string },
  ): Promise<void>;
}

const matchers: PaymentMatcher[] = [];

export function registerPaymentMatcher(m: PaymentMatcher): void {
  if (!matchers.some((x) => x.name === m.name)) matchers.push(m);
}

export const paymentMatchers = (): readonly PaymentMatcher[] => matchers;
