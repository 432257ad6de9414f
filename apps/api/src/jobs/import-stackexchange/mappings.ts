// The import's memory: which external record became which local row, and a hash of what it held,
// so a re-run adds nothing, updates what changed, and leaves the rest alone.
import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { importMappings, type Executor } from '@serendip/db';

export type MappedEntity = 'user' | 'question' | 'answer' | 'comment';

export interface Mapping {
  localId: number;
  contentHash: string;
}

export type MappingTable = Map<string, Mapping>;

export function contentHash(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('base64url').slice(0, 22);
}

export async function loadMappings(
  db: Executor,
  source: string,
  entity: MappedEntity,
): Promise<MappingTable> {
  const rows = await db
    .select({
      externalId: importMappings.externalId,
      localId: importMappings.localId,
      contentHash: importMappings.contentHash,
    })
    .from(importMappings)
    .where(and(eq(importMappings.source, source), eq(importMappings.entity, entity)));
  return new Map(rows.map((row) => [row.externalId, row]));
}

export interface MappingWrite {
  externalId: string;
  localId: number;
  contentHash: string;
}

/** Records new mappings and refreshes the hash of updated ones, in the caller's transaction. */
export async function saveMappings(
  tx: Executor,
  source: string,
  entity: MappedEntity,
  rows: MappingWrite[],
): Promise<void> {
  if (rows.length === 0) return;
  await tx
    .insert(importMappings)
    .values(rows.map((row) => ({ ...row, source, entity })))
    .onConflictDoUpdate({
      target: [importMappings.source, importMappings.entity, importMappings.externalId],
      set: { contentHash: sql.raw('excluded.content_hash'), importedAt: new Date() },
    });
}

/** Splits `items` into slices of `size`: one transaction per slice. */
export function* batches<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let start = 0; start < items.length; start += size) yield items.slice(start, start + size);
}
