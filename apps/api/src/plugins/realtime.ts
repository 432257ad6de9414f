// The realtime machinery of one API process: the websocket server, the relay that tails committed
// events (woken by the events trigger's notifications) and the hub that fans them out. Routes are
// in modules/realtime; this wires the parts and stops them, in order, when the app closes.
import websocket from '@fastify/websocket';
import type { DatabaseHandle } from '@serendip/db';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.ts';
import { listenForEvents } from '../modules/realtime/event-bus.ts';
import { EventRelay } from '../modules/realtime/event-relay.ts';
import { RealtimeHub } from '../modules/realtime/realtime.hub.ts';

declare module 'fastify' {
  interface FastifyInstance {
    realtimeHub: RealtimeHub;
  }
}

/** Client messages are small JSON objects; anything bigger is refused by the websocket layer. */
const MAX_CLIENT_MESSAGE_BYTES = 16 * 1024;

export async function registerRealtime(
  app: FastifyInstance,
  database: DatabaseHandle,
  config: Config,
): Promise<void> {
  // The relay reads the hub's cursor and the hub gets the relay's rows: the hub is set just after.
  const hubRef: { hub?: RealtimeHub } = {};
  // Before the websocket plugin's own preClose (hooks run in order), which would close every
  // socket without a code: clients are told "going away" (1001) and resume elsewhere.
  app.addHook('preClose', async () => hubRef.hub?.close());
  await app.register(websocket, {
    options: { maxPayload: MAX_CLIENT_MESSAGE_BYTES, perMessageDeflate: false },
  });
  const relay = new EventRelay(database.db, (rows) => hubRef.hub?.dispatch(rows), app.log);
  await relay.start();
  const hub = new RealtimeHub(database.db, () => relay.lastEventId, app.log, {
    maxBufferedBytes: config.realtime.maxBufferedBytes,
    heartbeatMs: config.realtime.heartbeatMs,
    messagesPerSecond: config.realtime.messagesPerSecond,
    messageBurst: config.realtime.messagesPerSecond * 2,
    resumeLimit: 500,
    resumeMaxDistance: 100_000,
  });
  hubRef.hub = hub;
  const bus = await listenForEvents(
    database,
    (notice) => relay.wake(notice?.id),
    () => relay.wake(),
  );
  app.decorate('realtimeHub', hub);
  app.addHook('preClose', async () => {
    await bus.close();
    await relay.close();
  });
}
