/**
 * Secrets not given in the environment are generated once and kept in the
 * data folder (mode 0600), so a restart keeps sessions valid.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { type Config, ConfigError, type Env } from './config.ts';

/** DATA_DIR/secrets.json as read: either secret may be missing; other keys are kept (rotate-card-key writes them back). */
const SecretsFile = z.looseObject({
  sessionSecret: z.string().optional(),
  cardSigningKey: z.string().optional(),
});
type SecretsFile = z.infer<typeof SecretsFile>;

interface StoredSecrets {
  sessionSecret: string;
  /** Ed25519, PKCS8 PEM; missing in data folders from before member cards */
  cardSigningKey: string;
}

/** A fresh Ed25519 key for signing member cards, as PKCS8 PEM. */
export function newCardSigningKey(): string {
  return generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
}

/** A secrets.json that is there, checked: one that is not JSON or does not fit stops the command, naming the file. */
export function readSecretsFile(file: string): SecretsFile {
  const text = readFileSync(file, 'utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new ConfigError(`Invalid configuration:\n  ${file}: not JSON (${(e as Error).message})`);
  }
  const parsed = SecretsFile.safeParse(json);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${file}: ${i.path.join('.') || '(the whole file)'}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

const readStored = (file: string): SecretsFile => (existsSync(file) ? readSecretsFile(file) : {});

/** The secrets as configured — the environment first, then DATA_DIR/secrets.json — without making any: a missing one is undefined. */
export function configuredSecrets(env: Env): Partial<StoredSecrets> & { file: string } {
  const file = join(resolve(env.DATA_DIR), 'secrets.json');
  const stored = env.SESSION_SECRET && env.CARD_SIGNING_KEY ? {} : readStored(file);
  return { file, sessionSecret: env.SESSION_SECRET ?? stored.sessionSecret, cardSigningKey: env.CARD_SIGNING_KEY ?? stored.cardSigningKey };
}

/** The database's address, which needs no secret. */
export const databaseUrlOf = (env: Env) => env.DATABASE_URL ?? `sqlite:${join(resolve(env.DATA_DIR), 'coopnet.db')}`;

function loadOrCreateSecrets(dataDir: string): StoredSecrets {
  const file = join(dataDir, 'secrets.json');
  const stored = readStored(file);
  const secrets: StoredSecrets = {
    sessionSecret: stored.sessionSecret ?? randomBytes(32).toString('base64url'),
    cardSigningKey: stored.cardSigningKey ?? newCardSigningKey(),
  };
  // Written only when something was added, so an existing key is never replaced.
  if (stored.sessionSecret !== secrets.sessionSecret || stored.cardSigningKey !== secrets.cardSigningKey) {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  }
  return secrets;
}

export function resolveConfig(env: Env): Config {
  const dataDir = resolve(env.DATA_DIR);
  const needStored = !env.SESSION_SECRET || !env.CARD_SIGNING_KEY;
  const stored = needStored ? loadOrCreateSecrets(dataDir) : null;
  const sessionSecret = env.SESSION_SECRET ?? stored!.sessionSecret;
  const cardSigningKey = env.CARD_SIGNING_KEY ?? stored!.cardSigningKey;
  return {
    port: env.PORT,
    host: env.HOST,
    dataDir,
    databaseUrl: databaseUrlOf(env),
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, ''),
    sessionSecret,
    cardSigningKey,
    smtpUrl: env.SMTP_URL,
    mailFrom: env.MAIL_FROM,
    trustProxy: env.TRUST_PROXY,
    rateLimitMax: env.RATE_LIMIT_MAX,
    rateLimitAccountMax: env.RATE_LIMIT_ACCOUNT_MAX,
    loginRateLimitMax: env.LOGIN_RATE_LIMIT_MAX,
    logLevel: env.LOG_LEVEL,
    // Readable lines for a person at a terminal; JSON for journald, a container's log driver or a file.
    logFormat: env.LOG_FORMAT ?? (process.stdout.isTTY ? 'pretty' : 'json'),
    seedDemo: env.SEED_DEMO,
    mapTileUrl: env.MAP_TILE_URL,
    imageOrigins: env.IMAGE_ORIGINS,
    webDist: resolve(env.WEB_DIST),
    governanceTickSeconds: env.GOVERNANCE_TICK_SECONDS,
    tillOfflineDays: env.TILL_OFFLINE_DAYS,
    metricsToken: env.METRICS_TOKEN,
  };
}
