/**
 * What a log line must never hold: the secret of a link (an invitation, a
 * password reset, a sign-up confirmation) or any other token. Paths that carry
 * one, query values that look like one and token-shaped text in error
 * messages are replaced by REDACTED before a line is written.
 */

export const REDACTED = '[redacted]';

/**
 * Paths whose next segment is a secret: the API's invitation lookup, a
 * pledge's private page, a calendar feed, and the web app's pages that mail
 * links open. Everything after such a prefix is
 * redacted, also on a 404 (a mistyped or shortened link is still a secret).
 * A new route or page with a secret in its path must be added here
 * (redact.test.ts checks the registered routes and the web app's routes).
 */
export const SECRET_PATH_PREFIXES = [
  '/api/v1/auth/invitations/',
  '/api/v1/pledges/',
  '/api/v1/programmes/calendar/',
  '/invitations/',
  '/sign-up/',
  '/reset-password/',
  '/pledges/',
  '/news/unfollow/',
  '/news/confirm/',
];

/** Query parameters whose value is a secret by its name. */
const SECRET_QUERY_NAME = /token|secret|passw|key|signature|code|auth/i;

const TOKEN_CHARS = /^[A-Za-z0-9_-]+$/;

/**
 * A whole path segment or query value made like our tokens (`newToken`: a
 * prefix and 32 base64url characters): 32 or more base64url characters with
 * both cases. Ids (UUIDs), slugs and dates never have both.
 */
export function looksLikeToken(value: string): boolean {
  return value.length >= 32 && TOKEN_CHARS.test(value) && /[A-Z]/.test(value) && /[a-z]/.test(value);
}

/**
 * Token-shaped runs inside free text (an error message, a stack): 32 or more
 * base64url characters with both cases and a digit, `_` or `-`, which long
 * camelCase names in a stack do not have, and not a file's name before its
 * extension (`use-resolved-styles-api-gJ50OnTM.js`, a built asset).
 */
const TOKEN_IN_TEXT =
  /(?<![A-Za-z0-9_-])(?=[A-Za-z0-9_-]*[A-Z])(?=[A-Za-z0-9_-]*[a-z])(?=[A-Za-z0-9_-]*[0-9_-])[A-Za-z0-9_-]{32,}(?![A-Za-z0-9_-]|\.[A-Za-z0-9])/g;

function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * The path with its secret parts redacted. `staticRoute`: the request matched a
 * route without parameters (`/api/v1/auth/invitations/accept`), whose path is
 * its own and holds no secret.
 */
function redactPath(path: string, staticRoute: boolean): string {
  if (!staticRoute) {
    const lower = path.toLowerCase();
    for (const prefix of SECRET_PATH_PREFIXES) {
      const at = lower.indexOf(prefix);
      // At the start, or after anything (`//invitations/…`, `/es/invitations/…`): the rest is the secret.
      if (at >= 0 && at + prefix.length < path.length) return path.slice(0, at + prefix.length) + REDACTED;
    }
  }
  return path
    .split('/')
    .map((segment) => (looksLikeToken(decoded(segment)) ? REDACTED : segment))
    .join('/');
}

function redactQuery(query: string): string {
  return query
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      if (eq < 0) return looksLikeToken(decoded(pair)) ? REDACTED : pair;
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      return value && (SECRET_QUERY_NAME.test(decoded(name)) || looksLikeToken(decoded(value)))
        ? `${name}=${REDACTED}`
        : pair;
    })
    .join('&');
}

/** A request URL (path and query) as it may be logged. */
export function redactUrl(url: string, options: { staticRoute?: boolean } = {}): string {
  const hash = url.indexOf('#');
  const bare = hash < 0 ? url : url.slice(0, hash);
  const q = bare.indexOf('?');
  const path = redactPath(q < 0 ? bare : bare.slice(0, q), options.staticRoute ?? false);
  return q < 0 ? path : `${path}?${redactQuery(bare.slice(q + 1))}`;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
/** A secret path in a text, its secret not yet redacted (`/api/v1/auth/invitations/accept` is a route of its own). */
const SECRET_PATH_IN_TEXT = SECRET_PATH_PREFIXES.map((p) => ({
  prefix: p,
  re: new RegExp(`${escape(p)}(?!${escape(REDACTED)}|accept(?![A-Za-z0-9_-]))[^\\s"'?#)]+`, 'gi'),
}));

/** The token-shaped runs in a text (what redactText replaces; the test runs' log check looks for them). */
export function tokensIn(text: string): string[] {
  return text.match(TOKEN_IN_TEXT) ?? [];
}

/** The secret paths in a text whose secret is still there. */
export function secretPathsIn(text: string): string[] {
  return SECRET_PATH_IN_TEXT.flatMap(({ re }) => text.match(re) ?? []);
}

/** Free text (an error's message or stack) with secret paths and token-shaped runs redacted. */
export function redactText(text: string): string {
  let out = text.replace(TOKEN_IN_TEXT, REDACTED);
  for (const { prefix, re } of SECRET_PATH_IN_TEXT) out = out.replace(re, prefix + REDACTED);
  return out;
}
