/** The demo module's door: seeding the demo network and its logins. */
export { type DemoSize, MAX_COOPS, MAX_WORKERS, defaultSize, minimumWorkers } from './demo-plan.ts';
export { DEMO_PASSWORD, type DemoLogin, type SeedProgress, type SeedResult, hasCoops, seedDemo, workingDemoLogins } from './seed.ts';
