// What wakes the relay: the 'serendip_events' notifications the events trigger sends at commit,
// which reach every API process.
import type { DatabaseHandle } from '@serendip/db';
import { listenToChannel, type Listening } from '../../plugins/database-listen.ts';

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

/**
 * Calls `onNotice` for each committed event, and `onConnected` whenever listening (re)starts:
 * notifications sent while the listening connection was down are lost, the reader catches up.
 */
export function listenForEvents(
  database: DatabaseHandle,
  onNotice: (notice: EventNotice | null) => void,
  onConnected: () => void,
): Promise<Listening> {
  return listenToChannel(
    database,
    EVENTS_CHANNEL,
    (payload) => onNotice(parseEventNotice(payload)),
    onConnected,
  );
}
