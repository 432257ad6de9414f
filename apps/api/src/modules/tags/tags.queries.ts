// Tags are created on first use: by a thread, a skill or an interest.
import { inArray, sql } from 'drizzle-orm';
import { tags, type Executor } from '@serendip/db';
import { invalid } from '../../errors.ts';

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
