/** Participatory budgeting's door: its routes, the fund's check of a round's close as a decision, and the demo's round. */
export { budgetingRoutes } from './budgeting.routes.ts';
export { roundDecision } from './close.service.ts';
export { seedDemoBudgeting } from './demo-budgeting.ts';
