/**
 * Vote counting: pure, deterministic functions that return every stage of a
 * count so it can be shown and checked. No I/O; safe to import in the browser.
 * See docs/voting.md and docs/decisions/0005-vote-counting.md.
 */
export * from './types.ts';
export * from './numbers.ts';
export * from './lot.ts';
export { breakTie, type TieInput } from './ties.ts';
export * from './ballot.ts';
export * from './threshold.ts';
export * from './consent.ts';
export * from './approval.ts';
export * from './irv.ts';
export * from './stv-scottish.ts';
export * from './stv-meek.ts';
export * from './schulze.ts';
export * from './blt.ts';
export * from './cast.ts';
export * from './count-vote.ts';
