// The PostgreSQL full-text engine (the default, embedded and server): the indexer writes one row
// per document into search_documents with a weighted tsvector built in the document's language
// (title A, tags B, body C, accents folded by the serendip_* configurations); searches use the GIN
// index, fall back to the nearest indexed words (pg_trgm) when a query finds little, and
// highlight with ts_headline. Related threads OR together the source's significant terms.
// Broad searches (thousands of matches) do bounded work: total and facets are counted on a sample
// of the table and flagged as estimates, and the page is ranked from a first stage of title and
// tag matches, kept exact by a bound on what any other match can score (firstStagePage).
import { rawQuery, type Database, type Executor } from '@serendip/db';
import type {
  DateBucket,
  DocumentRef,
  EngineHealth,
  FacetCount,
  ReadableGroups,
  RelatedCandidate,
  RelatedQuery,
  SearchDocument,
  SearchDocumentType,
  SearchEngine,
  SearchFacets,
  SearchHit,
  SearchQuery,
  SearchResult,
  SuggestQuery,
} from './engine.ts';
import {
  detectLanguage,
  foldText,
  MARK_END,
  MARK_START,
  markedHtml,
  withoutMarkers,
  wordsOf,
} from './text.ts';

/** Indexed body text is cut here: the tail of a very long post adds little but costs a lot. */
const MAX_BODY_CHARS = 20_000;
const MAX_QUERY_WORDS = 12;
/** The search_terms row whose count is the number of thread documents (N of the idf). */
const THREAD_COUNT_KEY = '';
/** Fewer hits than this and the query is retried with corrected or completed words. */
const FEW_HITS = 3;
/**
 * A source thread is described by this many of its most significant terms. Fewer (15 before)
 * left out body words two duplicates share, so partners were found but ranked low.
 */
const MAX_SIGNIFICANT_TERMS = 50;
/** Above this many threads, related candidates must share two rare terms with the source. */
const LARGE_COLLECTION = 2000;

type Row = Record<string, unknown>;

export interface PostgresEngineOptions {
  /**
   * Above this many matches (estimated on the sample) a search is broad: estimated total and
   * facets, page ranked from the first stage. Tests lower it to reach that path on a few rows.
   */
  broadMatches?: number;
  /** Table pages the estimate samples; the whole table when it is smaller. */
  samplePages?: number;
}

/**
 * Ranking and counting 2,000 matches exactly costs ~10-15 ms of database CPU; on the bench site
 * (bench/README.md) this threshold gave the lowest p95 with estimates within ~10%.
 */
const DEFAULT_BROAD_MATCHES = 2000;
/**
 * 400 of the bench site's 11,600 pages (3.5%, ~3,500 documents, ~2 ms): a 2,000-match query has
 * ~70 matches in the sample, so its estimate is within ~12%; broader ones closer.
 */
const DEFAULT_SAMPLE_PAGES = 400;
/** The same pages every time, so a broad query's estimates do not move from page to page. */
const SAMPLE_SEED = 20261123;
/** A prefix with more indexed completions than this is ranked in full (too many pairs). */
const MAX_COMPLETIONS = 10;
/**
 * The first stage also ranks the documents scoring above the this-many-th highest score (looked
 * up in the score index), so the bound's score factor is that score's: a few very high scores
 * (groups count their members) would otherwise loosen it for every query.
 */
const HIGH_SCORES = 100;

/**
 * Relevance: ts_rank with weights {D, C, B, A} = {0.1, 0.2, 0.4, 1.0}, times a score factor.
 * Every ranking statement uses this one expression, so the broad path ranks exactly as the full.
 */
const RELEVANCE = `ts_rank('{0.1,0.2,0.4,1.0}', d.search_vector, q.query)
  * (1 + 0.1 * ln(1 + greatest(d.score, 0)))`;
const WEIGHT_D = 0.1;
const WEIGHT_C = 0.2;
/** The constant ts_rank divides by (tsrank.c), ζ(2) = π²/6 rounded. */
const TS_RANK_DIVISOR = 1.64493406685;

/**
 * The most ts_rank can give a matching document with no title or tag position (weights A, B) for
 * any query operand and at most one matching lexeme per operand. For an OR-topped query, ts_rank
 * (normalization 0: calc_rank_or in tsrank.c) adds, per distinct operand and per lexeme of the
 * document the operand matches, (w_m + Σ_{j≠m} w_j/(j+1)²)/ζ(2), where w_j is the weight of the
 * lexeme's j-th position in position order and m the first position of the greatest weight; then
 * it divides by the number of operands. Positions before m weigh less than w_m: with C at m they
 * are D, and after m at most C. So one lexeme adds at most
 *   max over m of (w_C + w_D·H(m) + w_C·(ζ(2) − H(m+1)))/ζ(2), with H(n) = Σ_{i=1..n} 1/i²
 * (0.2321, at m = 2; D positions alone give at most w_D), and the average over operands no more.
 */
const OUTSIDE_FIRST_STAGE_RANK = (() => {
  const zeta2 = Math.PI ** 2 / 6;
  let best = (WEIGHT_D * zeta2) / TS_RANK_DIVISOR;
  let harmonic = 0; // H(m)
  for (let m = 0; m < 256; m += 1) {
    const next = harmonic + 1 / (m + 1) ** 2; // H(m + 1)
    const sum = WEIGHT_C + WEIGHT_D * harmonic + WEIGHT_C * (zeta2 - next);
    best = Math.max(best, sum / TS_RANK_DIVISOR);
    harmonic = next;
  }
  return best;
})();
/** Room for ts_rank's single-precision arithmetic. */
const BOUND_MARGIN = 1.0001;

