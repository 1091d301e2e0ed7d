export * from './pledges.ts';
