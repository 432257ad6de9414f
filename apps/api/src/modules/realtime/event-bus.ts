// What wakes the relay: the 'serendip_events' notifications the events trigger sends at commit.
// On a PostgreSQL server they reach every API process (LISTEN on a connection of its own); in
// embedded mode PGlite delivers them in-process, so one code path serves both shapes.
import type { DatabaseHandle } from '@serendip/db';

export const EVENTS_CHANNEL = 'serendip_events';

/** A committed event: its id and topics (the notification payload is "<id> <topic> <topic>..."). */
export interface EventNotice {
  id: number;
  topics: string[];
}

export function parseEventNotice(payload: string): EventNotice | null {
  const [id, ...topics] = payload.split(' ');
  const eventId = Number(id);
  return Number.isSafeInteger(eventId) && eventId > 0 ? { id: eventId, topics } : null;
}

export interface EventBus {
  close(): Promise<void>;
}

/**
 * Calls `onNotice` for each committed event, and `onConnected` whenever listening (re)starts:
 * notifications sent while the listening connection was down are lost, the reader catches up.
 */
export async function listenForEvents(
  database: DatabaseHandle,
  onNotice: (notice: EventNotice | null) => void,
  onConnected: () => void,
): Promise<EventBus> {
  const handle = (payload: string) => onNotice(parseEventNotice(payload));
  if (database.postgresClient) {
    const listening = await database.postgresClient.listen(EVENTS_CHANNEL, handle, onConnected);
    return { close: () => listening.unlisten() };
  }
  if (database.pgliteClient) {
    const unlisten = await database.pgliteClient.listen(EVENTS_CHANNEL, handle);
    onConnected();
    return { close: () => unlisten() };
  }
  throw new Error('realtime: the database handle has neither a PostgreSQL nor a PGlite client');
}
