// Tag autocomplete: what people type is normalised like a tag before it is matched.
import type { TagList, TagSearchQuery } from '@serendip/contracts';
import type { Database } from '@serendip/db';
import type { Viewer } from '../../plugins/session.ts';
import { findTagsByPrefix, normalizeTag } from './tags.queries.ts';

const DEFAULT_LIMIT = 10;

/** Counts and tags are those the viewer can see: private groups' topics don't leak. */
export async function suggestTags(
  db: Database,
  viewer: Viewer,
  query: TagSearchQuery,
): Promise<TagList> {
  const typed = query.prefix ?? '';
  const normalised = normalizeTag(typed);
  // Text that normalises to nothing ("!!!") matches no tag, rather than listing the popular ones.
  if (typed.trim() && !normalised) return { items: [] };
  // A trailing space ends a word as typed: "gestion de " must not offer "gestion-des-risques".
  const prefix = normalised && /\s$/.test(typed) ? `${normalised}-` : normalised;
  return { items: await findTagsByPrefix(db, viewer, prefix, query.limit ?? DEFAULT_LIMIT) };
}
