// The Meilisearch engine (server deployments, chosen when MEILI_URL is set): one index holding
// every document type, title > tags > body by attribute order, built-in typo tolerance and
// prefix search, facets by facetDistribution (date buckets by filtered counts), the caller's
// readable group ids in every filter. Writes are batched and wait for their task with a timeout;
// rebuild() fills a fresh index and swaps it in, so searches never see an empty index.
import {
  MeilisearchApiError,
  MeilisearchRequestError,
  MeilisearchRequestTimeOutError,
  MeilisearchTaskTimeOutError,
  Meilisearch,
  type EnqueuedTaskPromise,
  type Index,
  type SearchParams,
  type Settings,
} from 'meilisearch';
import {
  SearchUnavailableError,
  type DateBucket,
  type DocumentRef,
  type EngineHealth,
  type ReadableGroups,
  type RelatedCandidate,
  type RelatedQuery,
  type SearchDocument,
  type SearchDocumentType,
  type SearchEngine,
  type SearchFacets,
  type SearchHit,
  type SearchQuery,
  type SearchResult,
  type SuggestQuery,
} from './engine.ts';
import { MARK_END, MARK_START, markedHtml, withoutMarkers, wordsOf } from './text.ts';

export interface MeilisearchEngineOptions {
  url: string;
  apiKey?: string;
  /** Index name; the rebuild index is `<name>_rebuild`. */
  indexName?: string;
  /** Per HTTP request. */
  requestTimeoutMs?: number;
  /** How long a write waits for Meilisearch to finish its task. */
  taskTimeoutMs?: number;
  /**
   * Meilisearch counts matches exactly up to this many (the index's pagination.maxTotalHits);
   * a broader query's total and facets are reported as estimates. Tests lower it.
   */
  maxTotalHits?: number;
}

interface MeiliDocument {
  uid: string;
  type: SearchDocumentType;
  id: number;
  threadId: number | null;
  groupId: number | null;
  /** "id\tslug\tname": one facet value carries what the facet list shows. */
  groupFacet: string | null;
  groupSlug: string | null;
  groupName: string | null;
  key: string | null;
  title: string;
  body: string;
  tags: string[];
  answered: boolean;
  score: number;
  participantIds: number[];
  createdAt: number;
}

const MAX_BODY_CHARS = 20_000;
const DAY_SECONDS = 86_400;
const DEFAULT_MAX_TOTAL_HITS = 5000;

const SETTINGS: Settings = {
  searchableAttributes: ['title', 'tags', 'body'],
  filterableAttributes: ['type', 'id', 'groupId', 'groupFacet', 'tags', 'answered', 'createdAt'],
  sortableAttributes: ['createdAt', 'score'],
  displayedAttributes: ['*'],
  // Words too common to rank on, in both site languages.
  stopWords: [
    'the',
    'a',
    'an',
    'of',
    'to',
    'in',
    'is',
    'and',
    'or',
    'for',
    'on',
    'with',
    'how',
    'what',
    'le',
    'la',
    'les',
    'un',
    'une',
    'des',
    'du',
    'de',
    'et',
    'ou',
    'pour',
    'dans',
    'sur',
    'avec',
  ],
  // Same topic, both languages: a French question finds the English thread and back.
  synonyms: {
    beer: ['biere'],
    biere: ['beer'],
    yeast: ['levure'],
    levure: ['yeast'],
    meeting: ['reunion'],
    reunion: ['meeting'],
    holiday: ['conges'],
    conges: ['holiday'],
  },
  typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 } },
  pagination: { maxTotalHits: DEFAULT_MAX_TOTAL_HITS },
  faceting: { maxValuesPerFacet: 100 },
};

export class MeilisearchSearchEngine implements SearchEngine {
  readonly name = 'meilisearch';
  private readonly client: Meilisearch;
  private readonly indexName: string;
  private readonly taskTimeoutMs: number;
  private readonly maxTotalHits: number;
  private ready: Promise<void> | undefined;

  constructor(options: MeilisearchEngineOptions) {
    this.client = new Meilisearch({
      host: options.url,
      ...(options.apiKey ? { apiKey: options.apiKey } : {}),
      timeout: options.requestTimeoutMs ?? 5000,
    });
    this.indexName = options.indexName ?? 'serendip_documents';
    this.taskTimeoutMs = options.taskTimeoutMs ?? 30_000;
    this.maxTotalHits = options.maxTotalHits ?? DEFAULT_MAX_TOTAL_HITS;
  }