interface QueryOperand {
  lexeme: string;
  prefix: boolean;
  /** Indexed lexemes a prefix operand can match (at most MAX_COMPLETIONS + 1); null otherwise. */
  completions: string[] | null;
}

export class PostgresSearchEngine implements SearchEngine {
  readonly name = 'postgres';
  /** Broad searches' pages: proven by the first stage, or ranked from every match. */
  readonly broadPages = { firstStage: 0, rankedAll: 0 };
  private readonly broadMatches: number;
  private readonly samplePages: number;

  constructor(
    private readonly db: Database,
    options: PostgresEngineOptions = {},
  ) {
    this.broadMatches = options.broadMatches ?? DEFAULT_BROAD_MATCHES;
    this.samplePages = options.samplePages ?? DEFAULT_SAMPLE_PAGES;
  }

  async index(documents: SearchDocument[]): Promise<void> {
    const unique = [...new Map(documents.map((d) => [`${d.type}:${d.id}`, d])).values()];
    if (unique.length === 0) return;
    await this.db.transaction(async (tx) => {
      const threadIds = unique.filter((d) => d.type === 'thread').map((d) => d.id);
      const before = await threadTermCounts(tx, threadIds);
      await upsertDocuments(tx, unique);
      const after = await threadTermCounts(tx, threadIds);
      await applyTermDeltas(tx, before, after);
      await addWords(tx, unique);
      await addLexemes(tx, unique);
    });
  }

  async remove(refs: DocumentRef[]): Promise<void> {
    if (refs.length === 0) return;
    await this.db.transaction(async (tx) => {
      const threadIds = refs.filter((r) => r.type === 'thread').map((r) => r.id);
      const before = await threadTermCounts(tx, threadIds);
      await rawQuery(tx)(
        `delete from search_documents d
         using unnest($1::text[], $2::int[]) as r(type, id)
         where d.document_type::text = r.type and d.document_id = r.id`,
        [refs.map((r) => r.type), refs.map((r) => r.id)],
      );
      await applyTermDeltas(tx, before, new Map());
    });
  }

  async rebuild(batches: AsyncIterable<SearchDocument[]>): Promise<void> {
    const [start] = await rawQuery(this.db)<{ at: string }>(
      'select clock_timestamp()::text as at',
      [],
    );
    for await (const batch of batches) await this.index(batch);
    // Whatever was not re-indexed since the start no longer exists in the database.
    const stale = await rawQuery(this.db)<{ type: SearchDocumentType; id: number }>(
      `select document_type::text as type, document_id as id from search_documents
       where indexed_at < $1::timestamptz`,
      [start!.at],
    );
    for (let i = 0; i < stale.length; i += 500) await this.remove(stale.slice(i, i + 500));
  }

  async listRefs(type: SearchDocumentType): Promise<number[]> {
    const rows = await rawQuery(this.db)<{ id: number }>(
      `select document_id as id from search_documents where document_type = $1::search_document_type
       order by document_id`,
      [type],
    );
    return rows.map((row) => row.id);
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    const words = wordsOf(query.text).slice(0, MAX_QUERY_WORDS);
    if (words.length === 0) {
      return {
        total: 0,
        hits: [],
        facets: null,
        corrections: {},
        totalIsEstimate: false,
        facetsAreEstimates: false,
      };
    }
    const first = await this.runSearch(query, words.map(termOf));
    if (first.total >= FEW_HITS) return first;
    const corrections = await this.correct(words);
    if (Object.keys(corrections).length === 0) return first;
    const terms = words.map((word, index) =>
      corrections[word]
        ? `(${termOf(word, index, words)} | ${prefixTerm(corrections[word])})`
        : termOf(word, index, words),
    );
    const second = await this.runSearch(query, terms);
    return second.total > first.total ? { ...second, corrections } : first;
  }

  /** For each word that matches no indexed word: its shortest completion, or nearest word. */
  private async correct(words: string[]): Promise<Record<string, string>> {
    const candidates = [...new Set(words.filter((word) => word.length >= 3))];
    if (candidates.length === 0) return {};
    const rows = await rawQuery(this.db)<{ word: string; fix: string | null }>(
      `select w as word, coalesce(
         (select s.word from search_words s where s.word like w || '%' and s.word <> w
           order by length(s.word), s.word limit 1),
         (select s.word from search_words s where s.word % w
           order by similarity(s.word, w) desc, s.word limit 1)
       ) as fix
       from unnest($1::text[]) as w
       where not exists (select 1 from search_words s where s.word = w)`,
      [candidates],
    );
    const corrections: Record<string, string> = {};
    for (const row of rows) if (row.fix) corrections[row.word] = row.fix;
    return corrections;
  }

