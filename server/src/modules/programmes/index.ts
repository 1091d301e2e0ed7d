/** Community programmes' door: their routes, and the demo's food bank. */
export { programmesRoutes } from './programmes.routes.ts';
export { seedDemoProgrammes } from './demo-programmes.ts';
