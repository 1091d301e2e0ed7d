/**
 * The one logger of a running server: pino JSON lines on stdout (or, with
 * LOG_FORMAT=pretty, readable lines), each request's URL and every error's
 * text with its secrets redacted (redact.ts), and fields named like a secret
 * (`token`, `password`, `secret`, one level deep too) censored.
 */
import type { FastifyRequest } from 'fastify';
import { type DestinationStream, type Logger, pino } from 'pino';
import type { Config } from '../../config.ts';
import { type PrettyOptions, prettyStream } from './pretty.ts';
import { REDACTED, redactText, redactUrl } from './redact.ts';

export type LogFormat = 'json' | 'pretty';

export interface LogSettings {
  level: Config['logLevel'];
  format: LogFormat;
}

/** The request as a log line shows it: no headers (cookies, authorization), the URL redacted. */
function request(req: FastifyRequest) {
  const route = req.routeOptions?.url;
  return {
    method: req.method,
    url: redactUrl(req.url, { staticRoute: route !== undefined && !/[:*]/.test(route) }),
    host: req.host,
    remoteAddress: req.ip,
    remotePort: req.socket?.remotePort,
  };
}

/** pino's error serializer, every text in it redacted (a message may quote a URL or a failing row). */
function error(err: Error) {
  const serialized = pino.stdSerializers.err(err) as unknown as Record<string, unknown>;
  for (const [key, v] of Object.entries(serialized)) {
    if (typeof v === 'string') serialized[key] = redactText(v);
  }
  return serialized;
}

const SECRET_FIELDS = ['token', 'secret', 'password', 'authorization', 'cookie'];

export function createLogger(
  settings: LogSettings,
  options: { destination?: DestinationStream; pretty?: PrettyOptions } = {},
): Logger {
  // Written synchronously, as pino does by default: the last lines before an exit are not lost.
  const stdout = () => pino.destination({ dest: 1, sync: true });
  const colors = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
  const destination =
    options.destination ??
    (settings.format === 'pretty' ? prettyStream(stdout(), { colors, ...options.pretty }) : stdout());
  return pino(
    {
      level: settings.level,
      timestamp: pino.stdTimeFunctions.isoTime,
      serializers: {
        req: request,
        res: (reply: { statusCode: number }) => ({ statusCode: reply.statusCode }),
        err: error,
      },
      redact: { paths: [...SECRET_FIELDS, ...SECRET_FIELDS.map((f) => `*.${f}`)], censor: REDACTED },
    },
    destination,
  );
}
