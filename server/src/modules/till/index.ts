/** The till module's door: its routes (the web till and the API for other tills). */
export { tillRoutes } from './till.routes.ts';
