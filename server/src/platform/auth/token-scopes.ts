/**
 * What an API token may do: an allow-list, decided per route. A token carries
 * scopes (`read`, `cashier:<co-op>`, `coop_admin:<co-op>`, `coordinator`,
 * `treasurer`); a route names the kinds of scope that may call it in its
 * `config.tokens`. A route that names none takes no token at all: voting,
 * proposals, comments, one's profile and one's member card are acts of the
 * person, signed in, never of a program holding their token.
 *
 * Reads (GET) that name nothing are open to `read` and to the roles that
 * include reading (co-op admin, coordinator, treasurer), never to `cashier`:
 * a till's token does that co-op's till and nothing else.
 */
import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';

export type TokenKind = 'read' | 'cashier' | 'coop_admin' | 'coordinator' | 'treasurer';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** the kinds of API-token scope that may call this route; absent: reads take `READS`, writes no token */
    tokens?: readonly TokenKind[];
  }
}

/** The default for a read: every kind of scope but the till's. */
export const READS: readonly TokenKind[] = ['read', 'coop_admin', 'coordinator', 'treasurer'];
/** A read the till also needs (the revocation list, the network's keys and settings). */
export const READS_AND_TILL: readonly TokenKind[] = [...READS, 'cashier'];
/** No token, whatever its scopes: the route needs the person, signed in. */
export const NO_TOKEN: readonly TokenKind[] = [];

const SAFE_METHODS = new Set(['GET', 'HEAD']);

/** The co-op a route acts on, when its address names one (`:coopId`, or `:id` under `/coops/`). */
function coopOf(request: FastifyRequest): string | undefined {
  const url = request.routeOptions.url ?? '';
  const params = (request.params ?? {}) as Record<string, string | undefined>;
  if (url.includes(':coopId')) return params.coopId;
  if (/\/coops\/:id(\/|$)/.test(url)) return params.id;
  return undefined;
}

/** Whether a token with `scopes` may call the route of `request`. */
export function tokenMay(scopes: readonly string[], request: FastifyRequest): boolean {
  const kinds = request.routeOptions.config?.tokens ?? (SAFE_METHODS.has(request.method) ? READS : NO_TOKEN);
  if (kinds.length === 0) return false;
  const coopId = coopOf(request);
  return scopes.some((scope) => {
    const [kind, scopeCoop] = scope.split(':', 2) as [string, string | undefined];
    if (!kinds.includes(kind as TokenKind)) return false;
    // A co-op's scope acts on that co-op only; the service's own policy checks the rest.
    return scopeCoop === undefined || coopId === undefined || scopeCoop === coopId;
  });
}

export function assertTokenMay(scopes: readonly string[], request: FastifyRequest): void {
  if (!request.routeOptions.url) return; // no route: the not-found answer follows
  if (!tokenMay(scopes, request)) {
    throw new AppError(403, 'auth.token_scope', "This API token's scopes do not allow this action.", {
      scopes,
    });
  }
}
