// Typed server-side API client for loads and form actions: every call resolves to
// { ok, status, data } or { ok: false, status, error } (4xx never throw), forwards the session
// cookie and CSRF token, and passes the API's Set-Cookie (sign-in, sign-out) on to the browser.
import { error, type Cookies, type RequestEvent } from '@sveltejs/kit';
import type { ErrorCode } from '@serendip/contracts';
import { sendToApi } from './server/transport.ts';

export const SESSION_COOKIE = 'serendip_session';

export interface ApiError {
  code: ErrorCode;
  message: string;
  /** Field path ("email", "tags.0") -> the API's (English) message. */
  fields?: Record<string, string>;
}

export type ApiResult<T> =
  { ok: true; status: number; data: T } | { ok: false; status: number; error: ApiError };

export type Query = Record<string, string | number | boolean | null | undefined>;

export interface ApiClient {
  get<T>(path: string, query?: Query): Promise<ApiResult<T>>;
  post<T>(path: string, body?: unknown): Promise<ApiResult<T>>;
  put<T>(path: string, body?: unknown): Promise<ApiResult<T>>;
  patch<T>(path: string, body?: unknown): Promise<ApiResult<T>>;
  delete<T>(path: string, body?: unknown): Promise<ApiResult<T>>;
  /** Sent on writes; hooks.server.ts sets it from GET /auth/session. */
  csrfToken: string | null;
}

function withQuery(path: string, query: Query | undefined): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return `/api${path}${search ? `?${search}` : ''}`;
}

/** Mirrors the API's session cookie on the browser (same name, lifetime and flags). */
function relayCookie(cookies: Cookies, line: string): string | null {
  const [pair = '', ...attributes] = line.split(';').map((part) => part.trim());
  const separator = pair.indexOf('=');
  const name = pair.slice(0, separator);
  const value = decodeURIComponent(pair.slice(separator + 1));
  if (name !== SESSION_COOKIE) return null;
  const attribute = (wanted: string) =>
    attributes.find((a) => a.toLowerCase().startsWith(wanted.toLowerCase()));
  const expires = attribute('expires=')?.slice('expires='.length);
  const expiresAt = expires ? new Date(expires) : undefined;
  if (!value || (expiresAt && expiresAt.getTime() <= Date.now())) {
    // Not Secure, so that it also clears on plain-HTTP intranets (https may always clear it).
    cookies.delete(name, { path: '/', secure: false });
    return '';
  }
  cookies.set(name, value, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: attribute('secure') !== undefined,
    ...(expiresAt ? { expires: expiresAt } : {}),
  });
  return value;
}

function parseError(status: number, body: string): ApiError {
  try {
    const parsed = JSON.parse(body) as { error?: ApiError };
    if (parsed.error?.code) return parsed.error;
  } catch {
    // Not JSON: fall through to a generic error of the same status.
  }
  return { code: status >= 500 ? 'internal_error' : 'validation_failed', message: body };
}

export function createApi(event: Pick<RequestEvent, 'cookies' | 'getClientAddress'>): ApiClient {
  let sessionToken = event.cookies.get(SESSION_COOKIE) ?? '';
  const client: ApiClient = {
    csrfToken: null,
    get: (path, query) => call('GET', withQuery(path, query)),
    post: (path, body) => call('POST', withQuery(path, undefined), body),
    put: (path, body) => call('PUT', withQuery(path, undefined), body),
    patch: (path, body) => call('PATCH', withQuery(path, undefined), body),
    delete: (path, body) => call('DELETE', withQuery(path, undefined), body),
  };

  async function call<T>(method: string, url: string, body?: unknown): Promise<ApiResult<T>> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (sessionToken) headers.cookie = `${SESSION_COOKIE}=${encodeURIComponent(sessionToken)}`;
    if (method !== 'GET' && client.csrfToken) headers['x-csrf-token'] = client.csrfToken;
    // Fastify refuses an empty JSON body, so writes without one send "{}".
    const payload = method === 'GET' ? undefined : JSON.stringify(body ?? {});
    if (payload !== undefined) headers['content-type'] = 'application/json';
    const reply = await sendToApi({
      method,
      url,
      headers,
      body: payload,
      clientAddress: event.getClientAddress(),
    });
    for (const line of reply.setCookies) {
      const relayed = relayCookie(event.cookies, line);
      if (relayed !== null) sessionToken = relayed;
    }
    if (reply.status >= 400) {
      return { ok: false, status: reply.status, error: parseError(reply.status, reply.body) };
    }
    const data = (reply.body ? JSON.parse(reply.body) : null) as T;
    return { ok: true, status: reply.status, data };
  }

  return client;
}

/** The data of a successful call; any failure becomes SvelteKit's error page with its status. */
export function dataOrError<T>(result: ApiResult<T>): T {
  if (result.ok) return result.data;
  error(result.status, { message: result.error.message, code: result.error.code });
}
