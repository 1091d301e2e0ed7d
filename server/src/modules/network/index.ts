/** The network module's door: its settings row, its sectors, its policy and its routes. */
export { networkRoutes } from './network.routes.ts';
export { networkPolicy } from './network.policy.ts';
export { ensureNetwork, getNetwork, updateNetwork } from './network.repository.ts';
export { checkSectors } from './sectors.service.ts';
