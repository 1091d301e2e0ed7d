export * from './share.ts';
export * from './count.ts';
export * from './round.ts';
