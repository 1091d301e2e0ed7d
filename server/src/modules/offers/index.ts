/**
 * The offers module's door: what co-ops give, as the till and the demo read
 * it — the offers a till may apply and their rules, in the API's shape.
 */
export { offersRoutes } from './offers.routes.ts';
export { offerPolicy } from './offers.policy.ts';
export { offerRules, presentOffer } from './offers.presenter.ts';
export { type OfferRow, selectOffers } from './offers.repository.ts';
export { checkTerms, columnsOf, termsOfInput } from './offer-terms.ts';
export { sampleOffers } from './catalogue.service.ts';
