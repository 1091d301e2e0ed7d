/** Ventures' door: their routes, the listener the co-ops' admission calls, and the demo's ventures. */
export { venturesRoutes } from './ventures.routes.ts';
export { ventureAdmitted } from './joining.ts';
export { seedDemoVentures } from './demo-ventures.ts';
