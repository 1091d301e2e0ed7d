export * from './common.ts';
export * as coops from './coops.ts';
export * as network from './network.ts';
export * as auth from './auth.ts';
export * as people from './people.ts';
export * as audit from './audit.ts';
