/**
 * The co-ops module's door: what other modules may use of it. Everything
 * else in this folder (repository, presenter, routes' internals) is its own.
 */
export { coopsRoutes } from './coops.routes.ts';
export { coopAbilities, coopPolicy } from './coops.policy.ts';
export { findById as findCoop } from './coops.repository.ts';
export { memberCoops, presentCoops, searchText } from './coops.service.ts';
export { slugify } from './slug.ts';
export { coopMatters } from './matters.ts';
export { type AdmittedListener, type FirstAdmin, type FirstAdminInvitation, onCoopAdmitted, provideFirstAdminInvitation } from './admission.ts';
export { submitApplicationIn } from './application-submit.ts';
