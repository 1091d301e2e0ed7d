/**
 * The one way the web app talks to the API: JSON over fetch with the session
 * cookie, and the session's CSRF token on every request that changes
 * something. Errors become `ApiError` with the server's stable code.
 */
import type { Session } from '@coopnet/contract/auth';

export const API_BASE = '/api/v1';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /**
   * Per-field details of a `validation_failed` error, keyed by dotted path
   * (`coop.name`), the first of each field; details that name no field are
   * `generalDetails`.
   */
  get fieldDetails(): Record<string, FieldDetail> {
    const out: Record<string, FieldDetail> = {};
    for (const d of this.validationDetails()) if (d.field && !(d.field in out)) out[d.field] = d;
    return out;
  }

  /** Details of a `validation_failed` error that name no field (the whole body, "and 3 more problems"). */
  get generalDetails(): FieldDetail[] {
    return this.validationDetails().filter((d) => !d.field);
  }

  private validationDetails(): FieldDetail[] {
    if (this.code !== 'validation_failed' || !Array.isArray(this.details)) return [];
    const out: FieldDetail[] = [];
    for (const d of this.details as unknown[]) {
      if (!d || typeof d !== 'object') continue;
      const r = d as Record<string, unknown>;
      const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
      const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
      out.push({
        field: fieldPath(r.path),
        message: str(r.message) ?? '',
        reason: str(r.reason),
        minimum: num(r.minimum),
        maximum: num(r.maximum),
        inclusive: typeof r.inclusive === 'boolean' ? r.inclusive : undefined,
        exact: r.exact === true,
        origin: str(r.origin),
        format: str(r.format),
        expected: str(r.expected),
      });
    }
    return out;
  }
}

/** One refused field as the server explains it: its reason and bounds (the message is the server's English). */
export interface FieldDetail {
  field: string;
  message: string;
  reason?: string;
  minimum?: number;
  maximum?: number;
  inclusive?: boolean;
  exact?: boolean;
  origin?: string;
  format?: string;
  expected?: string;
}

/** `body/coop/name`, `/coop/name`, `coop.name` or `['coop','name']` → `coop.name`. */
export function fieldPath(path: unknown): string {
  if (Array.isArray(path)) return path.map(String).join('.');
  if (typeof path !== 'string') return '';
  return path
    .replace(/^(body|querystring|params|headers)(?=[/.]|$)/, '')
    .split(/[/.]/)
    .filter(Boolean)
    .join('.');
}

export type QueryParams = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  query?: QueryParams;
  signal?: AbortSignal;
  /** extra request headers, e.g. `Idempotency-Key` on a till's sale */
  headers?: Record<string, string>;
}

/** `undefined` until the session has been asked for; `null` when signed out. */
let csrfToken: string | null | undefined;

export function rememberCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function buildUrl(path: string, query?: QueryParams): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v === undefined || v === null || v === '') continue;
    params.set(k, String(v));
  }
  const qs = params.toString();
  return `${API_BASE}${path}${qs ? `?${qs}` : ''}`;
}

/** GET /auth/session; also the source of the CSRF token every write sends. */
export async function fetchSession(signal?: AbortSignal): Promise<Session> {
  const session = await send<Session>('GET', '/auth/session', undefined, undefined, signal);
  rememberCsrfToken(session.csrfToken);
  return session;
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  if (method === 'GET') return send<T>(method, path, options.query, undefined, options.signal, options.headers);
  if (csrfToken === undefined) await fetchSession().catch(() => undefined);
  try {
    return await send<T>(method, path, options.query, options.body ?? {}, options.signal, options.headers);
  } catch (err) {
    // A stale token (the session was renewed in another tab): learn the new one and try once more.
    if (err instanceof ApiError && err.code === 'auth.csrf') {
      await fetchSession();
      return send<T>(method, path, options.query, options.body ?? {}, options.signal, options.headers);
    }
    throw err;
  }
}

function headersFor(method: string, hasBody: boolean): Record<string, string> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (hasBody) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  return headers;
}

async function send<T>(
  method: string,
  path: string,
  query: QueryParams | undefined,
  body: unknown,
  signal?: AbortSignal,
  extraHeaders?: Record<string, string>,
): Promise<T> {
  let res: Response;
  try {
    res = await fetch(buildUrl(path, query), {
      method,
      credentials: 'same-origin',
      headers: { ...headersFor(method, body !== undefined), ...extraHeaders },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, 'network', 'The server could not be reached.');
  }
  const text = await res.text();
  return parseReply<T>(res.status, text);
}

function parseReply<T>(status: number, text: string): T {
  let data: unknown = undefined;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
  }
  if (status >= 200 && status < 300) return data as T;
  const error = (data as { error?: { code?: unknown; message?: unknown; details?: unknown } } | undefined)?.error;
  if (error && typeof error.code === 'string') {
    throw new ApiError(
      status,
      error.code,
      typeof error.message === 'string' ? error.message : error.code,
      error.details,
    );
  }
  throw new ApiError(status, status >= 500 ? 'internal' : 'bad_request', `HTTP ${status}`);
}

/**
 * A JSON POST through XMLHttpRequest, for long requests (imports) where the
 * page shows how much of the body has gone up.
 */
export async function apiUpload<T>(
  path: string,
  body: unknown,
  onUploadProgress: (fraction: number) => void,
): Promise<T> {
  if (csrfToken === undefined) await fetchSession().catch(() => undefined);
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', buildUrl(path));
    xhr.withCredentials = false; // same-origin requests send cookies anyway
    for (const [k, v] of Object.entries(headersFor('POST', true))) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onUploadProgress(e.loaded / e.total);
    };
    xhr.upload.onload = () => onUploadProgress(1);
    xhr.onerror = () => reject(new ApiError(0, 'network', 'The server could not be reached.'));
    xhr.onload = () => {
      try {
        resolve(parseReply<T>(xhr.status, xhr.responseText));
      } catch (err) {
        reject(err);
      }
    };
    xhr.send(JSON.stringify(body));
  });
}

/**
 * A POST whose answer is a file (e.g. a PDF to print), with the CSRF token
 * like every write: the bytes, and the file name the server suggests.
 */
export async function apiDownload(path: string): Promise<{ blob: Blob; filename: string | null }> {
  if (csrfToken === undefined) await fetchSession().catch(() => undefined);
  const attempt = async () => {
    let res: Response;
    try {
      res = await fetch(buildUrl(path), {
        method: 'POST',
        credentials: 'same-origin',
        headers: { ...headersFor('POST', false), Accept: '*/*' },
      });
    } catch {
      throw new ApiError(0, 'network', 'The server could not be reached.');
    }
    if (!res.ok) parseReply<never>(res.status, await res.text());
    const filename = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? null;
    return { blob: await res.blob(), filename };
  };
  try {
    return await attempt();
  } catch (err) {
    // A stale token (the session was renewed in another tab): learn the new one and try once more.
    if (err instanceof ApiError && err.code === 'auth.csrf') {
      await fetchSession();
      return attempt();
    }
    throw err;
  }
}

/** The server could not be reached (or answered through a proxy that could not reach it). */
export function isUnreachable(err: unknown): boolean {
  return (
    err instanceof ApiError &&
    (err.code === 'network' || err.status === 502 || err.status === 503 || err.status === 504)
  );
}
