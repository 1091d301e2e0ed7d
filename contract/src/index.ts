export * from './common.ts';
export * as coops from './coops.ts';
export * as network from './network.ts';
export * as auth from './auth.ts';
export * as people from './people.ts';
export * as audit from './audit.ts';
export * as governanceBodies from './governance-bodies.ts';
export * as proposals from './proposals.ts';
export * as cards from './cards.ts';
