// The realtime hub of one API process: its open sockets, what each one subscribed to, and the
// fan-out of the events the relay hands over (each event serialized once, sent at most once per
// socket, in id order). A socket that does not read is dropped before it can hold memory or slow
// the others; a chatty one is closed.
import {
  MAX_TOPICS_PER_SOCKET,
  RealtimeClientMessage,
  RealtimeCloseCode,
  type RealtimeServerMessage,
  type SubscribeMessage,
} from '@serendip/contracts';
import type { Database } from '@serendip/db';
import type { FastifyBaseLogger } from 'fastify';
import { Compile } from 'typebox/compile';
import type { WebSocket } from 'ws';
import type { Viewer } from '../../plugins/session.ts';
import { groupChangeOf, publicPayload, sessionEndOf } from './event-shape.ts';
import { selectMissedEvents, type EventRow } from './realtime.queries.ts';
import { authorizeTopic } from './topic-access.ts';
import { frameWriter, textFrame, type FrameWriter } from './websocket-frame.ts';

export interface HubOptions {
  /** Bytes queued for one socket beyond which it is dropped as too slow. */
  maxBufferedBytes: number;
  /** Ping period; a socket that did not answer the previous ping is closed. */
  heartbeatMs: number;
  /** Sustained client messages per second, and the burst allowed above it. */
  messagesPerSecond: number;
  messageBurst: number;
  /** Most events replayed to a resuming client; beyond, it is told to reload. */
  resumeLimit: number;
  /** A resume point further back than this many ids is not searched: reload. */
  resumeMaxDistance: number;
}

const OPEN = 1;
const clientMessage = Compile(RealtimeClientMessage);

class Connection {
  /** Subscribed topic -> the group guarding it (re-checked when that group's membership changes). */
  readonly subscriptions = new Map<string, number | null>();
  /** Events held back while missed ones are replayed, so the socket sees ids in order. */
  held: { id: number; frame: Buffer }[] | null = null;
  lastSentId = 0;
  alive = true;
  private tokens: number;
  private refilledAt = Date.now();
  /** Client messages are handled one after another. */
  queue: Promise<void> = Promise.resolve();
  readonly writeFrame: FrameWriter;

  constructor(
    readonly socket: WebSocket,
    readonly viewer: Viewer,
    private readonly options: HubOptions,
  ) {
    this.tokens = options.messageBurst;
    this.writeFrame = frameWriter(socket);
  }