  private get documents(): Index<MeiliDocument> {
    return this.client.index<MeiliDocument>(this.indexName);
  }

  /** Creates the index with its settings once per process (idempotent on the server). */
  private ensureIndex(): Promise<void> {
    this.ready ??= this.configure(this.indexName).catch((error: unknown) => {
      this.ready = undefined;
      throw unavailable(error);
    });
    return this.ready;
  }

  private async configure(name: string): Promise<void> {
    const exists = await this.client
      .index(name)
      .getRawInfo()
      .then(() => true)
      .catch((error: unknown) => {
        if (error instanceof MeilisearchApiError && error.cause?.code === 'index_not_found') {
          return false;
        }
        throw error;
      });
    if (!exists) await this.wait(this.client.createIndex(name, { primaryKey: 'uid' }));
    await this.wait(
      this.client
        .index(name)
        .updateSettings({ ...SETTINGS, pagination: { maxTotalHits: this.maxTotalHits } }),
    );
  }

  private async wait(task: EnqueuedTaskPromise): Promise<void> {
    const done = await task.waitTask({ timeout: this.taskTimeoutMs, interval: 50 });
    if (done.status !== 'succeeded') {
      throw new SearchUnavailableError(
        `Meilisearch task ${done.uid} ${done.status}: ${done.error?.message ?? 'no detail'}`,
      );
    }
  }

  async index(documents: SearchDocument[]): Promise<void> {
    if (documents.length === 0) return;
    await this.guard(async () => {
      await this.ensureIndex();
      await this.wait(this.documents.addDocuments(documents.map(toMeili), { primaryKey: 'uid' }));
    });
  }

  async remove(refs: DocumentRef[]): Promise<void> {
    if (refs.length === 0) return;
    await this.guard(async () => {
      await this.ensureIndex();
      await this.wait(this.documents.deleteDocuments(refs.map((ref) => uidOf(ref.type, ref.id))));
    });
  }

  async rebuild(batches: AsyncIterable<SearchDocument[]>): Promise<void> {
    await this.guard(async () => {
      await this.ensureIndex();
      const next = `${this.indexName}_rebuild`;
      await this.client.deleteIndexIfExists(next);
      await this.configure(next);
      for await (const batch of batches) {
        await this.wait(
          this.client.index(next).addDocuments(batch.map(toMeili), { primaryKey: 'uid' }),
        );
      }
      await this.wait(
        this.client.swapIndexes([{ indexes: [this.indexName, next], rename: false }]),
      );
      await this.wait(this.client.deleteIndex(next));
    });
  }

  async listRefs(type: SearchDocumentType): Promise<number[]> {
    return this.guard(async () => {
      await this.ensureIndex();
      const ids: number[] = [];
      for (let offset = 0; ; offset += 1000) {
        const page = await this.documents.getDocuments({
          filter: `type = ${type}`,
          fields: ['id'],
          limit: 1000,
          offset,
        });
        ids.push(...page.results.map((doc) => Number(doc.id)));
        if (page.results.length < 1000) break;
      }
      return ids.sort((a, b) => a - b);
    });
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    return this.guard(async () => {
      await this.ensureIndex();
      const filter = filtersOf(query);
      const offset = query.offset ?? 0;
      // Page mode makes Meilisearch count every match (totalHits, up to maxTotalHits); offset
      // and limit only give estimatedTotalHits. Our pages are whole pages, so page mode it is.
      const paged = query.limit > 0 && offset % query.limit === 0;
      const params: SearchParams = {
        filter,
        ...(paged
          ? { page: offset / query.limit + 1, hitsPerPage: query.limit }
          : { limit: query.limit, offset }),
        matchingStrategy: query.match === 'any' ? 'last' : 'all',
        attributesToHighlight: ['title', 'body'],
        attributesToCrop: ['body'],
        cropLength: 30,
        highlightPreTag: MARK_START,
        highlightPostTag: MARK_END,
        showRankingScore: true,
        ...(query.facets ? { facets: ['type', 'groupFacet', 'tags', 'answered'] } : {}),
      };
      const response = await this.documents.search(query.text, params);
      const facets = query.facets ? await this.facetsOf(query, response.facetDistribution) : null;
      // Page mode answers totalHits, offset mode estimatedTotalHits; the type cannot tell which.
      const counted = response as { totalHits?: number; estimatedTotalHits?: number };
      const total = counted.totalHits ?? counted.estimatedTotalHits ?? response.hits.length;
      // At maxTotalHits the count (and the date buckets', counted the same way) stopped short.
      const totalIsEstimate = counted.totalHits === undefined || total >= this.maxTotalHits;
      return {
        total,
        hits: response.hits.map((hit) => toHit(hit, hit._formatted, hit._rankingScore)),
        facets,
        corrections: {},
        totalIsEstimate,
        facetsAreEstimates: facets !== null && totalIsEstimate,
      };
    });
  }

