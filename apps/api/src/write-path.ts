// The two rows every write adds inside its transaction (ARCHITECTURE "write path"): a domain
// event for realtime fan-out and resume, and a search index task.
import { events, searchOutbox, type Executor } from '@serendip/db';

export type SearchDocumentType = 'thread' | 'post' | 'group' | 'user';

export interface DomainEvent {
  type: string;
  /** Who may receive it: 'thread:12', 'group:3', 'user:7'. */
  topics: string[];
  actorId?: number | null;
  payload: Record<string, unknown>;
}

export async function recordEvent(tx: Executor, event: DomainEvent): Promise<number> {
  const [row] = await tx
    .insert(events)
    .values({ ...event, actorId: event.actorId ?? null })
    .returning({ id: events.id });
  return row!.id;
}

export interface SearchUpdate {
  documentType: SearchDocumentType;
  documentIds: number[];
  operation?: 'upsert' | 'delete';
}

export async function queueSearchUpdate(
  tx: Executor,
  documentType: SearchDocumentType,
  documentIds: number[],
  operation: 'upsert' | 'delete' = 'upsert',
): Promise<void> {
  await queueSearchUpdates(tx, [{ documentType, documentIds, operation }]);
}

/** Several search tasks (a post and its thread...) in one statement. */
export async function queueSearchUpdates(tx: Executor, updates: SearchUpdate[]): Promise<void> {
  const rows = updates.flatMap(({ documentType, documentIds, operation = 'upsert' }) =>
    documentIds.map((documentId) => ({ documentType, documentId, operation })),
  );
  if (rows.length === 0) return;
  await tx.insert(searchOutbox).values(rows);
}
