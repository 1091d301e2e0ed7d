/**
 * The real Coopnet app for a benchmark, in its own process: configured the way
 * `coopnet serve` is (from environment variables), logging only warnings and
 * with the rate limit out of the way. Prints `listening <port>` when ready.
 */
import { buildApp } from '../../server/src/app.ts';
import { readEnv } from '../../server/src/config.ts';
import { resolveConfig } from '../../server/src/secrets.ts';

const config = resolveConfig(
  readEnv({
    ...process.env,
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'warn',
    RATE_LIMIT_MAX: '1000000000',
    RATE_LIMIT_ACCOUNT_MAX: '1000000000',
    SEED_DEMO: 'false',
    WEB_DIST: '/nonexistent',
  }),
);
const { app } = await buildApp(config);
await app.listen({ host: config.host, port: 0 });
const address = app.server.address();
console.log(`listening ${typeof address === 'object' && address ? address.port : 0}`);
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
