// Schemas for search and discovery: full-text search with facets, search-as-you-type,
// "already asked?", related threads, the Discover feed and questions the viewer could answer.
// Highlight fields are HTML: the text escaped, matches wrapped in <mark>.
import { Type } from 'typebox';
import { Id, Slug, TagSlug, Timestamp } from './common.ts';

export const SearchDocumentKind = Type.Union([
  Type.Literal('thread'),
  Type.Literal('post'),
  Type.Literal('group'),
  Type.Literal('user'),
]);
export type SearchDocumentKind = Type.Static<typeof SearchDocumentKind>;

export const DateBucket = Type.Union([
  Type.Literal('week'),
  Type.Literal('month'),
  Type.Literal('year'),
  Type.Literal('older'),
]);
export type DateBucket = Type.Static<typeof DateBucket>;

export const SearchQuery = Type.Object({
  q: Type.String({ minLength: 1, maxLength: 200 }),
  type: Type.Optional(SearchDocumentKind),
  /** Only this group's content (its slug). */
  group: Type.Optional(Slug),
  /** Only content carrying this tag. */
  tag: Type.Optional(TagSlug),
  answered: Type.Optional(Type.Boolean()),
  /** Created on or after this day (YYYY-MM-DD). */
  from: Type.Optional(Type.String({ format: 'date' })),
  /** Created before the end of this day (YYYY-MM-DD). */
  to: Type.Optional(Type.String({ format: 'date' })),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 1 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 20 })),
});
export type SearchQuery = Type.Static<typeof SearchQuery>;

export const SearchGroupRef = Type.Object({ slug: Type.String(), name: Type.String() });

export const SearchItem = Type.Object({
  type: SearchDocumentKind,
  id: Id,
  /** Where the hit leads: '/threads/12', '/threads/12#post-40', '/groups/slug', '/u/handle'. */
  href: Type.String(),
  title: Type.String(),
  titleHighlight: Type.String(),
  excerptHighlight: Type.String(),
  group: Type.Union([SearchGroupRef, Type.Null()]),
  tags: Type.Array(Type.String()),
  answered: Type.Boolean(),
  score: Type.Integer(),
  createdAt: Timestamp,
});
export type SearchItem = Type.Static<typeof SearchItem>;

const FacetCount = <T extends Type.TSchema>(value: T) =>
  Type.Object({ value, count: Type.Integer({ minimum: 0 }) });

export const SearchFacets = Type.Object({
  types: Type.Array(FacetCount(SearchDocumentKind)),
  groups: Type.Array(
    Type.Object({ slug: Type.String(), name: Type.String(), count: Type.Integer({ minimum: 0 }) }),
  ),
  tags: Type.Array(FacetCount(Type.String())),
  answered: Type.Array(FacetCount(Type.Boolean())),
  dates: Type.Array(FacetCount(DateBucket)),
});
export type SearchFacets = Type.Static<typeof SearchFacets>;

export const SearchResults = Type.Object({
  total: Type.Integer({ minimum: 0 }),
  /**
   * The total is an estimate: a broad query (thousands of matches) is counted on a sample, like
   * Meilisearch's estimatedTotalHits. False: exact.
   */
  totalIsEstimate: Type.Boolean(),
  /** The facet counts are estimates, for the same reason. False: exact. */
  facetsAreEstimates: Type.Boolean(),
  page: Type.Integer({ minimum: 1 }),
  limit: Type.Integer({ minimum: 1 }),
  items: Type.Array(SearchItem),
  facets: SearchFacets,
  /** Query words replaced by the nearest indexed word ("refractomter" -> "refractometer"). */
  corrections: Type.Record(Type.String(), Type.String()),
});
export type SearchResults = Type.Static<typeof SearchResults>;

export const SuggestQuery = Type.Object({
  q: Type.String({ minLength: 1, maxLength: 100 }),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 10, default: 5 })),
});
export type SuggestQuery = Type.Static<typeof SuggestQuery>;

export const SuggestItem = Type.Object({
  id: Id,
  href: Type.String(),
  title: Type.String(),
  titleHighlight: Type.String(),
  group: Type.Union([SearchGroupRef, Type.Null()]),
});
export type SuggestItem = Type.Static<typeof SuggestItem>;

/** Search-as-you-type: a few of each kind. */
export const Suggestions = Type.Object({
  threads: Type.Array(SuggestItem),
  groups: Type.Array(SuggestItem),
  people: Type.Array(SuggestItem),
  tags: Type.Array(Type.Object({ slug: Type.String(), threadCount: Type.Integer({ minimum: 0 }) })),
});
export type Suggestions = Type.Static<typeof Suggestions>;

/** "Already asked?": threads like the question title being typed. */
export const SimilarQuestionsQuery = Type.Object({
  title: Type.String({ minLength: 1, maxLength: 300 }),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 10, default: 5 })),
});
export type SimilarQuestionsQuery = Type.Static<typeof SimilarQuestionsQuery>;

/** A thread recommended to the viewer, with one line saying why. */
export const ThreadRecommendation = Type.Object({
  id: Id,
  title: Type.String(),
  group: SearchGroupRef,
  answered: Type.Boolean(),
  score: Type.Integer(),
  reason: Type.String(),
});
export type ThreadRecommendation = Type.Static<typeof ThreadRecommendation>;

export const ThreadRecommendations = Type.Object({ items: Type.Array(ThreadRecommendation) });
export type ThreadRecommendations = Type.Static<typeof ThreadRecommendations>;

export const RelatedQuery = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 20, default: 5 })),
});
export type RelatedQuery = Type.Static<typeof RelatedQuery>;

export const FeedQuery = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 10 })),
});
export type FeedQuery = Type.Static<typeof FeedQuery>;

/** Staff-only view of the search engine and the indexer. */
export const SearchStatus = Type.Object({
  engine: Type.Object({
    name: Type.String(),
    ok: Type.Boolean(),
    documents: Type.Union([Type.Integer(), Type.Null()]),
    message: Type.Optional(Type.String()),
  }),
  indexer: Type.Object({
    indexed: Type.Integer({ minimum: 0 }),
    lagP50Ms: Type.Union([Type.Number(), Type.Null()]),
    lagP95Ms: Type.Union([Type.Number(), Type.Null()]),
    lagMaxMs: Type.Union([Type.Number(), Type.Null()]),
    lastIndexedAt: Type.Union([Type.String(), Type.Null()]),
    failures: Type.Integer({ minimum: 0 }),
    lastError: Type.Union([Type.String(), Type.Null()]),
    pendingRows: Type.Integer({ minimum: 0 }),
    oldestPendingMs: Type.Union([Type.Number(), Type.Null()]),
  }),
});
export type SearchStatus = Type.Static<typeof SearchStatus>;
