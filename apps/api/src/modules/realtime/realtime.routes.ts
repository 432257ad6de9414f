// GET /api/ws: the realtime socket (one per tab). Signed-in people only, from the site's own pages
// (or an allowed origin): a cookie-authenticated socket opened by another site would read as them.
// GET /api/realtime/cursor: where a page's data stands in the event stream (read from memory).
import { RealtimeCursor } from '@serendip/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Api, ModuleDeps } from '../../api-types.ts';
import { DomainError } from '../../errors.ts';

function originAllowed(request: FastifyRequest, allowedOrigins: string[]): boolean {
  const origin = request.headers.origin;
  // Browsers always send Origin on a websocket handshake; other clients can forge it anyway.
  if (origin === undefined) return true;
  if (allowedOrigins.includes(origin)) return true;
  try {
    return new URL(origin).host === request.host;
  } catch {
    return false;
  }
}

export async function realtimeRoutes(api: Api, { config }: ModuleDeps): Promise<void> {
  const checkHandshake = async (request: FastifyRequest, _reply: FastifyReply) => {
    if (!originAllowed(request, config.realtime.allowedOrigins)) {
      throw new DomainError('forbidden', 'This origin may not open the realtime socket.');
    }
    if (!request.viewer) throw new DomainError('unauthenticated', 'Sign in to continue.');
  };
  api.get(
    '/ws',
    { websocket: true, onRequest: checkHandshake, schema: { hide: true } },
    (socket, request) => api.realtimeHub.accept(socket, request.viewer!),
  );
  api.get(
    '/realtime/cursor',
    {
      schema: {
        tags: ['realtime'],
        summary: 'The newest event delivered by this process: subscribe with it as "since".',
        response: { 200: RealtimeCursor },
      },
    },
    async () => ({ lastEventId: api.realtimeHub.lastDeliveredId }),
  );
}
