// Schemas for the tags endpoints (autocomplete).
import { Type } from 'typebox';
import { TagSlug } from './common.ts';

export const TagSearchQuery = Type.Object({
  /** Raw text as typed; normalised like a tag before matching ("Gestion de" -> "gestion-de"). */
  prefix: Type.Optional(Type.String({ maxLength: 60 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 10 })),
});
export type TagSearchQuery = Type.Static<typeof TagSearchQuery>;

export const TagUsage = Type.Object({ slug: TagSlug, threadCount: Type.Integer({ minimum: 0 }) });
export type TagUsage = Type.Static<typeof TagUsage>;

export const TagList = Type.Object({ items: Type.Array(TagUsage) });
export type TagList = Type.Static<typeof TagList>;
