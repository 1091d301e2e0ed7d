/** The news module's door: its API routes and its Atom feeds (mounted at the root, outside /api/v1). */
export { feedsRoutes } from './feeds.routes.ts';
export { newsRoutes } from './news.routes.ts';

// The demo's two posts, seeded by the demo inside its transaction.
export { seedDemoNews } from './demo-news.ts';
