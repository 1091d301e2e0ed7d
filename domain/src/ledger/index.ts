export * from './accounts.ts';
export * from './movement.ts';
export * from './rules.ts';
export * from './journal.ts';
