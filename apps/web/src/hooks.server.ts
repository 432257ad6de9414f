// Forwards /api/* to the API processes when API_URL is set (docker-compose), so the browser talks
// to one origin and the session cookie stays first-party.
import { env } from '$env/dynamic/private';
import type { Handle } from '@sveltejs/kit';

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

export const handle: Handle = async ({ event, resolve }) => {
  const apiUrl = env.API_URL;
  if (apiUrl && event.url.pathname.startsWith('/api/')) {
    return proxyToApi(event.request, event.url, apiUrl, event.getClientAddress());
  }
  return resolve(event);
};
