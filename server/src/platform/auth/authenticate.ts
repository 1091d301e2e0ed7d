/**
 * Resolves `request.actor` from the session cookie or a Bearer API token, and
 * defends cookie-authenticated writes against CSRF: they must carry the
 * session's token in the `X-CSRF-Token` header (a cross-site form cannot set
 * headers, and the cookie is SameSite=Lax besides).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../../db/database.ts';
import { addMinutes, nowIso } from '../clock.ts';
import { AppError } from '../errors.ts';
import { hashToken, sameSecret } from '../tokens.ts';
import type { Actor, RoleGrant } from './actor.ts';
import { assertTokenMay } from './token-scopes.ts';
import { parseStoredStrings } from '../stored-json.ts';
import {
  findApiTokenByHash,
  findSessionByHash,
  rolesOf,
  touchApiToken,
  touchSession,
} from './sessions.repository.ts';

export const SESSION_COOKIE = 'coopnet_session';
export const SESSION_MINUTES = 60 * 24 * 14;

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    sessionId: string | null;
    csrfToken: string | null;
  }
}

/** A token's scope is a role it keeps: `coordinator`, `treasurer`, `coop_admin:<id>`, `cashier:<id>`, or `read`. */
export function scopeAllows(scopes: string[], grant: RoleGrant): boolean {
  const name = grant.coopId ? `${grant.role}:${grant.coopId}` : grant.role;
  return scopes.includes(name);
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function registerAuthentication(app: FastifyInstance, db: Db, secret: string): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionId', null);
  app.decorateRequest('csrfToken', null);

  // A till sends the same token thousands of times: its HMAC is remembered (bounded, oldest out first).
  const hashes = new Map<string, string>();
  const hashOf = (token: string): string => {
    let hash = hashes.get(token);
    if (hash === undefined) {
      hash = hashToken(secret, token);
      if (hashes.size >= 1000) hashes.delete(hashes.keys().next().value!);
      hashes.set(token, hash);
    }
    return hash;
  };

  app.addHook('onRequest', async (request: FastifyRequest) => {
    if (!request.url.startsWith('/api/')) return;
    const now = nowIso();
    const bearer = request.headers.authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
    if (bearer) {
      const row = await findApiTokenByHash(db, hashOf(bearer));
      if (!row) throw new AppError(401, 'auth.invalid_token', 'This API token is not valid.');
      const scopes = parseStoredStrings(row.scopes, 'api_tokens.scopes');
      assertTokenMay(scopes, request);
      const roles = (await rolesOf(db, row.id)).filter((g) => scopeAllows(scopes, g));
      request.actor = {
        personId: row.id,
        email: row.email,
        displayName: row.display_name,
        coopId: row.coop_id,
        supporter: row.supporter === 1,
        roles,
        via: 'token',
      };
      // "Last used" to the minute: a till sends thousands of requests, each need not write.
      if (!row.last_used_at || Date.parse(now) - Date.parse(row.last_used_at) > 60_000) {
        await touchApiToken(db, row.token_id, now);
      }
      return;
    }
    const cookie = request.cookies[SESSION_COOKIE];
    if (!cookie) return;
    const row = await findSessionByHash(db, hashOf(cookie), now);
    if (!row) return;
    request.sessionId = row.session_id;
    request.csrfToken = row.csrf_token;
    request.actor = {
      personId: row.id,
      email: row.email,
      displayName: row.display_name,
      coopId: row.coop_id,
      supporter: row.supporter === 1,
      roles: await rolesOf(db, row.id),
      via: 'session',
    };
    // Sliding expiry, written at most once an hour per session.
    if (Date.parse(now) - Date.parse(row.last_seen_at) > 3_600_000) {
      await touchSession(db, row.session_id, now, addMinutes(now, SESSION_MINUTES));
    }
    if (!SAFE_METHODS.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !sameSecret(sent, row.csrf_token)) {
        throw new AppError(403, 'auth.csrf', 'Missing or wrong X-CSRF-Token header.');
      }
    }
  });
}