  /**
   * The sample first: a narrow query gets the exact search, a broad one (more than broadMatches
   * estimated matches) the bounded one.
   */
  private async runSearch(query: SearchQuery, terms: string[]): Promise<SearchResult> {
    const tsquery = terms.join(query.match === 'any' ? ' | ' : ' & ');
    const sample = await this.sampleCounts(query, tsquery);
    if (sample.matches <= this.broadMatches) {
      const exact = await this.rankAll(query, tsquery, true);
      return { ...exact, totalIsEstimate: false, facetsAreEstimates: false };
    }
    return this.runBroadSearch(query, tsquery, sample);
  }

  /**
   * A broad search: total and facets from the sample, scaled; the page from the first stage when
   * that is provably the exact page, else from ranking every match (still without the facet and
   * count passes).
   */
  private async runBroadSearch(
    query: SearchQuery,
    tsquery: string,
    sample: { matches: number; facets: SearchFacets | null },
  ): Promise<SearchResult> {
    let hits = await this.firstStagePage(query, tsquery);
    if (hits) this.broadPages.firstStage += 1;
    else {
      hits = (await this.rankAll(query, tsquery, false)).hits;
      this.broadPages.rankedAll += 1;
    }
    return {
      total: sample.matches,
      hits,
      facets: query.facets ? sample.facets : null,
      corrections: {},
      totalIsEstimate: true,
      facetsAreEstimates: Boolean(query.facets),
    };
  }

  /**
   * Matches and facet counts on a sample of the table's pages (TABLESAMPLE SYSTEM, the same
   * pages each time), scaled to the whole table: a few milliseconds however broad the query. The
   * sample is the whole table when the table is small, and the counts then exact.
   */
  private async sampleCounts(
    query: SearchQuery,
    tsquery: string,
  ): Promise<{ matches: number; facets: SearchFacets | null }> {
    const params: unknown[] = [tsquery, this.samplePages];
    const where = [`d.search_vector @@ q.matches`, ...filterConditions(query, params)];
    const [row] = await rawQuery(this.db)<Row>(
      `with q as (${BOTH_LANGUAGES_QUERY}),
       sample as (
         select least(100, 100.0 * $2 / greatest(1, pg_relation_size('search_documents')
           / current_setting('block_size')::int))::float8 as percent),
       m as materialized (
         select d.document_type, d.group_id, d.tags, d.answered, d.created_at
         from search_documents d tablesample system ((select percent from sample))
           repeatable (${SAMPLE_SEED}), q
         where ${where.join(' and ')})
       ${query.facets ? FACET_COUNTS : ONLY_TOTAL}
       select (select percent from sample) as percent,
         (select count from counts where set = 15) as total${query.facets ? FACET_COLUMNS : ''}`,
      params,
    );
    const percent = Number(row?.percent ?? 100);
    const scale = (count: number) =>
      percent >= 100 ? count : roundedEstimate((count * 100) / percent);
    const facets = query.facets ? facetsOf(row ?? {}) : null;
    return {
      matches: scale(Number(row?.total ?? 0)),
      facets: facets && {
        types: facets.types.map((f) => ({ ...f, count: scale(f.count) })),
        groups: facets.groups.map((f) => ({ ...f, count: scale(f.count) })),
        tags: facets.tags.map((f) => ({ ...f, count: scale(f.count) })),
        answered: facets.answered.map((f) => ({ ...f, count: scale(f.count) })),
        dates: facets.dates.map((f) => ({ ...f, count: scale(f.count) })),
      },
    };
  }

