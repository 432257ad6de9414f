// Graceful shutdown: counts the requests being handled, so the database closes only once every
// request that had started has finished its work (otherwise it fails with CONNECTION_ENDED), and
// ends keep-alive connections with the reply in flight so closing does not wait for their timeout.
import type { FastifyInstance, FastifyRequest } from 'fastify';

export interface InFlight {
  /** Resolves when no request is being handled, or after `timeoutMs` whatever is left. */
  drained(timeoutMs: number): Promise<void>;
}

export function trackInFlight(app: FastifyInstance): InFlight {
  const handling = new Set<FastifyRequest>();
  let waiters: (() => void)[] = [];
  const settle = (request: FastifyRequest) => {
    handling.delete(request);
    if (handling.size > 0) return;
    for (const wake of waiters) wake();
    waiters = [];
  };
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onRequest', async (request) => {
    // A websocket handshake never gets a reply hook: its socket lives on, closed by the realtime
    // hub on shutdown. Counting it would hold every shutdown for the whole drain timeout.
    if (request.headers.upgrade?.toLowerCase() === 'websocket') return;
    handling.add(request);
  });
  // onSend runs once the handler (or error handler) has produced the reply, even when the client
  // has gone away meanwhile; onResponse covers replies sent without a payload hook.
  app.addHook('onSend', async (request, reply) => {
    // Without this an idle keep-alive socket holds the server open for keepAliveTimeout (72 s).
    if (closing) reply.header('connection', 'close');
    settle(request);
  });
  app.addHook('onResponse', async (request) => settle(request));
  return {
    async drained(timeoutMs) {
      if (handling.size === 0) return;
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        new Promise<void>((resolve) => waiters.push(resolve)),
        new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs).unref())),
      ]);
      clearTimeout(timer);
    },
  };
}
