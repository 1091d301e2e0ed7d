/**
 * buildApp(config) -> a Fastify instance with every module mounted under
 * /api/v1, the OpenAPI document at /api/docs, health checks under
 * /api/health and Prometheus metrics at /metrics, and the web app at /.
 * Used by `coopnet serve` and by the tests (through app.inject).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import cookie from '@fastify/cookie';
import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet from 'helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Config } from './config.ts';
import { type DatabaseHandle, openDatabase } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import type { AppDeps } from './deps.ts';
import { cardsRootRoutes } from './modules/cards/index.ts';
import { feedsRoutes } from './modules/news/index.ts';
import { campaignFeedRoutes, campaignShareRoutes } from './modules/campaigns/index.ts';
import { campaignImageFiles } from './modules/campaigns/index.ts';
import { registerModules } from './modules/index.ts';
import { ensureNetwork, getNetwork } from './modules/network/index.ts';
import { ensureGovernance, startGovernanceClock } from './modules/governance/index.ts';
import { startFundClock } from './modules/fund/index.ts';
import { registerAuthentication } from './platform/auth/authenticate.ts';
import { registerErrorHandling } from './platform/http.ts';
import { createLogger } from './platform/log/logger.ts';
import { createMailer } from './platform/mail/mailer.ts';
import { createNetworkSettings } from './platform/network/settings.ts';
import { Metrics, registerOperations } from './platform/operations.ts';
import { fastifyTrustProxy } from './platform/proxy.ts';
import { registerTransfer } from './platform/transfer.ts';
import { registerWebFiles } from './platform/web-files.ts';
import { wireModules } from './wiring.ts';

export interface BuiltApp {
  app: FastifyInstance;
  deps: AppDeps;
  database: DatabaseHandle;
}

/** `logger`: where the app logs (tests give one writing to a file); by default stdout, as LOG_LEVEL and LOG_FORMAT say. */
export async function buildApp(config: Config, options: { database?: DatabaseHandle; logger?: FastifyBaseLogger } = {}): Promise<BuiltApp> {
  const database = options.database ?? openDatabase(config.databaseUrl);
  await migrateToLatest(database.db);
  await ensureNetwork(database.db);
  await ensureGovernance(database.db);
  const logger = options.logger ?? createLogger({ level: config.logLevel, format: config.logFormat });
  const mailer = createMailer(database.db, config.smtpUrl, config.mailFrom, logger);
  const network = createNetworkSettings((ex = database.db) => getNetwork(ex));
  const deps: AppDeps = { db: database.db, dialect: database.dialect, config, mailer, network };
  wireModules();

  const app = Fastify({
    loggerInstance: logger,
    trustProxy: fastifyTrustProxy(config.trustProxy),
    bodyLimit: 4 * 1024 * 1024,
    // Errors Fastify raises before routing (a too-long path parameter, a bad
    // content type) answer in the same shape as every other error.
    frameworkErrors: (error, _request, reply) => {
      const status = error.statusCode && error.statusCode < 500 ? error.statusCode : 400;
      void reply
        .code(status as never)
        .type('application/json')
        .send(JSON.stringify({ error: { code: 'bad_request', message: error.message } }) as never);
    },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const https = config.publicUrl.startsWith('https:');
  // Security headers from helmet, its middleware built once: @fastify/helmet builds it anew for
  // every request, which cost ~75 µs of CPU a request (a tenth of a directory page; see bench/).
  // Our policy has no per-request parts (no nonces), so the headers are worked out once.
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:', 'blob:', new URL(config.mapTileUrl.replace(/\{[a-z]\}/g, 'a')).origin, ...(config.imageOrigins ?? [])],
        'script-src': ["'self'"],
        // Only where people reach us over https: a till or a phone on the co-op's own network opens
        // http://192.168.1.20:3000, and upgrading its requests to https would leave the page blank.
        'upgrade-insecure-requests': https ? [] : null,
      },
    },
    hsts: https,
  });
  const pageHeaders = fixedHeaders(securityHeaders);
  // JSON answers need no page policy, only to be never run, framed or sniffed as a page (OWASP REST).
  const apiHeaders: [string, string][] = [
    ['Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'"],
    ['X-Content-Type-Options', 'nosniff'],
    ['X-Frame-Options', 'DENY'],
    ['Referrer-Policy', 'no-referrer'],
    ['Cross-Origin-Resource-Policy', 'same-origin'],
    ...pageHeaders.filter(([name]) => name.toLowerCase() === 'strict-transport-security'),
  ];
  app.addHook('onRequest', (request, reply, done) => {
    const headers = request.url.startsWith('/api/v1/') ? apiHeaders : pageHeaders;
    for (const [name, value] of headers) reply.raw.setHeader(name, value);
    done();
  });
  await app.register(cookie);
  await registerTransfer(app);
  // Sized for a whole assembly behind one venue's Wi-Fi: the web app's own files are not counted;
  // a signed-in person (or token) is limited as themselves, wherever they are; only requests of
  // people not signed in share their address's allowance. Counted after authentication (preHandler).
  await app.register(rateLimit, {
    global: true,
    hook: 'preHandler',
    timeWindow: '1 minute',
    allowList: (request) => !request.url.startsWith('/api/'),
    keyGenerator: (request) => (request.actor ? `person:${request.actor.personId}` : `address:${request.ip}`),
    max: (request) => (request.actor ? config.rateLimitAccountMax : config.rateLimitMax),
  });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Coopnet API', version: '1' },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          session: { type: 'apiKey', in: 'cookie', name: 'coopnet_session' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  const index = join(config.webDist, 'index.html');
  const hasWeb = existsSync(index);
  registerErrorHandling(app, { appShell: hasWeb });
  const metrics = new Metrics();
  registerOperations(app, { db: deps.db, metricsToken: config.metricsToken, metrics });
  registerAuthentication(app, deps.db, config.sessionSecret);
  await app.register(async (api) => registerModules(api, deps), { prefix: '/api/v1' });
  await app.register(cardsRootRoutes(deps));
  await app.register(feedsRoutes(deps));
  await app.register(campaignFeedRoutes(deps));

  // Campaign images, by their content's hash, for anyone (and for chats' previews).
  await app.register(campaignImageFiles(deps));

  // A campaign's address carries its share preview in the shell the server sends.
  if (hasWeb) await app.register(campaignShareRoutes(deps, index));
  if (hasWeb) await registerWebFiles(app, config.webDist);

  const stopGovernanceClock = startGovernanceClock(deps, app.log, (ok) => metrics.governanceTick(ok));
  const stopFundClock = startFundClock(deps, app.log, (ok) => metrics.fundTick(ok));
  app.addHook('onClose', async () => {
    await stopGovernanceClock();
    await stopFundClock();
    mailer.close();
    if (!options.database) await database.close();
  });
  return { app, deps, database };
}

/** The headers a helmet middleware sets, worked out once: none of ours depends on the request. */
function fixedHeaders(middleware: ReturnType<typeof helmet>): [string, string][] {
  const set = new Map<string, string>();
  const res = {
    setHeader: (name: string, value: unknown) => set.set(name, String(value)),
    removeHeader: (name: string) => set.delete(name),
  };
  let done = false;
  middleware({} as IncomingMessage, res as unknown as ServerResponse, () => (done = true));
  if (!done) throw new Error('the security headers could not be worked out ahead of requests');
  return [...set];
}
