export * from './money/money.ts';
export * from './money/decimal.ts';
export * as voting from './voting/index.ts';
export * as credentials from './credentials/index.ts';
export * as benefits from './benefits/index.ts';
export * as ledger from './ledger/index.ts';
export * as fund from './fund/index.ts';
export * as campaigns from './campaigns/index.ts';
export * as programmes from './programmes/index.ts';
