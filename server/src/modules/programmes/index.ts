/** Community programmes' door: their routes. */
export { programmesRoutes } from './programmes.routes.ts';