  private async facetsOf(
    query: SearchQuery,
    distribution: Record<string, Record<string, number>> | undefined,
  ): Promise<SearchFacets> {
    const counts = (name: string) =>
      Object.entries(distribution?.[name] ?? {}).sort((a, b) => b[1] - a[1]);
    const now = Math.floor(Date.now() / 1000);
    const buckets: [DateBucket, string][] = [
      ['week', `createdAt >= ${now - 7 * DAY_SECONDS}`],
      ['month', `createdAt >= ${now - 30 * DAY_SECONDS} AND createdAt < ${now - 7 * DAY_SECONDS}`],
      ['year', `createdAt >= ${now - 365 * DAY_SECONDS} AND createdAt < ${now - 30 * DAY_SECONDS}`],
      ['older', `createdAt < ${now - 365 * DAY_SECONDS}`],
    ];
    const base = filtersOf(query);
    const dated = await this.client.multiSearch({
      queries: buckets.map(([, condition]) => ({
        indexUid: this.indexName,
        q: query.text,
        filter: [...base, condition],
        // Page 0: no hits, and the exhaustive totalHits (up to maxTotalHits).
        page: 0,
        matchingStrategy: query.match === 'any' ? ('last' as const) : ('all' as const),
      })),
    });
    return {
      types: counts('type').map(([value, count]) => ({
        value: value as SearchDocumentType,
        count,
      })),
      groups: counts('groupFacet').map(([value, count]) => {
        const [id, slug, name] = value.split('\t');
        return { value: Number(id), slug: slug ?? null, name: name ?? null, count };
      }),
      tags: counts('tags')
        .slice(0, 20)
        .map(([value, count]) => ({ value, count })),
      answered: counts('answered').map(([value, count]) => ({ value: value === 'true', count })),
      dates: dated.results
        .map((result, i) => ({
          value: buckets[i]![0],
          count: result.totalHits ?? result.estimatedTotalHits ?? 0,
        }))
        .filter((bucket) => bucket.count > 0),
    };
  }

  async related(query: RelatedQuery): Promise<RelatedCandidate[]> {
    return this.guard(async () => {
      await this.ensureIndex();
      const source = await this.documents
        .getDocument(uidOf('thread', query.threadId))
        .catch(() => null);
      if (!source) return [];
      // Title and tags, then the start of the body; 'frequency' drops the commonest words first.
      const text = [
        source.title,
        source.tags.join(' '),
        wordsOf(source.body).slice(0, 40).join(' '),
      ]
        .join(' ')
        .slice(0, 500);
      const response = await this.documents.search(text, {
        filter: [readableFilter(query.readableGroupIds), 'type = thread', `id != ${source.id}`],
        limit: Math.max(query.limit, 1),
        matchingStrategy: 'frequency',
        showRankingScore: true,
      });
      return response.hits.map((hit) => {
        const sharedTags = hit.tags.filter((tag) => source.tags.includes(tag));
        return {
          id: hit.id,
          groupId: hit.groupId,
          groupSlug: hit.groupSlug,
          groupName: hit.groupName,
          title: hit.title,
          tags: hit.tags,
          answered: hit.answered,
          score: hit.score,
          participantIds: hit.participantIds,
          similarity:
            (hit._rankingScore ?? 0) + (0.3 * sharedTags.length) / Math.max(hit.tags.length, 1),
          sharedTags,
        };
      });
    });
  }

