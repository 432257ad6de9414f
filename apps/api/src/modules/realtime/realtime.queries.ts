// Reading the events table for the realtime relay and for resuming clients.
import { and, asc, desc, gt, lte, sql } from 'drizzle-orm';
import { events, selectRows, type Executor } from '@serendip/db';

export interface EventRow {
  id: number;
  type: string;
  topics: string[];
  payload: Record<string, unknown>;
  createdAt: Date;
}

const eventColumns = {
  id: events.id,
  type: events.type,
  topics: events.topics,
  payload: events.payload,
  createdAt: events.createdAt,
};

export async function selectLatestEventId(db: Executor): Promise<number> {
  const [row] = await db.select({ id: events.id }).from(events).orderBy(desc(events.id)).limit(1);
  return row?.id ?? 0;
}

/** Committed events after `afterId`, oldest first. */
export function selectEventsAfter(db: Executor, afterId: number, limit: number) {
  return db
    .select(eventColumns)
    .from(events)
    .where(gt(events.id, afterId))
    .orderBy(asc(events.id))
    .limit(limit);
}

/** Events in (afterId, throughId] on any of `topics`, oldest first: what a resuming client missed. */
export function selectMissedEvents(
  db: Executor,
  topics: string[],
  afterId: number,
  throughId: number,
  limit: number,
): Promise<EventRow[]> {
  const topicArray = sql`array[${sql.join(
    topics.map((topic) => sql`${topic}`),
    sql`, `,
  )}]::text[]`;
  return db
    .select(eventColumns)
    .from(events)
    .where(
      and(
        gt(events.id, afterId),
        lte(events.id, throughId),
        sql`${events.topics} && ${topicArray}`,
      ),
    )
    .orderBy(asc(events.id))
    .limit(limit);
}

/** The first transaction id not yet started: every transaction below it has begun. */
export async function currentXidHorizon(db: Executor): Promise<string> {
  const [row] = await selectRows<{ xmax: string }>(
    db,
    sql`select pg_snapshot_xmax(pg_current_snapshot())::text as xmax`,
  );
  return row!.xmax;
}

/** True once every transaction below `horizon` has committed or rolled back. */
export async function transactionsEndedBefore(db: Executor, horizon: string): Promise<boolean> {
  const [row] = await selectRows<{ ended: boolean }>(
    db,
    sql`select pg_snapshot_xmin(pg_current_snapshot()) >= ${horizon}::xid8 as ended`,
  );
  return row!.ended;
}
