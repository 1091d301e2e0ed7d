/** The auth module's door: its routes (sign-in, sessions, sign-up, password resets and changes, API tokens). */
export { authRoutes } from './auth.routes.ts';