  /**
   * The page ranked from the first stage: matches with a query operand in their title or tags
   * (the small title/tags index), those matching two completions of one prefix operand ('team':*
   * in "teams" and "teamwork"), and the few scoring above the HIGH_SCORES-th score. Any other
   * match ranks at most OUTSIDE_FIRST_STAGE_RANK times that score's factor, so when the first
   * stage's last row of the page ranks higher, no other match can be on the page: the page is
   * exact. Null when that cannot be shown: the caller ranks every match.
   */
  private async firstStagePage(query: SearchQuery, tsquery: string): Promise<SearchHit[] | null> {
    const [plan] = await rawQuery(this.db)<Row>(
      `with q as (${BOTH_LANGUAGES_QUERY}),
       ops as (
         -- The tsquery's operands from its text: quoted, quotes and backslashes doubled.
         select distinct regexp_replace(o[1], '([''\\\\])\\1', '\\1', 'g') as lexeme,
           o[2] is not null as prefix
         from q, regexp_matches(q.query::text, '''((?:[^'']|'''')*)''(:[*])?', 'g') as o)
       select q.ranked_or,
         greatest(0, coalesce((select score from search_documents
           order by score desc offset ${HIGH_SCORES} limit 1), 0)) as high_score,
         (select coalesce(json_agg(json_build_object('lexeme', ops.lexeme, 'prefix', ops.prefix,
            'completions', case when ops.prefix then array(
              select l.lexeme from search_lexemes l
              where (l.lexeme collate "C") >= (ops.lexeme collate "C")
                and (l.lexeme collate "C") < ((ops.lexeme || chr(1114111)) collate "C")
                and starts_with(l.lexeme, ops.lexeme)
              order by (l.lexeme collate "C") limit ${MAX_COMPLETIONS + 1}) end)), '[]')
          from ops) as operands
       from q`,
      [tsquery],
    );
    const operands = parseJson<QueryOperand[]>(plan?.operands) ?? [];
    // An AND-topped query is ranked by another formula (calc_rank_and): no bound.
    if (!plan?.ranked_or || operands.length === 0) return null;
    const pairs = new Set<string>();
    for (const operand of operands) {
      const completions = operand.completions ?? [];
      if (completions.length > MAX_COMPLETIONS) return null;
      for (let i = 0; i < completions.length; i += 1) {
        for (let j = i + 1; j < completions.length; j += 1) {
          pairs.add(`(${tsqueryLiteral(completions[i]!)} & ${tsqueryLiteral(completions[j]!)})`);
        }
      }
    }
    const anyOperand = operands
      .map((o) => `${tsqueryLiteral(o.lexeme)}${o.prefix ? ':*' : ''}`)
      .join(' | ');
    const offset = query.offset ?? 0;
    const highScore = Number(plan.high_score);
    const params: unknown[] = [tsquery, anyOperand, offset + query.limit, offset, highScore];
    const stages = [`ts_filter(d.search_vector, '{a,b}') @@ $2::tsquery`, 'd.score > $5'];
    if (pairs.size > 0) {
      params.push([...pairs].join(' | '));
      stages.push(`d.search_vector @@ $${params.length}::tsquery`);
    }
    // coalesce(): the match is checked on the first stage's rows, never ANDed with a bitmap of
    // the broad query's whole posting list (reading it is what this path avoids).
    const where = [
      `(${stages.join(' or ')})`,
      'coalesce(d.search_vector @@ q.matches, false)',
      ...filterConditions(query, params),
    ];
    const [row] = await rawQuery(this.db)<Row>(
      `with q as (${BOTH_LANGUAGES_QUERY}),
       first as materialized (
         select d.document_type, d.document_id, d.created_at, ${RELEVANCE} as relevance
         from search_documents d, q where ${where.join(' and ')}
         order by relevance desc, d.created_at desc, d.document_id desc
         limit $3),
       page as (
         select * from first order by relevance desc, created_at desc, document_id desc
         offset $4)
       select (select count(*)::int from first) as ranked,
         (select min(relevance) from first) as lowest, ${HITS_COLUMN}`,
      params,
    );
    const bound = OUTSIDE_FIRST_STAGE_RANK * (1 + 0.1 * Math.log(1 + highScore)) * BOUND_MARGIN;
    const exact = Number(row?.ranked ?? 0) >= offset + query.limit && Number(row?.lowest) > bound;
    return exact ? (parseJson<Row[]>(row?.hits) ?? []).map(toHit) : null;
  }

  /**
   * Every match ranked in one statement (materialized, narrow rows so they stay in memory), the
   * page highlighted and, when `counting`, the total and facet counts from one grouped pass over
   * the same rows (plus one for tags).
   */
  private async rankAll(
    query: SearchQuery,
    tsquery: string,
    counting: boolean,
  ): Promise<Omit<SearchResult, 'totalIsEstimate' | 'facetsAreEstimates'>> {
    const params: unknown[] = [tsquery];
    const where = [`d.search_vector @@ q.matches`, ...filterConditions(query, params)];
    params.push(query.limit, query.offset ?? 0);
    const [limit, offset] = [`$${params.length - 1}`, `$${params.length}`];
    const facets = counting && query.facets;
    const [row] = await rawQuery(this.db)<Row>(
      `with q as (${BOTH_LANGUAGES_QUERY}),
       m as materialized (
         select d.document_type, d.document_id, d.group_id, d.tags, d.answered, d.created_at,
           ${RELEVANCE} as relevance
         from search_documents d, q where ${where.join(' and ')}),
       page as (
         select * from m order by relevance desc, created_at desc, document_id desc
         limit ${limit} offset ${offset})
       ${facets ? FACET_COUNTS : counting ? ONLY_TOTAL : ''}
       select ${counting ? '(select count from counts where set = 15)' : 'null'} as total,
         ${HITS_COLUMN}${facets ? FACET_COLUMNS : ''}`,
      params,
    );
    return {
      total: Number(row?.total ?? 0),
      hits: (parseJson<Row[]>(row?.hits) ?? []).map(toHit),
      facets: facets ? facetsOf(row ?? {}) : null,
      corrections: {},
    };
  }

  async related(query: RelatedQuery): Promise<RelatedCandidate[]> {
    const run = rawQuery(this.db);
    const terms = await run<{
      lexeme: string;
      weights: string[];
      document_count: number;
      threads: number;
    }>(
      `select u.lexeme, u.weights, coalesce(t.document_count, 1) as document_count,
         (select document_count from search_terms where lexeme = '${THREAD_COUNT_KEY}') as threads
       from search_documents d, unnest(d.search_vector) as u
       left join search_terms t on t.lexeme = u.lexeme and t.document_count > 0
       where d.document_type = 'thread' and d.document_id = $1`,
      [query.threadId],
    );
    if (terms.length === 0) return [];
    const significant = significantTerms(terms);
    if (significant.length === 0) return [];
    const generators = candidateGenerators(significant, terms).map((t) => tsqueryLiteral(t.lexeme));
    const threads = Number(terms[0]?.threads ?? 0);
    // In a large collection, a candidate must share two rare terms with the source: one shared
    // word would pull in thousands of threads to score. Too few such threads: any one will do.
    let rows =
      threads > LARGE_COLLECTION && generators.length >= 3
        ? await this.relatedCandidates(query, significant, pairsQuery(generators))
        : [];
    if (rows.length < query.limit * 2) {
      rows = await this.relatedCandidates(query, significant, generators.join(' | '));
    }
    if (rows.length === 0) return [];
    const best = Math.max(...rows.map((row) => Number(row.text_score))) || 1;
    return rows
      .map((row) => {
        const sharedTags = (row.shared_tags as string[]) ?? [];
        const tags = (row.tags as string[]) ?? [];
        const similarity =
          Number(row.text_score) / best +
          Number(row.title_similarity) +
          (0.3 * sharedTags.length) / Math.max(tags.length, 1);
        return {
          id: Number(row.document_id),
          groupId: row.group_id === null ? null : Number(row.group_id),
          groupSlug: (row.group_slug as string) ?? null,
          groupName: (row.group_name as string) ?? null,
          title: String(row.title),
          tags,
          answered: Boolean(row.answered),
          score: Number(row.score),
          participantIds: (row.participant_ids as number[]) ?? [],
          similarity,
          sharedTags,
        };
      })
      .sort((a, b) => b.similarity - a.similarity)
      .slice(0, Math.max(query.limit, 1));
  }

