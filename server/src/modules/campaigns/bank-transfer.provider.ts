/**
 * The built-in payment provider: a bank transfer to the fund's account that
 * carries the pledge's reference ("P202612-7K3M9Q", the fund's reference code
 * with the prefix P), matched by the fund's bank statement import or
 * confirmed by a treasurer by hand.
 */
import { fund } from '@coopnet/domain';
import { bankTransferText } from '../../platform/mail/templates.ts';
import type { PaymentProvider } from './payment-provider.ts';
import { pledgeMatcher } from './pledge-matcher.ts';

export const bankTransfer: PaymentProvider = {
  name: 'bank_transfer',
  newReference: (month, pledgeId) => fund.referenceCode(month, pledgeId, 'P'),
  instructions: (locale, v) => bankTransferText(locale, v),
  matcher: pledgeMatcher,
};
