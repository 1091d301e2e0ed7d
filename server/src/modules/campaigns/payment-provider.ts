/**
 * What a pledge needs from a way of paying: a reference its payments carry,
 * the instructions shown and mailed to the supporter, and how its payments are
 * matched and confirmed. Bank transfer is built in (bank-transfer.provider.ts);
 * docs/campaigns.md, "Adding a card or SEPA provider", says how to add one.
 *
 * Whatever the provider, a confirmed payment is booked by `payDueIn`
 * (pledge-books.ts) inside the caller's transaction: a `gift` movement in the
 * fund's ledger under an Idempotency-Key, the due marked paid once, the
 * receipt (and on the first payment the thank-you) queued in the same
 * transaction. A provider never writes to the ledger itself.
 */
import type { PaymentMatcher } from '../fund/index.ts';

export interface PaymentInstructionFacts {
  /** the amount as the supporter reads it, with its currency */
  amount: string;
  reference: string;
  monthly: boolean;
}

export interface PaymentProvider {
  /** stored with each pledge (`campaign_pledges.provider`); never renamed once pledges use it */
  name: string;
  /** The reference a new pledge's payments will carry, from the month it is made (YYYY-MM) and its id. */
  newReference(month: string, pledgeId: string): string;
  /** How to pay, in the pledge's language (en, es): a sentence or two for its mail. */
  instructions(locale: string, facts: PaymentInstructionFacts): string;
  /**
   * How payments are matched without a person: a matcher the fund's bank
   * statement import runs (registered by server/src/wiring.ts), or null for
   * a provider that tells us itself, through its own route that verifies the
   * provider's signature and calls `payDueIn`. Treasurers can always confirm
   * a payment by hand (POST /api/v1/campaigns/dues/:id/payments).
   */
  matcher: PaymentMatcher | null;
}