  /** Threads matching `candidates` (a tsquery), scored on every significant term. */
  private async relatedCandidates(
    query: RelatedQuery,
    significant: { lexeme: string; weight: number }[],
    candidates: string,
  ): Promise<Row[]> {
    const params: unknown[] = [
      query.threadId,
      significant.map((t) => t.lexeme),
      significant.map((t) => t.weight),
      candidates,
      100,
    ];
    const readable = readableCondition(query.readableGroupIds, params);
    // unnest() reads each candidate's vector once; a per-term @@ would decompress it per term.
    return rawQuery(this.db)<Row>(
      `with source as (
         select title_plain, tags from search_documents
         where document_type = 'thread' and document_id = $1),
       terms as materialized (
         select lexeme, weight from unnest($2::text[], $3::float8[]) as t(lexeme, weight)),
       candidates as (
         select d.document_id, d.group_id, d.group_slug, d.group_name, d.title, d.tags,
           d.answered, d.score, d.participant_ids, d.title_plain,
           (select coalesce(sum(t.weight * case
               when 'A' = any(u.weights) then 2
               when 'B' = any(u.weights) then 1.5
               else 1.0 end), 0)
            from unnest(d.search_vector) as u join terms t on t.lexeme = u.lexeme)
             / (1 + 0.15 * ln(1 + length(d.search_vector))) as text_score
         from search_documents d
         where d.document_type = 'thread' and d.document_id <> $1
           and d.search_vector @@ $4::tsquery and ${readable}
         order by text_score desc limit 200)
       select c.*, similarity(c.title_plain, source.title_plain) as title_similarity,
         array(select unnest(c.tags) intersect select unnest(source.tags)) as shared_tags
       from candidates c cross join source
       order by c.text_score desc limit $5`,
      params,
    );
  }

  async suggest(query: SuggestQuery): Promise<SearchHit[]> {
    const words = wordsOf(query.text).slice(0, MAX_QUERY_WORDS);
    if (words.length === 0) return [];
    const plain = foldText(query.text).trim();
    const params: unknown[] = [words.map(prefixTerm).join(' & '), plain, query.limit];
    const conditions = [readableCondition(query.readableGroupIds, params)];
    if (query.types?.length) {
      params.push(query.types);
      conditions.push(`d.document_type::text = any($${params.length}::text[])`);
    } else {
      conditions.push(`d.document_type <> 'post'`);
    }
    const rows = await rawQuery(this.db)<Row>(
      `with q as (${BOTH_LANGUAGES_QUERY}),
       ranked as (
         select d.*, ts_rank('{0.1,0.2,0.4,1.0}', d.search_vector, q.query)
                  + similarity(d.title_plain, $2) as relevance
         from search_documents d, q
         where (d.search_vector @@ q.matches or (length($2) >= 3 and d.title_plain like '%' || $2 || '%'))
           and ${conditions.join(' and ')}),
       numbered as (
         select *, row_number() over (partition by document_type
                                      order by relevance desc, score desc, document_id) as n
         from ranked)
       select n.document_type::text as type, n.document_id as id, n.thread_id, n.group_id,
         n.group_slug, n.group_name, n.key, n.title, n.tags, n.answered, n.score, n.created_at,
         n.relevance,
         ts_headline(n.language::regconfig, n.title, q.query,
           'StartSel=${MARK_START}, StopSel=${MARK_END}, HighlightAll=true') as title_highlight,
         '' as body_highlight
       from numbered n, q where n.n <= $3 order by n.relevance desc`,
      params,
    );
    return rows.map(toHit);
  }

  async health(): Promise<EngineHealth> {
    try {
      const [row] = await rawQuery(this.db)<{ count: number }>(
        'select count(*)::int as count from search_documents',
        [],
      );
      return { ok: true, engine: this.name, documents: row?.count ?? 0 };
    } catch (error) {
      return { ok: false, engine: this.name, documents: null, message: String(error) };
    }
  }
}

/** A folded word as a prefix tsquery term ("biere" -> 'biere':*); letters and digits only. */
function prefixTerm(word: string): string {
  return `${tsqueryLiteral(word)}:*`;
}

function tsqueryLiteral(text: string): string {
  return `'${text.replace(/'/g, "''").replace(/\\/g, '\\\\')}'`;
}

