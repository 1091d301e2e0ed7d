/** The showcase module's door: the network's shop window, read by anyone. */
export { showcaseRoutes } from './showcase.routes.ts';
