// The one way committed events leave the database: each API process tails the events table by id
// and hands every row, once and in id order, to its hub. A trigger's NOTIFY (PostgreSQL LISTEN, or
// PGlite's in-process notifications in embedded mode) wakes the relay; a slow poll covers a lost
// notification or a reconnect. No write path can forget to publish: inserting the row is enough.
//
// Ids come from a sequence, so they are drawn in one order and committed in another: id 11 may be
// visible while id 10 is still being written (or rolled back). The relay never steps over such a
// hole until every transaction that could still fill it has ended (see the events_take_xid trigger),
// so a subscriber never misses an event and never receives one twice or out of order.
import type { Database } from '@serendip/db';
import type { FastifyBaseLogger } from 'fastify';
import {
  currentXidHorizon,
  selectEventsAfter,
  selectLatestEventId,
  transactionsEndedBefore,
  type EventRow,
} from './realtime.queries.ts';

export interface EventRelayOptions {
  /** Rows read per query. */
  batchSize: number;
  /** Safety poll when no notification arrives. */
  pollIntervalMs: number;
  /** How soon to look again while a hole waits for its transaction. */
  holeRetryMs: number;
  /** A transaction holding a hole longer than this is given up on (logged), so delivery goes on. */
  maxHoleWaitMs: number;
}

export const defaultRelayOptions: EventRelayOptions = {
  batchSize: 500,
  pollIntervalMs: 2_000,
  holeRetryMs: 5,
  maxHoleWaitMs: 30_000,
};

interface Hole {
  /** The relay's cursor when the hole was seen: ids above it and below `nextId` were missing. */
  afterId: number;
  nextId: number;
  /** Transactions below this xid may still fill the hole; none above it can. */
  horizon: string;
  seenAt: number;
}

export class EventRelay {
  private cursor = 0;
  private draining: Promise<void> | null = null;
  private wakeAgain = false;
  private hole: Hole | null = null;
  private pollTimer: NodeJS.Timeout | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    private readonly db: Database,
    private readonly deliver: (rows: EventRow[]) => void,
    private readonly log: FastifyBaseLogger,
    private readonly options: EventRelayOptions = defaultRelayOptions,
  ) {}

  /** Starts after the newest committed event: clients catch up on older ones by resuming. */
  async start(): Promise<void> {
    this.cursor = await selectLatestEventId(this.db);
    this.pollTimer = setInterval(() => this.wake(), this.options.pollIntervalMs);
    this.pollTimer.unref();
  }

  /** The id of the last event handed to the hub: everything up to it has been delivered. */
  get lastEventId(): number {
    return this.cursor;
  }

  /** A notification (or the poll) says there may be new rows; `hintId` skips a useless read. */
  wake(hintId?: number): void {
    if (this.closed || (hintId !== undefined && hintId <= this.cursor)) return;
    if (this.draining) {
      this.wakeAgain = true;
      return;
    }
    this.draining = this.drain()
      .catch((error: unknown) => this.log.error({ err: error }, 'realtime relay failed to read'))
      .finally(() => {
        this.draining = null;
        if (this.wakeAgain) {
          this.wakeAgain = false;
          this.wake();
        }
      });
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.pollTimer);
    clearTimeout(this.retryTimer);
    await this.draining;
  }

  private handOver(rows: EventRow[]): void {
    if (rows.length === 0) return;
    this.cursor = rows[rows.length - 1]!.id;
    this.deliver(rows);
  }

  private async drain(): Promise<void> {
    while (!this.closed) {
      const rows = await selectEventsAfter(this.db, this.cursor, this.options.batchSize);
      const ready = contiguousFrom(this.cursor, rows);
      this.handOver(ready);
      if (ready.length === rows.length) {
        this.hole = null;
        if (rows.length < this.options.batchSize) return;
        continue;
      }
      if (!(await this.holeSettled(rows[ready.length]!.id))) {
        this.retryLater();
        return;
      }
      // Every transaction that could fill the hole has ended: what is there now is final.
      const { nextId } = this.hole!;
      const settled = await selectEventsAfter(this.db, this.cursor, this.options.batchSize);
      this.handOver(settled.filter((row) => row.id < nextId));
      this.cursor = Math.max(this.cursor, nextId - 1);
      this.hole = null;
    }
  }

  /** True once nothing can appear any more below `nextId` (the first row after the hole). */
  private async holeSettled(nextId: number): Promise<boolean> {
    if (!this.hole || this.hole.afterId !== this.cursor) {
      // Taken after seeing `nextId` committed: the writer of any missing id already had its xid.
      this.hole = {
        afterId: this.cursor,
        nextId,
        horizon: await currentXidHorizon(this.db),
        seenAt: Date.now(),
      };
    }
    if (await transactionsEndedBefore(this.db, this.hole.horizon)) return true;
    if (Date.now() - this.hole.seenAt < this.options.maxHoleWaitMs) return false;
    this.log.warn(
      { afterId: this.hole.afterId, nextId: this.hole.nextId },
      'realtime relay stepped over events held by a transaction open too long',
    );
    return true;
  }

  private retryLater(): void {
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => this.wake(), this.options.holeRetryMs);
  }
}

/** The rows that follow `cursor` without a missing id. */
function contiguousFrom(cursor: number, rows: EventRow[]): EventRow[] {
  let expected = cursor + 1;
  let count = 0;
  for (const row of rows) {
    if (row.id !== expected) break;
    expected += 1;
    count += 1;
  }
  return rows.slice(0, count);
}