  takeToken(): boolean {
    const now = Date.now();
    const refill = ((now - this.refilledAt) / 1000) * this.options.messagesPerSecond;
    this.tokens = Math.min(this.options.messageBurst, this.tokens + refill);
    this.refilledAt = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

export class RealtimeHub {
  private readonly connections = new Set<Connection>();
  private readonly byTopic = new Map<string, Set<Connection>>();
  private readonly heartbeat: NodeJS.Timeout;

  constructor(
    private readonly db: Database,
    /** The id of the newest event already handed to the hub. */
    private readonly deliveredThrough: () => number,
    private readonly log: FastifyBaseLogger,
    private readonly options: HubOptions,
  ) {
    this.heartbeat = setInterval(() => this.beat(), options.heartbeatMs);
    this.heartbeat.unref();
  }

  get lastDeliveredId(): number {
    return this.deliveredThrough();
  }

  get connectionCount(): number {
    return this.connections.size;
  }

  accept(socket: WebSocket, viewer: Viewer): void {
    const connection = new Connection(socket, viewer, this.options);
    this.connections.add(connection);
    socket.on('pong', () => (connection.alive = true));
    socket.on('close', () => this.forget(connection));
    socket.on('message', (data, isBinary) => this.receive(connection, data.toString(), isBinary));
    this.send(connection, { type: 'hello', lastEventId: this.deliveredThrough() });
  }

  /** Called by the relay with committed events, in id order. */
  dispatch(rows: EventRow[]): void {
    for (const row of rows) {
      this.fanOut(row);
      const change = groupChangeOf(row);
      if (change) void this.recheckGroup(change.groupId, change.userId);
      const endedSession = sessionEndOf(row);
      if (endedSession) this.closeSession(endedSession);
    }
  }

  /**
   * Sends the event to every socket subscribed to one of its topics. A socket on several of them
   * gets it once, through the first, naming every topic it matched (and no other). Sockets that
   * matched the same topics share one frame; no per-socket table is built, since events reach
   * thousands of sockets.
   */
  private fanOut(row: EventRow): void {
    const frames = new Map<string, Buffer>();
    const { topics } = row;
    for (const topic of topics) {
      for (const connection of this.byTopic.get(topic) ?? []) {
        const matched =
          topics.length === 1 ? topics : topics.filter((t) => connection.subscriptions.has(t));
        if (matched[0] !== topic) continue;
        const key = matched.length === 1 ? topic : matched.join(' ');
        let frame = frames.get(key);
        if (frame === undefined) frames.set(key, (frame = serializeEvent(row, matched)));
        this.deliver(connection, row.id, frame);
      }
    }
  }

  /** A signed-out session's sockets stop receiving anything at once. */
  private closeSession(sessionTokenHash: string): void {
    for (const connection of this.connections) {
      if (connection.viewer.sessionTokenHash !== sessionTokenHash) continue;
      connection.socket.close(RealtimeCloseCode.sessionEnded, 'signed out');
      this.forget(connection);
    }
  }

  close(): void {
    clearInterval(this.heartbeat);
    for (const connection of this.connections) {
      connection.socket.close(RealtimeCloseCode.goingAway, 'server shutting down');
    }
  }

  private receive(connection: Connection, text: string, isBinary: boolean): void {
    connection.alive = true;
    if (!connection.takeToken()) {
      this.send(connection, {
        type: 'error',
        code: 'rate_limited',
        message: `More than ${this.options.messagesPerSecond} messages a second.`,
      });
      connection.socket.close(RealtimeCloseCode.rateLimited, 'rate limited');
      return;
    }
    const message = isBinary ? undefined : parseMessage(text);
    if (!message) {
      this.send(connection, {
        type: 'error',
        code: 'invalid_message',
        message:
          'Send JSON: {"type":"subscribe","topics":["thread:12"],"since"?:42} or unsubscribe.',
      });
      return;
    }
    connection.queue = connection.queue
      .then(() =>
        message.type === 'subscribe'
          ? this.subscribe(connection, message)
          : this.unsubscribe(connection, message.topics),
      )
      .catch((error: unknown) => {
        this.log.error({ err: error }, 'realtime message failed');
        connection.socket.terminate();
      });
  }

  private async subscribe(connection: Connection, message: SubscribeMessage): Promise<void> {
    const wanted = [...new Set(message.topics)].filter((t) => !connection.subscriptions.has(t));
    const room = MAX_TOPICS_PER_SOCKET - connection.subscriptions.size;
    const granted: string[] = [];
    const decisions = await Promise.all(
      wanted.map((topic) => authorizeTopic(this.db, connection.viewer, topic)),
    );
    wanted.forEach((topic, index) => {
      const decision = decisions[index]!;
      if (!decision.allowed) {
        this.send(connection, { type: 'denied', topic, code: decision.code });
      } else if (granted.length >= room) {
        this.send(connection, { type: 'denied', topic, code: 'forbidden' });
      } else {
        granted.push(topic);
        this.addSubscription(connection, topic, decision.groupId);
      }
    });
    // From here on new events reach the socket live; older ones come from the table.
    const watermark = this.deliveredThrough();
    this.send(connection, { type: 'subscribed', topics: granted });
    if (message.since !== undefined && granted.length > 0) {
      await this.replay(connection, granted, message.since, watermark);
    }
  }

  /** Sends the events on `topics` in (since, watermark], then the live ones held meanwhile. */
  private async replay(
    connection: Connection,
    topics: string[],
    since: number,
    watermark: number,
  ): Promise<void> {
    if (since >= watermark) {
      connection.lastSentId = Math.max(connection.lastSentId, since);
      return;
    }
    connection.held = [];
    try {
      const tooFar = watermark - since > this.options.resumeMaxDistance;
      const missed = tooFar
        ? []
        : await selectMissedEvents(this.db, topics, since, watermark, this.options.resumeLimit + 1);
      if (tooFar || missed.length > this.options.resumeLimit) {
        this.send(connection, { type: 'reload', reason: 'too_far_behind', lastEventId: watermark });
      } else {
        for (const row of missed) {
          const matched = row.topics.filter((topic) => topics.includes(topic));
          this.transmit(connection, serializeEvent(row, matched));
        }
      }
      connection.lastSentId = Math.max(connection.lastSentId, watermark);
    } finally {
      const held = connection.held;
      connection.held = null;
      for (const event of held) this.deliver(connection, event.id, event.frame);
    }
  }

  private unsubscribe(connection: Connection, topics: string[]): void {
    const removed = topics.filter((topic) => this.removeSubscription(connection, topic));
    this.send(connection, { type: 'unsubscribed', topics: removed });
  }

  /** A membership or visibility change of a group: its topics are authorized again. */
  private async recheckGroup(groupId: number, userId?: number): Promise<void> {
    for (const connection of this.connections) {
      if (userId !== undefined && connection.viewer.id !== userId) continue;
      for (const [topic, guard] of connection.subscriptions) {
        if (guard !== groupId) continue;
        const decision = await authorizeTopic(this.db, connection.viewer, topic).catch(() => null);
        if (decision && !decision.allowed && this.removeSubscription(connection, topic)) {
          this.send(connection, { type: 'denied', topic, code: decision.code });
        }
      }
    }
  }

  private addSubscription(connection: Connection, topic: string, groupId: number | null): void {
    connection.subscriptions.set(topic, groupId);
    let subscribers = this.byTopic.get(topic);
    if (!subscribers) this.byTopic.set(topic, (subscribers = new Set()));
    subscribers.add(connection);
  }

  private removeSubscription(connection: Connection, topic: string): boolean {
    if (!connection.subscriptions.delete(topic)) return false;
    const subscribers = this.byTopic.get(topic);
    subscribers?.delete(connection);
    if (subscribers?.size === 0) this.byTopic.delete(topic);
    return true;
  }

  private deliver(connection: Connection, id: number, frame: Buffer): void {
    if (id <= connection.lastSentId) return;
    if (connection.held) {
      connection.held.push({ id, frame });
      return;
    }
    connection.lastSentId = id;
    this.transmit(connection, frame);
  }

  private send(connection: Connection, message: RealtimeServerMessage): void {
    this.transmit(connection, textFrame(Buffer.from(JSON.stringify(message))));
  }

  /** Sends unless the socket is closed; a socket whose queue is already too long is dropped. */
  private transmit(connection: Connection, frame: Buffer): void {
    const { socket } = connection;
    if (socket.readyState !== OPEN) return;
    if (socket.bufferedAmount > this.options.maxBufferedBytes) {
      this.log.info({ userId: connection.viewer.id }, 'realtime socket dropped: too slow');
      // A close frame would wait behind the queued bytes: cut the connection now.
      socket.terminate();
      this.forget(connection);
      return;
    }
    // Framed once per event, written as is to every socket.
    connection.writeFrame(frame);
  }

  private forget(connection: Connection): void {
    if (!this.connections.delete(connection)) return;
    for (const topic of [...connection.subscriptions.keys()]) {
      this.removeSubscription(connection, topic);
    }
  }

  private beat(): void {
    for (const connection of this.connections) {
      if (!connection.alive) {
        connection.socket.terminate();
        this.forget(connection);
        continue;
      }
      connection.alive = false;
      // ping() throws on a socket that is already closing.
      if (connection.socket.readyState === OPEN) connection.socket.ping();
    }
  }
}

function parseMessage(text: string): RealtimeClientMessage | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return clientMessage.Check(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** The event as a websocket frame, built once for every socket subscribed through `topics`. */
function serializeEvent(row: EventRow, topics: string[]): Buffer {
  const message = JSON.stringify({
    type: 'event',
    id: row.id,
    event: row.type,
    topics,
    payload: publicPayload(row, topics),
    at: row.createdAt.toISOString(),
  });
  return textFrame(Buffer.from(message));
}
