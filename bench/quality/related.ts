// Related threads on the dump's duplicate (LinkTypeId 3) and linked (1) question pairs: is the
// partner in the top 5 of GET /api/threads/:id/related, against "same first tag, most votes".
import type { Api } from '../../apps/api/src/api-types.ts';
import { normalizeTag } from '../../apps/api/src/modules/tags/tags.queries.ts';
import { readLinks, readPosts } from '../../apps/api/src/jobs/import-stackexchange/dump-records.ts';
import { rawQuery, type Database } from '../../packages/db/src/index.ts';

const K = 5;

export interface RelatedFigures {
  /** Distinct unordered question pairs; each is asked from both ends. */
  pairs: number;
  duplicatePairs: number;
  linkedPairs: number;
  relatedRecallAt5: number | null;
  relatedMrr: number | null;
  baselineRecallAt5: number;
  baselineMrr: number;
  /** Why the related figures are null, when they are. */
  relatedUnavailable?: string;
}

interface Query {
  from: number;
  partner: number;
}

/** Both directions of every distinct pair whose two posts are imported questions. */
async function pairQueries(dir: string, threadOf: Map<string, number>) {
  const links = await readLinks(dir);
  const pairs = new Map<string, { a: number; b: number; duplicate: boolean }>();
  for (const link of links) {
    if (link.typeId !== 1 && link.typeId !== 3) continue;
    const a = threadOf.get(link.postId);
    const b = threadOf.get(link.relatedPostId);
    if (a === undefined || b === undefined || a === b) continue;
    const key = a < b ? `${a}-${b}` : `${b}-${a}`;
    const known = pairs.get(key);
    pairs.set(key, { a, b, duplicate: (known?.duplicate ?? false) || link.typeId === 3 });
  }
  const queries: Query[] = [...pairs.values()].flatMap(({ a, b }) => [
    { from: a, partner: b },
    { from: b, partner: a },
  ]);
  const duplicatePairs = [...pairs.values()].filter((pair) => pair.duplicate).length;
  return { queries, pairs: pairs.size, duplicatePairs };
}

function score(queries: Query[], rankings: Map<number, number[]>) {
  let hits = 0;
  let reciprocal = 0;
  for (const query of queries) {
    const position = (rankings.get(query.from) ?? []).slice(0, K).indexOf(query.partner);
    if (position >= 0) {
      hits++;
      reciprocal += 1 / (position + 1);
    }
  }
  return { recall: hits / queries.length, mrr: reciprocal / queries.length };
}

/** Apache Answer's related list: questions sharing the first tag, most votes first. */
async function baselineRankings(
  db: Database,
  dir: string,
  threadOf: Map<string, number>,
  from: number[],
) {
  const firstTag = new Map<number, string>();
  for (const post of await readPosts(dir)) {
    const threadId = threadOf.get(post.id);
    const tag = post.tags.map(normalizeTag).find((slug) => slug !== '');
    if (threadId !== undefined && tag) firstTag.set(threadId, tag);
  }
  const rankings = new Map<number, number[]>();
  for (const threadId of new Set(from)) {
    const tag = firstTag.get(threadId);
    if (!tag) continue;
    const rows = await rawQuery(db)<{ id: number }>(
      `select t.id from threads t
        join thread_tags tt on tt.thread_id = t.id join tags g on g.id = tt.tag_id
        where g.slug = $1 and t.id <> $2 and t.deleted_at is null
        order by t.score desc, t.id asc limit ${K}`,
      [tag, threadId],
    );
    rankings.set(
      threadId,
      rows.map((row) => row.id),
    );
  }
  return rankings;
}

interface SearchIndexerLike {
  drain(): Promise<unknown>;
}

/** A signed-in session through the API, as a reader of the public group. */
async function signIn(app: Api): Promise<string> {
  const reply = await app.inject({
    method: 'POST',
    url: '/api/auth/register',
    payload: {
      email: 'quality-bench@example.test',
      password: 'quality bench reader password',
      handle: 'quality-bench-reader',
      displayName: 'Quality bench',
      locale: 'en',
    },
  });
  if (reply.statusCode !== 201) throw new Error(`could not register: ${reply.body}`);
  return String(reply.headers['set-cookie']).split(';')[0]!;
}

async function relatedRankings(app: Api, from: number[]): Promise<Map<number, number[]> | string> {
  const indexer = (app as unknown as { searchIndexer?: SearchIndexerLike }).searchIndexer;
  if (!indexer || typeof indexer.drain !== 'function') return 'app.searchIndexer is missing';
  await indexer.drain();
  const cookie = await signIn(app);
  const rankings = new Map<number, number[]>();
  for (const threadId of new Set(from)) {
    const reply = await app.inject({
      method: 'GET',
      url: `/api/threads/${threadId}/related?limit=${K}`,
      headers: { cookie },
    });
    if (reply.statusCode === 404 && reply.body.includes('route_not_found')) {
      return 'GET /api/threads/:id/related does not exist';
    }
    if (reply.statusCode !== 200) {
      throw new Error(`related threads of ${threadId}: HTTP ${reply.statusCode} ${reply.body}`);
    }
    const body = JSON.parse(reply.body) as { items: { id: number }[] };
    rankings.set(
      threadId,
      body.items.map((item) => item.id),
    );
  }
  return rankings;
}

export async function evaluateRelated(
  app: Api,
  db: Database,
  dir: string,
  threadOf: Map<string, number>,
): Promise<RelatedFigures> {
  const { queries, pairs, duplicatePairs } = await pairQueries(dir, threadOf);
  const from = queries.map((query) => query.from);
  const baseline = score(queries, await baselineRankings(db, dir, threadOf, from));
  const related = await relatedRankings(app, from);
  const figures: RelatedFigures = {
    pairs,
    duplicatePairs,
    linkedPairs: pairs - duplicatePairs,
    relatedRecallAt5: null,
    relatedMrr: null,
    baselineRecallAt5: baseline.recall,
    baselineMrr: baseline.mrr,
  };
  if (typeof related === 'string') return { ...figures, relatedUnavailable: related };
  const measured = score(queries, related);
  return { ...figures, relatedRecallAt5: measured.recall, relatedMrr: measured.mrr };
}
