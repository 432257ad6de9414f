// A websocket client for realtime tests: opens /api/ws as a test user (their session cookie, the
// server's own Origin), records every server message, and waits for the ones a test expects.
import type {
  EventMessage,
  RealtimeClientMessage,
  RealtimeServerMessage,
  SubscribedMessage,
} from '@serendip/contracts';
import WebSocket from 'ws';
import type { TestUser } from './helper.ts';

const WAIT_MS = 10_000;

interface Waiter {
  match: (message: RealtimeServerMessage) => boolean;
  resolve: (message: RealtimeServerMessage) => void;
}

export class TestSocket {
  readonly messages: RealtimeServerMessage[] = [];
  private waiters: Waiter[] = [];
  readonly closed: Promise<{ code: number }>;

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const message = JSON.parse(data.toString()) as RealtimeServerMessage;
      this.messages.push(message);
      this.waiters = this.waiters.filter((waiter) => {
        if (!waiter.match(message)) return true;
        waiter.resolve(message);
        return false;
      });
    });
    this.closed = new Promise((resolve) => socket.on('close', (code) => resolve({ code })));
  }

  /** Opens a socket to `baseUrl` (http://host:port) as `user`; resolves once it says hello. */
  static async open(baseUrl: string, user: TestUser): Promise<TestSocket> {
    const socket = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/api/ws`, {
      headers: { cookie: user.client.session!.cookie, origin: baseUrl },
    });
    const client = new TestSocket(socket);
    await client.waitFor((message) => message.type === 'hello');
    return client;
  }

  /** The HTTP status a handshake is refused with (or 101 when it is accepted). */
  static handshakeStatus(baseUrl: string, headers: Record<string, string>): Promise<number> {
    const socket = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/api/ws`, { headers });
    return new Promise((resolve, reject) => {
      socket.on('unexpected-response', (_request, response) => {
        resolve(response.statusCode ?? 0);
        socket.terminate();
      });
      socket.on('open', () => {
        resolve(101);
        socket.close();
      });
      socket.on('error', (error) => {
        if (!socket.listenerCount('unexpected-response')) reject(error);
      });
    });
  }

  send(message: RealtimeClientMessage | Record<string, unknown>): void {
    this.socket.send(JSON.stringify(message));
  }

  /** The first message (already received or still to come) that matches. */
  waitFor<T extends RealtimeServerMessage>(
    match: (message: RealtimeServerMessage) => boolean,
    description = 'a matching message',
  ): Promise<T> {
    const seen = this.messages.find(match);
    if (seen) return Promise.resolve(seen as T);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`timed out waiting for ${description}`)),
        WAIT_MS,
      );
      this.waiters.push({
        match,
        resolve: (message) => {
          clearTimeout(timer);
          resolve(message as T);
        },
      });
    });
  }

  async subscribe(topics: string[], since?: number): Promise<SubscribedMessage> {
    const before = this.messages.length;
    this.send({ type: 'subscribe', topics, ...(since === undefined ? {} : { since }) });
    return this.waitFor<SubscribedMessage>(
      (message) => message.type === 'subscribed' && this.messages.indexOf(message) >= before,
      'subscribed',
    );
  }

  /** The event with this type whose payload has these values. */
  waitForEvent(event: string, payload: Record<string, unknown> = {}): Promise<EventMessage> {
    return this.waitFor<EventMessage>(
      (message) =>
        message.type === 'event' &&
        message.event === event &&
        Object.entries(payload).every(([key, value]) => message.payload[key] === value),
      `${event} ${JSON.stringify(payload)}`,
    );
  }

  events(): EventMessage[] {
    return this.messages.filter((message): message is EventMessage => message.type === 'event');
  }

  close(): Promise<{ code: number }> {
    this.socket.close();
    return this.closed;
  }
}
