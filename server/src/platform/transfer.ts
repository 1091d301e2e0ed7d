/**
 * What travels over a slow mobile network (decision 0016):
 *
 * - answers of 1 KiB or more are compressed for a client that accepts it —
 *   Brotli at a quick setting (4: most of its gain for a small share of the
 *   time of its highest), else gzip. The web app's own files are compressed
 *   at build time (web-files.ts); a request's body is never decompressed.
 * - a list a client reads again and again (the directory, the catalogue)
 *   carries an `ETag`; asked again with `If-None-Match`, an unchanged answer
 *   is a bodiless 304. A route asks for it with `config: { etag: true }`.
 */
import { createHash } from 'node:crypto';
import { constants } from 'node:zlib';
import compress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';

export const COMPRESS_THRESHOLD = 1024;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Send an ETag with the answer and answer 304 when the client holds it already. */
    etag?: boolean;
  }
}

/** A weak validator: the same JSON answer gives the same tag, whatever its encoding on the wire. */
export const etagOf = (body: string | Buffer): string => `W/"${createHash('sha1').update(body).digest('base64url').slice(0, 27)}"`;

export async function registerTransfer(app: FastifyInstance): Promise<void> {
  app.addHook('onSend', async (request, reply, payload) => {
    if (!reply.routeOptions.config.etag || request.method !== 'GET' || reply.statusCode !== 200) return payload;
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    const tag = etagOf(payload);
    reply.header('etag', tag);
    // Kept by the browser (never by a shared cache: some lists depend on who asks) and asked again each time.
    reply.header('cache-control', 'private, no-cache');
    const held = request.headers['if-none-match'];
    if (held && held.split(',').some((t) => t.trim() === tag)) {
      reply.code(304);
      return '';
    }
    return payload;
  });
  // Registered after the ETag hook, so the tag is worked out on the answer before it is compressed.
  await app.register(compress, {
    global: true,
    globalDecompression: false,
    threshold: COMPRESS_THRESHOLD,
    encodings: ['br', 'gzip'],
    brotliOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } },
  });
}
