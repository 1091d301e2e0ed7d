/** Every capability's routes, mounted under /api/v1. */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../deps.ts';
import { auditRoutes } from './audit/audit.routes.ts';
import { authRoutes } from './auth/auth.routes.ts';
import { budgetingRoutes } from './budgeting/index.ts';
import { campaignEditorRoutes, campaignsRoutes, myPledgesRoutes } from './campaigns/index.ts';
import { cardsRoutes } from './cards/cards.routes.ts';
import { coopsRoutes } from './coops/coops.routes.ts';
import { fundRoutes } from './fund/index.ts';
import {
  assembliesRoutes,
  bodiesRoutes,
  bylawsRoutes,
  notificationsRoutes,
  proposalsRoutes,
} from './governance/index.ts';
import { networkRoutes } from './network/network.routes.ts';
import { newsRoutes } from './news/index.ts';
import { offersRoutes } from './offers/offers.routes.ts';
import { peopleRoutes } from './people/people.routes.ts';
import { programmesRoutes } from './programmes/index.ts';
import { reciprocityRoutes } from './reciprocity/reciprocity.routes.ts';
import { showcaseRoutes } from './showcase/showcase.routes.ts';
import { tillRoutes } from './till/till.routes.ts';
import { venturesRoutes } from './ventures/index.ts';

export async function registerModules(api: FastifyInstance, deps: AppDeps): Promise<void> {
  await api.register(authRoutes(deps));
  await api.register(networkRoutes(deps));
  await api.register(coopsRoutes(deps));
  await api.register(peopleRoutes(deps));
  await api.register(auditRoutes(deps));
  await api.register(bylawsRoutes(deps));
  await api.register(bodiesRoutes(deps));
  await api.register(assembliesRoutes(deps));
  await api.register(notificationsRoutes(deps));
  await api.register(proposalsRoutes(deps));
  await api.register(cardsRoutes(deps));
  await api.register(offersRoutes(deps));
  await api.register(tillRoutes(deps));
  await api.register(fundRoutes(deps));
  await api.register(reciprocityRoutes(deps));
  await api.register(programmesRoutes(deps));
  await api.register(budgetingRoutes(deps));
  await api.register(venturesRoutes(deps));
  await api.register(campaignsRoutes(deps));
  await api.register(campaignEditorRoutes(deps));
  await api.register(myPledgesRoutes(deps));
  await api.register(newsRoutes(deps));
  await api.register(showcaseRoutes(deps));
}
