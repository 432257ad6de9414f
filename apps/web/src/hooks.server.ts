// Every request: forwards /api/* to the API when API_URL is set (a separate web process; in the
// one-process server /api never reaches SvelteKit), otherwise reads the session through the API,
// picks the language (the user's setting, else Accept-Language, else French) and sets <html lang>.
import { env } from '$env/dynamic/private';
import type { Handle, HandleServerError } from '@sveltejs/kit';
import type { SessionResponse } from '@serendip/contracts';
import { createApi } from '$lib/api';
import { DEFAULT_LOCALE, isLocale, localeFromAcceptLanguage, translator } from '$lib/i18n';

// Hop-by-hop headers and ones fetch() recomputes must not be copied across the proxy.
const DROPPED_REQUEST_HEADERS = ['host', 'connection', 'content-length', 'transfer-encoding'];
const DROPPED_RESPONSE_HEADERS = [
  'connection',
  'content-encoding',
  'content-length',
  'transfer-encoding',
];

async function proxyToApi(request: Request, url: URL, apiUrl: string, clientAddress: string) {
  const headers = new Headers(request.headers);
  for (const name of DROPPED_REQUEST_HEADERS) headers.delete(name);
  headers.set('x-forwarded-for', clientAddress);
  headers.set('x-forwarded-proto', url.protocol.replace(':', ''));
  headers.set('x-forwarded-host', url.host);
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
  const upstream = await fetch(new URL(url.pathname + url.search, apiUrl), {
    method: request.method,
    headers,
    body: hasBody ? await request.arrayBuffer() : undefined,
    redirect: 'manual',
  });
  const responseHeaders = new Headers(upstream.headers);
  for (const name of DROPPED_RESPONSE_HEADERS) responseHeaders.delete(name);
  return new Response(upstream.body, { status: upstream.status, headers: responseHeaders });
}

// app.html is in the default language; only pages in another one rewrite its <html lang>, since the
// replacement copies the whole page (about 100 KB for a long thread).
const TEMPLATE_HTML_TAG = `<html lang="${DEFAULT_LOCALE}">`;

function inOtherLanguage(locale: string) {
  return ({ html }: { html: string }) => html.replace(TEMPLATE_HTML_TAG, `<html lang="${locale}">`);
}

export const handle: Handle = async ({ event, resolve }) => {
  const apiUrl = env.API_URL;
  if (apiUrl && event.url.pathname.startsWith('/api/')) {
    return proxyToApi(event.request, event.url, apiUrl, event.getClientAddress());
  }

  const api = createApi(event);
  const session = await api.get<SessionResponse>('/auth/session');
  const user = session.ok ? session.data.user : null;
  api.csrfToken = session.ok ? session.data.csrfToken : null;
  const locale =
    (isLocale(user?.locale) ? user.locale : null) ??
    localeFromAcceptLanguage(event.request.headers.get('accept-language')) ??
    DEFAULT_LOCALE;
  event.locals.api = api;
  event.locals.user = user;
  event.locals.locale = locale;
  event.locals.i18n = translator(locale);

  return resolve(
    event,
    locale === DEFAULT_LOCALE ? undefined : { transformPageChunk: inOtherLanguage(locale) },
  );
};

/** Unexpected errors: 5xx are logged (details never reach the page); 404s are not errors to log. */
export const handleError: HandleServerError = ({ error, status, message }) => {
  if (status >= 500) console.error(error);
  return { message };
};
