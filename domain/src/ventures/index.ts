/** Ventures' pure rules: the stages a proposed co-op moves through, and what an offer of help may become. */
export * from './stages.ts';
export * from './offers.ts';
