export * from './pledges.ts';
export * from './images.ts';
