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

export async function queueSearchUpdate(
  tx: Executor,
  documentType: SearchDocumentType,
  documentIds: number[],
  operation: 'upsert' | 'delete' = 'upsert',
): Promise<void> {
  if (documentIds.length === 0) return;
  await tx
    .insert(searchOutbox)
    .values(documentIds.map((documentId) => ({ documentType, documentId, operation })));
}
