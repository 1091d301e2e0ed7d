/**
 * Secrets not given in the environment are generated once and kept in the
 * data folder (mode 0600), so a restart keeps sessions valid.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Config, Env } from './config.ts';

interface StoredSecrets {
  sessionSecret: string;
}

function loadOrCreateSecrets(dataDir: string): StoredSecrets {
  const file = join(dataDir, 'secrets.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as StoredSecrets;
  mkdirSync(dataDir, { recursive: true });
  const secrets: StoredSecrets = { sessionSecret: randomBytes(32).toString('base64url') };
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

export function resolveConfig(env: Env): Config {
  const dataDir = resolve(env.DATA_DIR);
  const sessionSecret = env.SESSION_SECRET ?? loadOrCreateSecrets(dataDir).sessionSecret;
  return {
    port: env.PORT,
    host: env.HOST,
    dataDir,
    databaseUrl: env.DATABASE_URL ?? `sqlite:${join(dataDir, 'coopnet.db')}`,
    publicUrl: env.PUBLIC_URL.replace(/\/$/, ''),
    sessionSecret,
    smtpUrl: env.SMTP_URL,
    mailFrom: env.MAIL_FROM,
    trustProxy: env.TRUST_PROXY,
    rateLimitMax: env.RATE_LIMIT_MAX,
    loginRateLimitMax: env.LOGIN_RATE_LIMIT_MAX,
    logLevel: env.LOG_LEVEL,
    seedDemo: env.SEED_DEMO,
    mapTileUrl: env.MAP_TILE_URL,
    webDist: resolve(env.WEB_DIST),
    governanceTickSeconds: env.GOVERNANCE_TICK_SECONDS,
  };
}
