// The browser's one realtime socket (/api/ws) for the whole tab: components subscribe to topics
// ('thread:12', 'user:7') and get the events as hints to refresh what they show. It reconnects with
// a growing, jittered delay and resumes from the last event id it saw, so nothing is missed; when
// the server cannot replay that far it asks the page to reload its data. Pages work without it.
import { invalidateAll } from '$app/navigation';
import type { EventMessage, RealtimeServerMessage } from '@serendip/contracts';

export type RealtimeStatus = 'idle' | 'connecting' | 'online' | 'offline';

export type RealtimeListener = (event: EventMessage | { type: 'reload' }) => void;

const MIN_RETRY_MS = 1_000;
const MAX_RETRY_MS = 30_000;
const SESSION_ENDED = 4401;

class RealtimeConnection {
  status = $state<RealtimeStatus>('idle');
  private socket: WebSocket | null = null;
  private readonly listeners = new Map<string, Set<RealtimeListener>>();
  private lastEventId: number | null = null;
  /** Topics waiting for the socket to open, with where their page's data stands. */
  private readonly pendingSince = new Map<string, number | undefined>();
  private attempts = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;

  /**
   * Listens to `topic` until the returned function is called. `since` is the event id the page's
   * data was read at (GET /api/realtime/cursor before the data): later events are replayed.
   */
  subscribe(topic: string, listener: RealtimeListener, since?: number): () => void {
    let set = this.listeners.get(topic);
    const isNew = !set;
    if (!set) this.listeners.set(topic, (set = new Set()));
    set.add(listener);
    if (isNew) {
      if (this.socket?.readyState === WebSocket.OPEN) this.sendSubscribe([topic], since);
      else this.pendingSince.set(topic, since);
    }
    if (!this.socket) this.connect();
    return () => {
      set.delete(listener);
      if (set.size > 0) return;
      this.listeners.delete(topic);
      this.pendingSince.delete(topic);
      this.send({ type: 'unsubscribe', topics: [topic] });
    };
  }

  private sendSubscribe(topics: string[], since: number | null | undefined): void {
    this.send({ type: 'subscribe', topics, ...(since == null ? {} : { since }) });
  }

  private send(message: unknown): void {
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(message));
  }

  private connect(): void {
    if (typeof WebSocket === 'undefined') return;
    clearTimeout(this.retryTimer);
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    const socket = new WebSocket(`${scheme}//${location.host}/api/ws`);
    this.socket = socket;
    this.status = 'connecting';
    socket.addEventListener('open', () => {
      this.attempts = 0;
      this.status = 'online';
      if (this.lastEventId !== null) {
        // A reconnect: every topic resumes from the last event this tab saw.
        const topics = [...this.listeners.keys()];
        if (topics.length > 0) this.sendSubscribe(topics, this.lastEventId);
      } else {
        const bySince = new Map<number | undefined, string[]>();
        for (const [topic, since] of this.pendingSince) {
          bySince.set(since, [...(bySince.get(since) ?? []), topic]);
        }
        for (const [since, topics] of bySince) this.sendSubscribe(topics, since);
        // The first socket's place is where the oldest page data stands.
        const sinces = [...this.pendingSince.values()].filter((since) => since !== undefined);
        if (sinces.length > 0) this.lastEventId = Math.min(...sinces);
      }
      this.pendingSince.clear();
    });
    socket.addEventListener('message', (message) => this.receive(String(message.data)));
    socket.addEventListener('close', (event) => {
      if (this.socket !== socket) return;
      this.socket = null;
      // RealtimeCloseCode.sessionEnded: signed out; the next page decides whether to connect again.
      if (event.code === SESSION_ENDED) {
        this.status = 'idle';
        return;
      }
      this.status = 'offline';
      this.retryLater();
    });
  }

  private retryLater(): void {
    const ceiling = Math.min(MAX_RETRY_MS, MIN_RETRY_MS * 2 ** this.attempts);
    this.attempts += 1;
    // Jitter: after a restart, every tab must not come back in the same millisecond.
    const delay = ceiling / 2 + Math.random() * (ceiling / 2);
    this.retryTimer = setTimeout(() => {
      if (this.listeners.size > 0) this.connect();
    }, delay);
  }

  private receive(text: string): void {
    const message = JSON.parse(text) as RealtimeServerMessage;
    if (message.type === 'hello') {
      this.lastEventId ??= message.lastEventId;
    } else if (message.type === 'event') {
      this.lastEventId = Math.max(this.lastEventId ?? 0, message.id);
      this.notifyAll(message, (topic) => message.topics.includes(topic));
    } else if (message.type === 'reload') {
      this.lastEventId = message.lastEventId;
      this.notifyAll({ type: 'reload' }, () => true);
    }
  }

  private notifyAll(
    event: EventMessage | { type: 'reload' },
    concerns: (topic: string) => boolean,
  ): void {
    for (const [topic, listeners] of this.listeners) {
      if (!concerns(topic)) continue;
      for (const listener of listeners) listener(event);
    }
  }
}

export const realtime = new RealtimeConnection();

/**
 * A function that reads the page's data again, for live pages: events arriving while it reads
 * cause one more read, not one each.
 */
export function pageRefresher(): () => void {
  let reading = false;
  let readAgain = false;
  const refresh = (): void => {
    if (reading) {
      readAgain = true;
      return;
    }
    reading = true;
    void invalidateAll().finally(() => {
      reading = false;
      if (readAgain) {
        readAgain = false;
        refresh();
      }
    });
  };
  return refresh;
}
