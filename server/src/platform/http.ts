/** One error handler for the whole API: stable codes, never a 5xx's internals. */
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError } from './errors.ts';
import { isOperationalPath } from './operations.ts';
import { type ValidationDetail, reasonOf } from './validation-details.ts';

/** At most this many validation details in an answer, each path and message at most this long. */
export const MAX_DETAILS = 20;
export const MAX_DETAIL_CHARS = 200;
const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

/**
 * `appShell`: any GET that is not the API, not a file and not an operational
 * path (`/health`, `/metrics`, `/.well-known/…`) gets the web app's index.html
 * (client routes); a monitor or scanner must not mistake the page for an answer.
 */
export function registerErrorHandling(app: FastifyInstance, options: { appShell?: boolean } = {}): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (err instanceof AppError) {
      return reply.status(err.status).send({ error: { code: err.code, message: err.message, details: err.details } });
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      // Bounded: a body with 50,000 bad keys gets 20 short details, not an echo of itself.
      // Each with its reason and bounds, so a client can say it in its reader's language.
      const details: ValidationDetail[] = err.validation.slice(0, MAX_DETAILS).map((v) => ({
        path: clip(`${err.validationContext ?? ''}${v.instancePath ?? ''}`, MAX_DETAIL_CHARS),
        message: clip(v.message ?? '', MAX_DETAIL_CHARS),
        ...reasonOf(v),
      }));
      if (err.validation.length > MAX_DETAILS) {
        details.push({ path: '', message: `and ${err.validation.length - MAX_DETAILS} more problems`, reason: 'more' });
      }
      return reply.status(400).send({
        error: { code: 'validation_failed', message: 'The request does not have the expected shape.', details },
      });
    }
    if (err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
      return reply.status(400).send({ error: { code: 'invalid_json', message: 'The body is not valid JSON.' } });
    }
    if (err.statusCode === 429) {
      return reply.status(429).send({ error: { code: 'rate_limited', message: 'Too many requests; wait a moment and try again.' } });
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return reply.status(err.statusCode).send({ error: { code: 'bad_request', message: err.message } });
    }
    request.log.error({ err }, 'unhandled error');
    return reply.status(500).send({ error: { code: 'internal', message: 'Something went wrong on our side.' } });
  });

  // Fastify takes one not-found handler per prefix, so the web app's client routes are served from here too.
  app.setNotFoundHandler((request, reply) => {
    if (options.appShell && request.method === 'GET' && !request.url.startsWith('/api/') && !isOperationalPath(request.url)) {
      return reply.sendFile('index.html');
    }
    return reply.status(404).send({ error: { code: 'not_found', message: `No route ${request.method} ${request.url.split('?')[0]}.` } });
  });
}

/**
 * A route's `serializerCompiler` for hot public reads whose handler returns
 * objects built field by field by a presenter (TypeScript checks them against
 * the route's response schema, which still documents the API): plain
 * JSON.stringify instead of re-validating every item with zod. On the
 * directory's page of 50 co-ops that re-validation was ~70 µs of ~640 µs of
 * CPU a request (bench/coops-list.bench.ts). Never use it where a handler
 * could pass a database row through: zod's stripping of unknown keys is what
 * keeps such a row's other columns out of the answer.
 */
export const presentedJson = () => (data: unknown) => JSON.stringify(data);
