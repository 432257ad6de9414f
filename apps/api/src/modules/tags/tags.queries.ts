// Tags are created on first use: by a thread, a skill or an interest.
import { asc, desc, inArray, like, sql } from 'drizzle-orm';
import { groups, tags, threads, threadTags, userTags, type Executor } from '@serendip/db';
import { invalid } from '../../errors.ts';
import type { Viewer } from '../../plugins/session.ts';
import { groupReadableBy } from '../groups/groups.access.ts';

/** "Gestion de Projet" -> "gestion-de-projet"; accents dropped so one topic has one tag. */
export function normalizeTag(raw: string): string {
  return raw
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .trim()
    .replace(/[\s_]+/g, '-')
    .replace(/[^a-z0-9+#.-]/g, '')
    .replace(/-+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 40);
}

/** Normalises and de-duplicates; a tag that normalises to nothing is a 400 on `field`. */
export function normalizeTags(raw: string[], field = 'tags'): string[] {
  const slugs = raw.map(normalizeTag);
  const empty = raw.find((_, index) => !slugs[index]);
  if (empty !== undefined) {
    throw invalid(field, `"${empty}" is not a usable tag: use letters, digits or - + # .`);
  }
  return [...new Set(slugs)];
}

/** Returns the ids of the given (already normalised) tags, creating the missing ones. */
export async function upsertTags(
  tx: Executor,
  slugs: string[],
): Promise<{ id: number; slug: string }[]> {
  if (slugs.length === 0) return [];
  await tx
    .insert(tags)
    .values(slugs.map((slug) => ({ slug })))
    .onConflictDoNothing();
  const rows = await tx
    .select({ id: tags.id, slug: tags.slug })
    .from(tags)
    .where(inArray(tags.slug, slugs));
  return slugs.map((slug) => rows.find((row) => row.slug === slug)!);
}

/** Keeps tags.thread_count in step when threads gain or lose tags. */
export async function adjustTagThreadCounts(tx: Executor, tagIds: number[], delta: 1 | -1) {
  if (tagIds.length === 0) return;
  await tx
    .update(tags)
    .set({ threadCount: sql`greatest(${tags.threadCount} + ${delta}, 0)` })
    .where(inArray(tags.id, tagIds));
}

/**
 * Tags whose slug starts with `prefix` (already normalised, so it holds no LIKE wildcards),
 * most used first; an empty prefix lists the most used tags.
 */
/**
 * Tags matching a prefix, most used first, as the viewer may see them: a tag only used in
 * private groups they can't read is not offered, and its count leaves those threads out.
 */
export async function findTagsByPrefix(
  db: Executor,
  viewer: Viewer,
  prefix: string,
  limit: number,
): Promise<{ slug: string; threadCount: number }[]> {
  const hiddenThreads = sql`(
    select count(*) from ${threadTags}
    join ${threads} on ${threads.id} = ${threadTags.threadId} and ${threads.deletedAt} is null
    join ${groups} on ${groups.id} = ${threads.groupId}
    where ${threadTags.tagId} = ${tags.id} and not (${groupReadableBy(viewer)})
  )`;
  const candidates = db
    .select({
      slug: tags.slug,
      threadCount: sql<number>`(${tags.threadCount} - ${hiddenThreads})::int`.as('visible_count'),
      usedByPeople:
        sql<boolean>`exists (select 1 from ${userTags} where ${userTags.tagId} = ${tags.id})`.as(
          'used_by_people',
        ),
    })
    .from(tags)
    .where(prefix ? like(tags.slug, `${prefix}%`) : undefined)
    .as('candidates');
  return db
    .select({ slug: candidates.slug, threadCount: candidates.threadCount })
    .from(candidates)
    .where(sql`${candidates.threadCount} > 0 or ${candidates.usedByPeople}`)
    .orderBy(desc(candidates.threadCount), asc(candidates.slug))
    .limit(limit);
}
