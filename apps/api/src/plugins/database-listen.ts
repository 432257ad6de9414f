// LISTEN on a notification channel in both database shapes. On a PostgreSQL server the
// notifications reach every API process (postgres.js listens on a connection of its own); in
// embedded mode PGlite delivers them in-process, so one code path serves both.
import type { DatabaseHandle } from '@serendip/db';

export interface Listening {
  close(): Promise<void>;
}

/**
 * Calls `onPayload` for each notification on `channel`, and `onConnected` whenever listening
 * (re)starts: notifications sent while the listening connection was down are lost.
 */
export async function listenToChannel(
  database: DatabaseHandle,
  channel: string,
  onPayload: (payload: string) => void,
  onConnected: () => void,
): Promise<Listening> {
  if (database.postgresClient) {
    const listening = await database.postgresClient.listen(channel, onPayload, onConnected);
    return {
      close: async () => {
        await listening.unlisten();
      },
    };
  }
  if (database.pgliteClient) {
    const unlisten = await database.pgliteClient.listen(channel, onPayload);
    onConnected();
    return { close: () => unlisten() };
  }
  throw new Error(
    `listen ${channel}: the database handle has neither a PostgreSQL nor a PGlite client`,
  );
}