  async suggest(query: SuggestQuery): Promise<SearchHit[]> {
    return this.guard(async () => {
      await this.ensureIndex();
      const types = query.types?.length ? query.types : (['thread', 'group', 'user'] as const);
      const response = await this.client.multiSearch({
        queries: types.map((type) => ({
          indexUid: this.indexName,
          q: query.text,
          filter: [readableFilter(query.readableGroupIds), `type = ${type}`],
          limit: query.limit,
          attributesToSearchOn: ['title', 'body'],
          attributesToHighlight: ['title'],
          highlightPreTag: MARK_START,
          highlightPostTag: MARK_END,
          showRankingScore: true,
        })),
      });
      return response.results
        .flatMap((result) =>
          (
            result.hits as (MeiliDocument & {
              _formatted?: Partial<MeiliDocument>;
              _rankingScore?: number;
            })[]
          ).map((hit) => toHit(hit, hit._formatted, hit._rankingScore)),
        )
        .sort((a, b) => b.relevance - a.relevance);
    });
  }

  async health(): Promise<EngineHealth> {
    try {
      await this.ensureIndex();
      const stats = await this.documents.getStats();
      return { ok: true, engine: this.name, documents: stats.numberOfDocuments };
    } catch (error) {
      return { ok: false, engine: this.name, documents: null, message: String(error) };
    }
  }

  /** Network failures and timeouts become SearchUnavailableError: the indexer retries later. */
  private async guard<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw unavailable(error);
    }
  }
}

function unavailable(error: unknown): unknown {
  if (
    error instanceof MeilisearchRequestError ||
    error instanceof MeilisearchRequestTimeOutError ||
    error instanceof MeilisearchTaskTimeOutError
  ) {
    return new SearchUnavailableError(`Meilisearch unreachable: ${error.message}`, {
      cause: error,
    });
  }
  return error;
}

function uidOf(type: SearchDocumentType, id: number): string {
  return `${type}-${id}`;
}

function toMeili(d: SearchDocument): MeiliDocument {
  return {
    uid: uidOf(d.type, d.id),
    type: d.type,
    id: d.id,
    threadId: d.threadId,
    groupId: d.groupId,
    groupFacet:
      d.groupId === null ? null : `${d.groupId}\t${d.groupSlug ?? ''}\t${d.groupName ?? ''}`,
    groupSlug: d.groupSlug,
    groupName: d.groupName,
    key: d.key,
    title: withoutMarkers(d.title),
    body: withoutMarkers(d.body).slice(0, MAX_BODY_CHARS),
    tags: d.tags,
    answered: d.answered,
    score: d.score,
    participantIds: d.participantIds,
    createdAt: Math.floor(d.createdAt.getTime() / 1000),
  };
}

/** Access control inside the query: documents of no group, or of a group the caller reads. */
function readableFilter(readable: ReadableGroups): string {
  if (readable === 'all') return 'type EXISTS';
  const ids = readable.filter((id) => Number.isInteger(id));
  return ids.length ? `(groupId IS NULL OR groupId IN [${ids.join(', ')}])` : 'groupId IS NULL';
}

function quoted(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function filtersOf(query: SearchQuery): string[] {
  const filters = [readableFilter(query.readableGroupIds)];
  if (query.types?.length) filters.push(`type IN [${query.types.join(', ')}]`);
  if (query.groupIds?.length) filters.push(`groupId IN [${query.groupIds.join(', ')}]`);
  for (const tag of query.tags ?? []) filters.push(`tags = ${quoted(tag)}`);
  if (query.answered !== undefined) filters.push(`answered = ${query.answered}`);
  if (query.createdFrom)
    filters.push(`createdAt >= ${Math.floor(query.createdFrom.getTime() / 1000)}`);
  if (query.createdTo) filters.push(`createdAt < ${Math.floor(query.createdTo.getTime() / 1000)}`);
  return filters;
}

function toHit(
  doc: MeiliDocument,
  formatted: Partial<MeiliDocument> | undefined,
  rankingScore: number | undefined,
): SearchHit {
  return {
    type: doc.type,
    id: doc.id,
    threadId: doc.threadId,
    groupId: doc.groupId,
    groupSlug: doc.groupSlug,
    groupName: doc.groupName,
    key: doc.key,
    title: doc.title,
    titleHighlight: markedHtml(formatted?.title ?? doc.title),
    bodyHighlight: markedHtml(formatted?.body ?? ''),
    tags: doc.tags,
    answered: doc.answered,
    score: doc.score,
    createdAt: new Date(doc.createdAt * 1000),
    relevance: rankingScore ?? 0,
  };
}