/**
 * Adds the readable-groups parameter and returns its condition on `d`: no group, or a readable
 * one. A case, so the planner checks it on the matches instead of ANDing a bitmap of the group
 * index: a reader reads most groups, and that bitmap (~90k rows on the bench site) cost more
 * than it filtered.
 */
function readableCondition(readable: ReadableGroups, params: unknown[]): string {
  if (readable === 'all') return 'true';
  params.push([...readable]);
  return `case when d.group_id is null then true
    else d.group_id = any($${params.length}::int[]) end`;
}

function filterConditions(query: SearchQuery, params: unknown[]): string[] {
  const conditions = [readableCondition(query.readableGroupIds, params)];
  const add = (value: unknown, condition: (placeholder: string) => string) => {
    params.push(value);
    conditions.push(condition(`$${params.length}`));
  };
  if (query.types?.length) add(query.types, (p) => `d.document_type::text = any(${p}::text[])`);
  if (query.groupIds?.length) add(query.groupIds, (p) => `d.group_id = any(${p}::int[])`);
  if (query.tags?.length) add(query.tags, (p) => `d.tags @> ${p}::text[]`);
  if (query.answered !== undefined) add(query.answered, (p) => `d.answered = ${p}::boolean`);
  if (query.createdFrom) {
    add(query.createdFrom.toISOString(), (p) => `d.created_at >= ${p}::timestamptz`);
  }
  if (query.createdTo)
    add(query.createdTo.toISOString(), (p) => `d.created_at < ${p}::timestamptz`);
  return conditions;
}

/**
 * $1 in French and in English, ORed (`query`, which ranks and highlights). Most queries read
 * alike in both, and `matches` then searches the index once instead of twice: the same
 * documents, while ranks and highlights stay those of the ORed query. `ranked_or`: ts_rank
 * ranks `query` with calc_rank_or (tsrank.c), as it does unless the top node is an AND: both
 * languages' queries are non-empty (so `query` is their OR), or `query` is a single word (a stop
 * word in one language leaves the other's alone).
 */
const BOTH_LANGUAGES_QUERY = `select fr || en as query, case when fr = en then en else fr || en end as matches,
    (numnode(fr) > 0 and numnode(en) > 0) or numnode(fr || en) = 1 as ranked_or
  from (select to_tsquery('serendip_french', $1) as fr, to_tsquery('serendip_english', $1) as en) l`;

/** The page (`page`: type, id, created_at, relevance) as JSON hits, highlighted. */
const HITS_COLUMN = `(select coalesce(json_agg(h order by h.relevance desc, h.created_at desc, h.id desc), '[]') from (
    select p.document_type::text as type, p.document_id as id, d.thread_id, d.group_id,
      d.group_slug, d.group_name, d.key, d.title, d.tags, d.answered, d.score, d.created_at,
      p.relevance,
      ts_headline(d.language::regconfig, d.title, q.query,
        'StartSel=${MARK_START}, StopSel=${MARK_END}, HighlightAll=true') as title_highlight,
      ts_headline(d.language::regconfig, left(d.body, 5000), q.query,
        'StartSel=${MARK_START}, StopSel=${MARK_END}, MaxFragments=2, MaxWords=30, MinWords=12, FragmentDelimiter=" … "') as body_highlight
    from page p cross join q
    join search_documents d on d.document_type = p.document_type
      and d.document_id = p.document_id) h) as hits`;

/** The total alone, as FACET_COUNTS's grand-total row. */
const ONLY_TOTAL = `, counts as (select 15 as set, count(*)::int as count from m)`;

/** An estimate to two significant digits: 31,840 -> 32,000 (more would be false precision). */
function roundedEstimate(value: number): number {
  if (value < 100) return Math.round(value);
  const unit = 10 ** (Math.floor(Math.log10(value)) - 1);
  return Math.round(value / unit) * unit;
}

/**
 * The total and the type, group, answered and date facets of the ranked matches `m` in one
 * grouped pass; `set` is the grouping() bit mask telling which facet a row counts (15: total).
 */
const FACET_COUNTS = `,
  counts as (
    select grouping(m.document_type, m.group_id, m.answered, b.bucket) as set,
      m.document_type::text as type, m.group_id, m.answered, b.bucket, count(*)::int as count
    from m, lateral (select case
        when m.created_at >= now() - interval '7 days' then 'week'
        when m.created_at >= now() - interval '30 days' then 'month'
        when m.created_at >= now() - interval '365 days' then 'year'
        else 'older' end as bucket) b
    group by grouping sets ((m.document_type), (m.group_id), (m.answered), (b.bucket), ()))`;

/** One JSON array per facet, from `counts`; tags from `m` (a post has several). */
const FACET_COLUMNS = `,
  (select coalesce(json_agg(json_build_object('value', type, 'count', count) order by count desc), '[]')
   from counts where set = 7) as types,
  (select coalesce(json_agg(json_build_object('value', c.group_id, 'slug', g.group_slug,
     'name', g.group_name, 'count', c.count) order by c.count desc), '[]')
   from counts c, lateral (select s.group_slug, s.group_name from search_documents s
     where s.group_id = c.group_id limit 1) g
   where c.set = 11 and c.group_id is not null) as groups,
  (select coalesce(json_agg(json_build_object('value', answered, 'count', count) order by count desc), '[]')
   from counts where set = 13) as answered,
  (select coalesce(json_agg(json_build_object('value', bucket, 'count', count)), '[]')
   from counts where set = 14) as dates,
  (select coalesce(json_agg(json_build_object('value', v, 'count', c)), '[]') from
    (select tag as v, count(*)::int as c from (select unnest(m.tags) as tag from m) t
     group by 1 order by 2 desc, 1 limit 20) x) as tags`;

