/**
 * The campaigns module's door: its routes; for server/src/wiring.ts, the
 * payment providers (each one's matcher for the fund's bank statement import) and the month's job
 * on the fund's clock; for tests and the demo, that job with a chosen day.
 */
export { campaignsRoutes } from './campaigns.routes.ts';
export { paymentProviders } from './payment-providers.ts';
export type { PaymentProvider } from './payment-provider.ts';
export { pledgeJob } from './pledge-books.ts';
export { campaignShareRoutes, shareTags } from './share.routes.ts';
export { campaignFeedRoutes } from './campaign-feed.routes.ts';
export { myPledgesRoutes } from './my-pledges.routes.ts';
export { seedDemoCampaigns } from './demo-campaigns.ts';
export { campaignEditorRoutes } from './campaign-editor.routes.ts';
export { campaignImageFiles } from './campaign-images.routes.ts';
