/**
 * Every setting Coopnet reads, from environment variables, validated once at
 * start. A wrong value stops the process with a message naming the variable.
 */
import { z } from 'zod';
import { trustProxySetting, type TrustProxy } from './platform/proxy.ts';

const boolish = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no'])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

/** `someone@example.org`, or `A name <someone@example.org>`: one mailbox, no line breaks. */
const MAILBOX = /^(?:[^<>\r\n"@]*<[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+)$/;

export const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^(sqlite:|postgres(ql)?:\/\/)/, 'must start with sqlite: or postgres://')
    .optional(),
  /** the address people use; unset: http://localhost:<PORT> */
  PUBLIC_URL: z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// address' }).optional(),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** the network's Ed25519 member-card signing key, PKCS8 PEM; generated into the data folder when not given */
  CARD_SIGNING_KEY: z.string().regex(/-----BEGIN PRIVATE KEY-----/, 'must be a PKCS8 PEM private key').optional(),
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://').optional(),
  MAIL_FROM: z
    .string()
    .regex(MAILBOX, 'must be an address (no-reply@example.org) or a name and an address (Coopnet <no-reply@example.org>)')
    .default('Coopnet <no-reply@coopnet.local>'),
  /** false, a number of proxies in front, or the proxies' addresses (see platform/proxy.ts) */
  TRUST_PROXY: trustProxySetting.default(false),
  /** requests a minute from one address by people not signed in (static files are not counted) */
  RATE_LIMIT_MAX: z.coerce.number().int().positive().default(2000),
  /** requests a minute by one signed-in person or API token, wherever they come from */
  RATE_LIMIT_ACCOUNT_MAX: z.coerce.number().int().positive().default(600),
  LOGIN_RATE_LIMIT_MAX: z.coerce.number().int().positive().default(10),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** json: one pino JSON line per event; pretty: readable lines; unset: pretty on a terminal, json otherwise */
  LOG_FORMAT: z.enum(['json', 'pretty']).optional(),
  SEED_DEMO: boolish.default(true),
  MAP_TILE_URL: z
    .string()
    .regex(/^https?:\/\/[^\s"'<>]+$/, 'must be an http:// or https:// address')
    .refine((v) => ['{z}', '{x}', '{y}'].every((p) => v.includes(p)), 'must hold {z}, {x} and {y}')
    .default('https://tile.openstreetmap.org/{z}/{x}/{y}.png'),
  /** other sites whose images pages may show (co-op and network logos hosted elsewhere), space-separated origins */
  IMAGE_ORIGINS: z
    .string()
    .default('')
    .transform((v) => v.split(/\s+/).filter(Boolean))
    .pipe(z.array(z.string().regex(/^https?:\/\/[a-z0-9.-]+(:\d+)?$/i, 'must be origins such as https://images.example.org, separated by spaces'))),
  WEB_DIST: z.string().default('web/dist'),
  /** how often votes due are closed and reminders sent; e2e runs use 2 */
  GOVERNANCE_TICK_SECONDS: z.coerce.number().int().min(1).max(86_400).default(30),
  /** how many days old a sale a till synced from its offline queue may be and still count as usual; older ones are held for the co-op's admin */
  TILL_OFFLINE_DAYS: z.coerce.number().int().min(1).max(14).default(3),
  /** lets a scraper read /metrics from elsewhere than this machine, as `Authorization: Bearer <token>` */
  METRICS_TOKEN: z.string().min(32, 'must be at least 32 characters').optional(),
});

export type Env = z.infer<typeof configSchema>;

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string;
  publicUrl: string;
  sessionSecret: string;
  /** Ed25519 private key (PKCS8 PEM) that signs member cards */
  cardSigningKey: string;
  smtpUrl?: string;
  mailFrom: string;
  trustProxy: TrustProxy;
  rateLimitMax: number;
  rateLimitAccountMax: number;
  loginRateLimitMax: number;
  logLevel: Env['LOG_LEVEL'];
  logFormat: 'json' | 'pretty';
  seedDemo: boolean;
  mapTileUrl: string;
  /** origins besides our own from which pages may load images */
  imageOrigins?: string[];
  webDist: string;
  governanceTickSeconds: number;
  /** the till's offline window in days (1–14, default 3): an older synced sale is held for the co-op's admin */
  tillOfflineDays?: number;
  /** a Bearer token that may read /metrics from anywhere; without it only this machine may */
  metricsToken?: string;
}

export class ConfigError extends Error {}

/** Parses the environment; secrets not given are filled in by `secrets.ts`. */
export function readEnv(env: NodeJS.ProcessEnv = process.env): Env {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
