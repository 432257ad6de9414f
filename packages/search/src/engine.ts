// The search engine port (ARCHITECTURE "Search engine port"): what the API and the indexer need
// from any engine. Access control is part of every read: the caller passes the group ids it may
// read and the engine applies them inside its query, never by trimming results afterwards.

export type SearchDocumentType = 'thread' | 'post' | 'group' | 'user';

export interface DocumentRef {
  type: SearchDocumentType;
  id: number;
}

/** One searchable thing, as the indexer builds it from the database. */
export interface SearchDocument extends DocumentRef {
  /** The thread of a thread or a post; null for groups and people. */
  threadId: number | null;
  /** Readable by members of this group only; null: readable by everyone signed in (people). */
  groupId: number | null;
  groupSlug: string | null;
  groupName: string | null;
  /** Handle of a person or slug of a group, to link a hit without another lookup. */
  key: string | null;
  /** Thread title, the thread title of a post, group name, display name. */
  title: string;
  /** Question or post text, group description, person's job, department, site and bio. */
  body: string;
  tags: string[];
  answered: boolean;
  score: number;
  authorId: number | null;
  /** People who answered or replied (threads): a related-thread signal. */
  participantIds: number[];
  /** Detected from the text when absent. */
  language?: SearchLanguage;
  createdAt: Date;
  updatedAt: Date;
}

export type SearchLanguage = 'french' | 'english';

/** Group ids the caller may read; 'all' for staff, who read every group. */
export type ReadableGroups = readonly number[] | 'all';

export interface SearchQuery {
  text: string;
  readableGroupIds: ReadableGroups;
  types?: SearchDocumentType[];
  /** Only documents of these groups. */
  groupIds?: number[];
  /** Documents carrying every one of these tags. */
  tags?: string[];
  answered?: boolean;
  createdFrom?: Date;
  createdTo?: Date;
  /** 'all' (default): every word must match; 'any': rank documents matching some words. */
  match?: 'all' | 'any';
  limit: number;
  offset?: number;
  /** Compute facet counts (costs an aggregate query). */
  facets?: boolean;
}

export interface SearchHit extends DocumentRef {
  threadId: number | null;
  groupId: number | null;
  groupSlug: string | null;
  groupName: string | null;
  key: string | null;
  title: string;
  /** HTML: the text escaped, matches wrapped in <mark>. */
  titleHighlight: string;
  /** HTML excerpt of the body around the matches, escaped, matches in <mark>. */
  bodyHighlight: string;
  tags: string[];
  answered: boolean;
  score: number;
  createdAt: Date;
  relevance: number;
}

export interface FacetCount<Value> {
  value: Value;
  count: number;
}

export type DateBucket = 'week' | 'month' | 'year' | 'older';

export interface SearchFacets {
  types: FacetCount<SearchDocumentType>[];
  groups: (FacetCount<number> & { slug: string | null; name: string | null })[];
  tags: FacetCount<string>[];
  answered: FacetCount<boolean>[];
  dates: FacetCount<DateBucket>[];
}

export interface SearchResult {
  total: number;
  hits: SearchHit[];
  facets: SearchFacets | null;
  /**
   * The total was estimated (a broad query: counted on a sample and scaled, or capped by the
   * engine), like Meilisearch's estimatedTotalHits; false: an exact count.
   */
  totalIsEstimate: boolean;
  /** The facet counts were estimated the same way; false when exact or not requested. */
  facetsAreEstimates: boolean;
  /** Query words replaced by their nearest indexed words (typo tolerance). */
  corrections: Record<string, string>;
}

export interface RelatedQuery {
  threadId: number;
  readableGroupIds: ReadableGroups;
  limit: number;
}

/** A thread similar to the source, with the features the caller may combine with its own. */
export interface RelatedCandidate {
  id: number;
  groupId: number | null;
  groupSlug: string | null;
  groupName: string | null;
  title: string;
  tags: string[];
  answered: boolean;
  score: number;
  participantIds: number[];
  /** The engine's own similarity, higher is closer. */
  similarity: number;
  sharedTags: string[];
}

export interface SuggestQuery {
  text: string;
  readableGroupIds: ReadableGroups;
  /** Per document type. */
  limit: number;
  types?: SearchDocumentType[];
}

export interface EngineHealth {
  ok: boolean;
  engine: string;
  documents: number | null;
  message?: string;
}

export interface SearchEngine {
  readonly name: string;
  /** Adds or replaces documents; one call for a whole batch. */
  index(documents: SearchDocument[]): Promise<void>;
  remove(refs: DocumentRef[]): Promise<void>;
  /**
   * Replaces the whole index with these documents without a moment where searches find
   * nothing: documents missing from the batches are gone afterwards.
   */
  rebuild(batches: AsyncIterable<SearchDocument[]>): Promise<void>;
  /** Every indexed document reference (reconcile and tests: compare ids). */
  listRefs(type: SearchDocumentType): Promise<number[]>;
  search(query: SearchQuery): Promise<SearchResult>;
  related(query: RelatedQuery): Promise<RelatedCandidate[]>;
  suggest(query: SuggestQuery): Promise<SearchHit[]>;
  health(): Promise<EngineHealth>;
}

/** Thrown by an engine whose backend cannot be reached: the indexer retries later. */
export class SearchUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SearchUnavailableError';
  }
}
