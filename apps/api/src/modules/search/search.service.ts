// Search, search-as-you-type and "already asked?": the viewer's readable groups go into every
// engine query, so private content is filtered inside the engine, never trimmed afterwards.
import type {
  SearchQuery,
  SearchResults,
  SearchItem,
  SearchStatus,
  SimilarQuestionsQuery,
  SuggestItem,
  SuggestQuery,
  Suggestions,
} from '@serendip/contracts';
import type { Database } from '@serendip/db';
import type { SearchEngine, SearchHit } from '@serendip/search';
import type { SearchIndexer } from '../../jobs/search-indexer.ts';
import { DomainError } from '../../errors.ts';
import { isStaff, type Viewer } from '../../plugins/session.ts';
import { loadGroupAccess } from '../groups/groups.access.ts';
import { suggestTags } from '../tags/tags.service.ts';
import { readableGroupIds } from './search.queries.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

export async function search(
  db: Database,
  engine: SearchEngine,
  viewer: Viewer,
  query: SearchQuery,
): Promise<SearchResults> {
  const page = query.page ?? 1;
  const limit = query.limit ?? 20;
  const group = query.group
    ? (await loadGroupAccess(db, viewer, { slug: query.group })).group
    : null;
  const result = await engine.search({
    text: query.q,
    readableGroupIds: await readableGroupIds(db, viewer),
    ...(query.type ? { types: [query.type] } : {}),
    ...(group ? { groupIds: [group.id] } : {}),
    ...(query.tag ? { tags: [query.tag] } : {}),
    ...(query.answered !== undefined ? { answered: query.answered } : {}),
    ...(query.from ? { createdFrom: new Date(`${query.from}T00:00:00Z`) } : {}),
    ...(query.to ? { createdTo: new Date(Date.parse(`${query.to}T00:00:00Z`) + DAY_MS) } : {}),
    limit,
    offset: (page - 1) * limit,
    facets: true,
  });
  const facets = result.facets ?? { types: [], groups: [], tags: [], answered: [], dates: [] };
  return {
    total: result.total,
    totalIsEstimate: result.totalIsEstimate,
    facetsAreEstimates: result.facetsAreEstimates,
    page,
    limit,
    items: result.hits.map(toItem),
    facets: {
      ...facets,
      groups: facets.groups.map((g) => ({
        slug: g.slug ?? '',
        name: g.name ?? '',
        count: g.count,
      })),
    },
    corrections: result.corrections,
  };
}

export async function suggest(
  db: Database,
  engine: SearchEngine,
  viewer: Viewer,
  query: SuggestQuery,
): Promise<Suggestions> {
  const limit = query.limit ?? 5;
  const [hits, tags] = await Promise.all([
    readableGroupIds(db, viewer).then((readable) =>
      engine.suggest({ text: query.q, readableGroupIds: readable, limit }),
    ),
    suggestTags(db, viewer, { prefix: query.q, limit }),
  ]);
  const of = (type: SearchHit['type']) => hits.filter((hit) => hit.type === type).map(toSuggestion);
  return { threads: of('thread'), groups: of('group'), people: of('user'), tags: tags.items };
}

/** Threads like a question title being typed: any of its words, best matches first. */
export async function similarQuestions(
  db: Database,
  engine: SearchEngine,
  viewer: Viewer,
  query: SimilarQuestionsQuery,
): Promise<{ items: SuggestItem[] }> {
  const result = await engine.search({
    text: query.title,
    readableGroupIds: await readableGroupIds(db, viewer),
    types: ['thread'],
    match: 'any',
    limit: query.limit ?? 5,
  });
  return { items: result.hits.map(toSuggestion) };
}

export async function searchStatus(viewer: Viewer, indexer: SearchIndexer): Promise<SearchStatus> {
  if (!isStaff(viewer)) throw new DomainError('forbidden', 'Only moderators and admins see this.');
  const [health, pending] = await Promise.all([indexer.engine.health(), indexer.pending()]);
  return {
    engine: {
      name: health.engine,
      ok: health.ok,
      documents: health.documents,
      ...(health.message ? { message: health.message } : {}),
    },
    indexer: {
      ...indexer.stats(),
      pendingRows: pending.rows,
      oldestPendingMs: pending.oldestAgeMs,
    },
  };
}

function hrefOf(hit: SearchHit): string {
  switch (hit.type) {
    case 'thread':
      return `/threads/${hit.id}`;
    case 'post':
      return `/threads/${hit.threadId}#post-${hit.id}`;
    case 'group':
      return `/groups/${hit.key}`;
    case 'user':
      return `/u/${hit.key}`;
  }
}

function groupOf(hit: SearchHit): SearchItem['group'] {
  if (hit.type === 'user' || hit.type === 'group' || !hit.groupSlug) return null;
  return { slug: hit.groupSlug, name: hit.groupName ?? hit.groupSlug };
}

function toItem(hit: SearchHit): SearchItem {
  return {
    type: hit.type,
    id: hit.id,
    href: hrefOf(hit),
    title: hit.title,
    titleHighlight: hit.titleHighlight,
    excerptHighlight: hit.bodyHighlight,
    group: groupOf(hit),
    tags: hit.tags,
    answered: hit.answered,
    score: hit.score,
    createdAt: hit.createdAt.toISOString(),
  };
}

function toSuggestion(hit: SearchHit): SuggestItem {
  return {
    id: hit.id,
    href: hrefOf(hit),
    title: hit.title,
    titleHighlight: hit.titleHighlight,
    group: groupOf(hit),
  };
}
