/**
 * The payment providers pledges may use, the first being the one new pledges
 * get. Add a provider here (docs/campaigns.md, "Adding a card or SEPA
 * provider"); server/src/wiring.ts registers each one's matcher with the
 * fund's bank statement import.
 */
import { bankTransfer } from './bank-transfer.provider.ts';
import type { PaymentProvider } from './payment-provider.ts';

export const paymentProviders: readonly PaymentProvider[] = [bankTransfer];

/** The provider a pledge was made with; a pledge never names an unknown one (its name is written from this list). */
export function providerNamed(name: string): PaymentProvider {
  const p = paymentProviders.find((x) => x.name === name);
  if (!p) throw new Error(`No payment provider is called ${name}`);
  return p;
}
