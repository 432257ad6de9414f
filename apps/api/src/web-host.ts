// One process, one port: when the web app is built (apps/web/build), the API's process also serves
// it. /api/*, /health and /ready go to Fastify; everything else goes to SvelteKit's adapter-node
// handler, which calls the API in-process through app.inject (no socket, no second port).
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Api } from './api-types.ts';
import { withSharedViewers } from './plugins/session.ts';

type NodeHandler = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

const WEB_HANDLER = new URL('../../web/build/handler.js', import.meta.url);

/** Where apps/web/src/lib/server/transport.ts looks for the in-process API. */
const IN_PROCESS_API_KEY = Symbol.for('serendip.inProcessApi');

interface InjectRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string;
  remoteAddress: string;
}

function isApiPath(url: string | undefined): boolean {
  const path = (url ?? '/').split('?')[0]!;
  return path === '/api' || path.startsWith('/api/') || path === '/health' || path === '/ready';
}

/** The built web app's request handler, or null when it is not built (the API runs alone). */
export async function loadWebHandler(): Promise<NodeHandler | null> {
  if (process.env.SERVE_WEB === 'false' || !existsSync(WEB_HANDLER)) return null;
  // adapter-node assumes https unless told: without ORIGIN, read the scheme from a header that
  // siteServer sets (a proxy in front may set it too), so form posts pass SvelteKit's CSRF check.
  if (!process.env.ORIGIN) process.env.PROTOCOL_HEADER ||= 'x-forwarded-proto';
  const web = (await import(WEB_HANDLER.href)) as { handler: NodeHandler };
  return web.handler;
}

/** Lets the web app's server code call the API in-process. */
function registerInProcessApi(app: Api): void {
  (globalThis as Record<symbol, unknown>)[IN_PROCESS_API_KEY] = async (request: InjectRequest) => {
    const reply = await app.inject(request);
    return { statusCode: reply.statusCode, headers: reply.headers, body: reply.body };
  };
}

/** An HTTP server sending API paths to Fastify and the rest to the web app. */
export function siteServer(app: Api, web: NodeHandler): Server {
  registerInProcessApi(app);
  const server = createServer((req, res) => {
    if (isApiPath(req.url)) return app.routing(req, res);
    req.headers['x-forwarded-proto'] ??= 'http';
    // The page's in-process API calls read the session once between them.
    withSharedViewers(() =>
      web(req, res, () => {
        res.statusCode = 404;
        res.end('Not found');
      }),
    );
  });
  // Websocket handshakes (/api/ws) go to the API's websocket server, which listens on app.server.
  server.on('upgrade', (req, socket, head) => {
    if (isApiPath(req.url)) app.server.emit('upgrade', req, socket, head);
    else socket.destroy();
  });
  return server;
}
