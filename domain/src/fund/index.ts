export * from './applications.ts';
export * from './clock.ts';
export * from './contributions.ts';
export * from './loans.ts';
export * from './loan-plan.ts';
export * from './statement.ts';
export * from './flows.ts';
export * from './coop-account.ts';
