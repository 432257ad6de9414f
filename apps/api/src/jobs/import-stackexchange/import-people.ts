// The group the dump goes into, and the dump's people as Serendip users who cannot sign in.
import { eq, sql } from 'drizzle-orm';
import { groups, memberships, users, type Database } from '@serendip/db';
import { queueSearchUpdate, recordEvent } from '../../write-path.ts';
import type { DumpUser } from './dump-records.ts';
import { batches, contentHash, loadMappings, saveMappings, type MappingTable } from './mappings.ts';
import type { EntityCounts, ImportContext } from './import-context.ts';

/** Finds the group by slug, or creates it (public hobby circle) with its event and index task. */
export async function ensureGroup(
  db: Database,
  slug: string,
  name: string,
): Promise<{ id: number; created: boolean }> {
  const [existing] = await db.select({ id: groups.id }).from(groups).where(eq(groups.slug, slug));
  if (existing) return { id: existing.id, created: false };
  const id = await db.transaction(async (tx) => {
    const [group] = await tx
      .insert(groups)
      .values({ slug, name, kind: 'hobby', visibility: 'public', description: '' })
      .returning({ id: groups.id });
    await recordEvent(tx, {
      type: 'group.created',
      topics: [`group:${group!.id}`],
      payload: { groupId: group!.id, slug, imported: true },
    });
    await queueSearchUpdate(tx, 'group', [group!.id]);
    return group!.id;
  });
  return { id, created: true };
}

const HANDLE_MAX = 32;

/** "José Müller!" → "Jose-Muller"; what is left must match the handle pattern. */
export function handleBase(displayName: string): string {
  return displayName
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .trim()
    .replace(/\s+/g, '-')
    .replace(/[^A-Za-z0-9_.-]/g, '')
    .replace(/^[.-]+/, '')
    .replace(/-+/g, '-')
    .slice(0, HANDLE_MAX);
}

/** A handle not in `taken` (lower-cased), derived from the display name; adds it to `taken`. */
export function uniqueHandle(displayName: string, fallback: string, taken: Set<string>): string {
  let base = handleBase(displayName);
  if (base.length < 2) base = fallback;
  let candidate = base;
  for (let suffix = 2; taken.has(candidate.toLowerCase()); suffix++) {
    const tail = `-${suffix}`;
    candidate = `${base.slice(0, HANDLE_MAX - tail.length)}${tail}`;
  }
  taken.add(candidate.toLowerCase());
  return candidate;
}

/** A person of the dump as the import sees them: a real user row or a placeholder for a name. */
export interface ImportedPerson {
  externalId: string;
  displayName: string;
  createdAt: Date;
}

/** External id of the author of a post or comment; placeholders for deleted accounts. */
export function authorKey(userId: string | null, displayName: string | null): string {
  if (userId !== null) return userId;
  return displayName ? `name:${displayName}` : 'deleted';
}

/**
 * The people to import: every author of an imported post or comment (the dump lists thousands of
 * accounts that never wrote anything; they are left out). Authors without an account row become
 * placeholders named after the display name the post kept, or "Deleted user".
 */
export function peopleToImport(
  dumpUsers: DumpUser[],
  authors: Map<string, Date>,
): ImportedPerson[] {
  const byId = new Map(dumpUsers.map((user) => [user.id, user]));
  return [...authors].map(([externalId, firstSeen]) => {
    const user = byId.get(externalId);
    if (user) {
      const displayName = user.displayName || `user${externalId}`;
      return { externalId, displayName, createdAt: user.createdAt };
    }
    const name = externalId.startsWith('name:') ? externalId.slice(5) : 'Deleted user';
    return { externalId, displayName: name, createdAt: firstSeen };
  });
}

async function takenHandles(db: Database): Promise<Set<string>> {
  const rows = await db.select({ handle: sql<string>`lower(${users.handle})` }).from(users);
  return new Set(rows.map((row) => row.handle));
}

/** Unique per source and never deliverable: `.invalid` is reserved (RFC 2606). */
const placeholderEmail = (groupSlug: string, externalId: string) =>
  /^-?\d+$/.test(externalId)
    ? `se-${groupSlug}-${externalId}@import.invalid`
    : `se-${groupSlug}-${contentHash(externalId).slice(0, 12).toLowerCase()}@import.invalid`;

/** Inserts new people, renames changed ones, makes everyone a member of the group. */
export async function importPeople(
  context: ImportContext,
  people: ImportedPerson[],
): Promise<{ mapping: MappingTable; counts: EntityCounts }> {
  const { db, source, groupId, groupSlug } = context;
  const mapping = await loadMappings(db, source, 'user');
  const taken = await takenHandles(db);
  const counts: EntityCounts = { added: 0, updated: 0, unchanged: 0 };
  let processed = 0;
  for (const batch of batches(people, context.batchSize)) {
    await db.transaction(async (tx) => {
      const fresh = batch.filter((person) => !mapping.has(person.externalId));
      const changed = batch.filter((person) => {
        const known = mapping.get(person.externalId);
        return known && known.contentHash !== contentHash(person.displayName);
      });
      const inserted = fresh.length
        ? await tx
            .insert(users)
            .values(
              fresh.map((person, index) => ({
                email: placeholderEmail(groupSlug, person.externalId),
                handle: uniqueHandle(person.displayName, `se-user-${index + 1}`, taken),
                displayName: person.displayName.slice(0, 100),
                passwordHash: null,
                locale: 'en' as const,
                createdAt: person.createdAt,
                updatedAt: person.createdAt,
              })),
            )
            .returning({ id: users.id })
        : [];
      for (const person of changed) {
        await tx
          .update(users)
          .set({ displayName: person.displayName.slice(0, 100), updatedAt: new Date() })
          .where(eq(users.id, mapping.get(person.externalId)!.localId));
      }
      const written = [
        ...fresh.map((person, index) => ({ person, localId: inserted[index]!.id })),
        ...changed.map((person) => ({ person, localId: mapping.get(person.externalId)!.localId })),
      ];
      const rows = written.map(({ person, localId }) => ({
        externalId: person.externalId,
        localId,
        contentHash: contentHash(person.displayName),
      }));
      await saveMappings(tx, source, 'user', rows);
      for (const row of rows) mapping.set(row.externalId, row);
      if (inserted.length) {
        await tx
          .insert(memberships)
          .values(
            fresh.map((person, index) => ({
              groupId,
              userId: inserted[index]!.id,
              joinedAt: person.createdAt,
            })),
          )
          .onConflictDoNothing();
      }
      counts.added += fresh.length;
      counts.updated += changed.length;
      await queueSearchUpdate(
        tx,
        'user',
        written.map((entry) => entry.localId),
      );
      await recordEvent(tx, {
        type: 'import.batch',
        topics: [`group:${groupId}`],
        payload: { source, entity: 'user', added: fresh.length, updated: changed.length },
      });
    });
    processed += batch.length;
    context.progress('people', processed, people.length);
  }
  counts.unchanged = people.length - counts.added - counts.updated;
  return { mapping, counts };
}
