/** The audit module's door: the network's audit log, read by coordinators. */
export { auditRoutes } from './audit.routes.ts';
