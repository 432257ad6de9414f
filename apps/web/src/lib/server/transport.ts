// How the web server reaches the API: in-process through Fastify's inject when both run in one
// process (apps/api/src/web-host.ts registers it on globalThis), over HTTP to API_URL otherwise.
import { env } from '$env/dynamic/private';

export interface ApiRequest {
  method: string;
  /** Path with query string, starting with /api/. */
  url: string;
  headers: Record<string, string>;
  body?: string;
  clientAddress: string;
}

export interface ApiResponse {
  status: number;
  /** Set-Cookie lines of the answer (sign-in, sign-out). */
  setCookies: string[];
  body: string;
}

interface InjectRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string;
  remoteAddress: string;
}
interface InjectResponse {
  statusCode: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: string;
}
export type InProcessApi = (request: InjectRequest) => Promise<InjectResponse>;

/** The key under which the one-process server registers its inject function. */
export const IN_PROCESS_API_KEY = Symbol.for('serendip.inProcessApi');

function inProcessApi(): InProcessApi | undefined {
  return (globalThis as Record<symbol, InProcessApi | undefined>)[IN_PROCESS_API_KEY];
}

function asList(value: string | string[] | number | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [String(value)];
}

async function viaInject(inject: InProcessApi, request: ApiRequest): Promise<ApiResponse> {
  const reply = await inject({
    method: request.method,
    url: request.url,
    headers: request.headers,
    payload: request.body,
    remoteAddress: request.clientAddress,
  });
  return {
    status: reply.statusCode,
    setCookies: asList(reply.headers['set-cookie']),
    body: reply.body,
  };
}

async function viaHttp(apiUrl: string, request: ApiRequest): Promise<ApiResponse> {
  const reply = await fetch(new URL(request.url, apiUrl), {
    method: request.method,
    headers: { ...request.headers, 'x-forwarded-for': request.clientAddress },
    body: request.body,
    redirect: 'manual',
  });
  return {
    status: reply.status,
    setCookies: reply.headers.getSetCookie(),
    body: await reply.text(),
  };
}

/** Sends one request to the API; network failures reject (they are real 500s). */
export function sendToApi(request: ApiRequest): Promise<ApiResponse> {
  const inject = inProcessApi();
  if (inject) return viaInject(inject, request);
  // `pnpm --filter @serendip/web dev` talks to `pnpm dev`'s API on the default port.
  return viaHttp(env.API_URL || 'http://127.0.0.1:3000', request);
}