/** postgres.js parses json columns; some drivers hand back the text. */
function parseJson<T>(value: unknown): T | null {
  if (value === null || value === undefined) return null;
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

const DATE_ORDER: DateBucket[] = ['week', 'month', 'year', 'older'];

function facetsOf(row: Row): SearchFacets {
  const list = <T>(name: string) => parseJson<T[]>(row[name]) ?? [];
  return {
    types: list<FacetCount<SearchDocumentType>>('types'),
    groups: list<FacetCount<number> & { slug: string | null; name: string | null }>('groups'),
    tags: list<FacetCount<string>>('tags'),
    answered: list<FacetCount<boolean>>('answered'),
    dates: list<FacetCount<DateBucket>>('dates').sort(
      (a, b) => DATE_ORDER.indexOf(a.value) - DATE_ORDER.indexOf(b.value),
    ),
  };
}

/**
 * Only the last word is a prefix (the one being typed): a prefix on every word would match far
 * more documents than the person means, and ranking them all costs time.
 */
function termOf(word: string, index: number, words: string[]): string {
  return index === words.length - 1 ? prefixTerm(word) : tsqueryLiteral(word);
}

function toHit(row: Row): SearchHit {
  return {
    type: row.type as SearchDocumentType,
    id: Number(row.id),
    threadId: row.thread_id === null ? null : Number(row.thread_id),
    groupId: row.group_id === null ? null : Number(row.group_id),
    groupSlug: (row.group_slug as string | null) ?? null,
    groupName: (row.group_name as string | null) ?? null,
    key: (row.key as string | null) ?? null,
    title: String(row.title),
    titleHighlight: markedHtml(String(row.title_highlight ?? row.title)),
    bodyHighlight: markedHtml(String(row.body_highlight ?? '')),
    tags: (row.tags as string[]) ?? [],
    answered: Boolean(row.answered),
    score: Number(row.score),
    createdAt: new Date(row.created_at as string),
    relevance: Number(row.relevance),
  };
}

/**
 * The source thread's terms worth searching for: rare across threads (idf) and prominent in the
 * source (title counts more than tags, tags more than body).
 */
function significantTerms(
  terms: { lexeme: string; weights: string[]; document_count: number; threads: number }[],
): { lexeme: string; weight: number }[] {
  const threads = Math.max(Number(terms[0]?.threads ?? 1), 1);
  const commonLimit = Math.max(20, threads * 0.5);
  return terms
    .filter((t) => t.lexeme.length >= 2 && t.document_count > 1 && t.document_count <= commonLimit)
    .map((t) => {
      const weights = t.weights ?? [];
      const prominence =
        (weights.includes('A') ? 3 : 0) +
        (weights.includes('B') ? 2 : 0) +
        Math.min(weights.filter((w) => w === 'C' || w === 'D').length, 3);
      return { lexeme: t.lexeme, weight: Math.log(1 + threads / t.document_count) * prominence };
    })
    .sort((a, b) => b.weight - a.weight || a.lexeme.localeCompare(b.lexeme))
    .slice(0, MAX_SIGNIFICANT_TERMS);
}

/** "(a & b) | (a & c) | (b & c)...": documents sharing at least two of the terms. */
function pairsQuery(literals: string[]): string {
  const pairs: string[] = [];
  for (let i = 0; i < literals.length; i += 1) {
    for (let j = i + 1; j < literals.length; j += 1)
      pairs.push(`(${literals[i]} & ${literals[j]})`);
  }
  return pairs.join(' | ');
}

/**
 * The rarer significant terms: they alone pick the candidates (common terms would pull in most of
 * the collection), while every significant term counts in the score.
 */
function candidateGenerators<T extends { lexeme: string; weight: number }>(
  significant: T[],
  terms: { lexeme: string; document_count: number; threads: number }[],
): T[] {
  const threads = Math.max(Number(terms[0]?.threads ?? 1), 1);
  const limit = Math.max(20, threads * 0.08);
  const counts = new Map(terms.map((t) => [t.lexeme, t.document_count]));
  const rare = significant.filter((t) => (counts.get(t.lexeme) ?? 0) <= limit);
  return (rare.length >= 3 ? rare : significant.slice(0, 3)).slice(0, 10);
}

/** Lexeme -> number of the given thread documents holding it, plus their own count. */
async function threadTermCounts(tx: Executor, threadIds: number[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  if (threadIds.length === 0) return counts;
  const rows = await rawQuery(tx)<{ lexeme: string; count: number }>(
    `select u.lexeme, count(*)::int as count
     from search_documents d, unnest(d.search_vector) as u
     where d.document_type = 'thread' and d.document_id = any($1::int[])
     group by u.lexeme
     union all
     select '${THREAD_COUNT_KEY}', count(*)::int from search_documents
     where document_type = 'thread' and document_id = any($1::int[])`,
    [threadIds],
  );
  for (const row of rows) counts.set(row.lexeme, Number(row.count));
  return counts;
}

/** One statement, lexemes in order, so concurrent indexers never deadlock on search_terms. */
async function applyTermDeltas(
  tx: Executor,
  before: Map<string, number>,
  after: Map<string, number>,
): Promise<void> {
  const deltas = new Map<string, number>();
  for (const [lexeme, count] of after) deltas.set(lexeme, count);
  for (const [lexeme, count] of before) deltas.set(lexeme, (deltas.get(lexeme) ?? 0) - count);
  const changed = [...deltas]
    .filter(([, delta]) => delta !== 0)
    .sort(([a], [b]) => (a < b ? -1 : 1));
  if (changed.length === 0) return;
  await rawQuery(tx)(
    `insert into search_terms (lexeme, document_count)
     select lexeme, delta from unnest($1::text[], $2::int[]) as x(lexeme, delta)
     on conflict (lexeme) do update
       set document_count = greatest(search_terms.document_count + excluded.document_count, 0)`,
    [changed.map(([lexeme]) => lexeme), changed.map(([, delta]) => delta)],
  );
}

async function upsertDocuments(tx: Executor, documents: SearchDocument[]): Promise<void> {
  const rows = documents.map((d) => {
    const title = withoutMarkers(d.title);
    const body = withoutMarkers(d.body).slice(0, MAX_BODY_CHARS);
    return {
      type: d.type,
      id: d.id,
      thread_id: d.threadId,
      group_id: d.groupId,
      group_slug: d.groupSlug,
      group_name: d.groupName,
      key: d.key,
      language: `serendip_${d.language ?? detectLanguage(`${title} ${body}`)}`,
      title,
      body,
      tags: d.tags,
      title_plain: foldText(title),
      answered: d.answered,
      score: d.score,
      author_id: d.authorId,
      participant_ids: d.participantIds,
      created_at: d.createdAt.toISOString(),
      updated_at: d.updatedAt.toISOString(),
    };
  });
  await rawQuery(tx)(
    `insert into search_documents (document_type, document_id, thread_id, group_id, group_slug,
       group_name, key, language, title, body, tags, title_plain, answered, score, author_id,
       participant_ids, search_vector, created_at, updated_at, indexed_at)
     select x.type::search_document_type, x.id, x.thread_id, x.group_id, x.group_slug,
       x.group_name, x.key, x.language, x.title, x.body, x.tags, x.title_plain, x.answered,
       x.score, x.author_id, x.participant_ids,
       -- an answer repeats its thread's title: it counts least there, so the thread ranks first
       setweight(to_tsvector(x.language::regconfig, x.title),
                 case when x.type = 'post' then 'D' else 'A' end::"char")
         || setweight(to_tsvector(x.language::regconfig, array_to_string(x.tags, ' ')), 'B')
         || setweight(to_tsvector(x.language::regconfig, x.body), 'C'),
       x.created_at, x.updated_at, clock_timestamp()
     from jsonb_to_recordset($1::jsonb) as x(type text, id int, thread_id int, group_id int,
       group_slug text, group_name text, key text, language text, title text, body text,
       tags text[], title_plain text, answered boolean, score int, author_id int,
       participant_ids int[], created_at timestamptz, updated_at timestamptz)
     on conflict (document_type, document_id) do update set
       thread_id = excluded.thread_id, group_id = excluded.group_id,
       group_slug = excluded.group_slug, group_name = excluded.group_name, key = excluded.key,
       language = excluded.language, title = excluded.title, body = excluded.body,
       tags = excluded.tags, title_plain = excluded.title_plain, answered = excluded.answered,
       score = excluded.score, author_id = excluded.author_id,
       participant_ids = excluded.participant_ids, search_vector = excluded.search_vector,
       created_at = excluded.created_at, updated_at = excluded.updated_at,
       indexed_at = excluded.indexed_at`,
    [JSON.stringify(rows)],
  );
}

/**
 * Every lexeme the batch's vectors hold, in order (no deadlock between indexers): broad searches
 * list a prefix's completions from here. Never pruned: an extra completion only makes the bound
 * more careful.
 */
async function addLexemes(tx: Executor, documents: SearchDocument[]): Promise<void> {
  await rawQuery(tx)(
    `insert into search_lexemes (lexeme)
     select distinct u.lexeme
     from unnest($1::text[], $2::int[]) as r(type, id)
     join search_documents d on d.document_type = r.type::search_document_type
       and d.document_id = r.id,
     unnest(d.search_vector) as u
     order by 1
     on conflict do nothing`,
    [documents.map((d) => d.type), documents.map((d) => d.id)],
  );
}

/** Every word of the batch, for typo correction and completion of query words. */
async function addWords(tx: Executor, documents: SearchDocument[]): Promise<void> {
  const words = new Set<string>();
  for (const d of documents) {
    for (const word of wordsOf(
      `${d.title} ${d.tags.join(' ')} ${d.body.slice(0, MAX_BODY_CHARS)}`,
    )) {
      if (word.length >= 3 && word.length <= 40) words.add(word);
    }
  }
  if (words.size === 0) return;
  await rawQuery(tx)(
    `insert into search_words (word) select w from unnest($1::text[]) as w order by w
     on conflict do nothing`,
    [[...words].sort()],
  );
}
