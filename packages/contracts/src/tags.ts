// Schemas for the tags endpoints (autocomplete).
import { Type } from 'typebox';
import { PageQuery, TagSlug } from './common.ts';

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

/** A tag as it appears in a URL: raw text, normalised by the server like a typed tag. */
export const TagParams = Type.Object({ slug: Type.String({ minLength: 1, maxLength: 60 }) });
export type TagParams = Type.Static<typeof TagParams>;

/** A tag's page: threads with that tag across the groups the viewer may read. */
export const TaggedThreadsQuery = Type.Object({ ...PageQuery.properties });
export type TaggedThreadsQuery = Type.Static<typeof TaggedThreadsQuery>;
