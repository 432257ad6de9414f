// The search indexer: drains search_outbox into the engine in batches. Rows are claimed with
// FOR UPDATE SKIP LOCKED and leased (available_at pushed ahead), so several API processes share
// the work and a crashed run's rows come back after the lease. A failed batch stays in the outbox
// with exponential backoff: an engine outage never blocks or loses a write. Index lag (commit of
// the write -> searchable) is recorded per row.
import { rawQuery, type Database } from '@serendip/db';
import type { DocumentRef, SearchDocumentType, SearchEngine } from '@serendip/search';
import type { FastifyBaseLogger } from 'fastify';
import { allDocumentIds, buildSearchDocuments } from './search-indexer-documents.ts';

export interface SearchIndexerOptions {
  /** Outbox rows per engine call. */
  batchSize?: number;
  /** Polling interval for work written by other processes or waiting out a backoff. */
  intervalMs?: number;
  /** How long a claimed batch stays invisible to other indexers. */
  leaseMs?: number;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
}

export interface IndexLagStats {
  /** Rows indexed since start. */
  indexed: number;
  /** Lag over the last LAG_SAMPLES indexed rows, in milliseconds. */
  lagP50Ms: number | null;
  lagP95Ms: number | null;
  lagMaxMs: number | null;
  lastIndexedAt: string | null;
  failures: number;
  lastError: string | null;
}

interface ClaimedRow {
  id: number;
  document_type: SearchDocumentType;
  document_id: number;
  attempts: number;
  lag_ms: number;
}

const LAG_SAMPLES = 2000;
const WAKE_DELAY_MS = 20;
const SUMMARY_EVERY_MS = 60_000;

export class SearchIndexer {
  private readonly batchSize: number;
  private readonly intervalMs: number;
  private readonly leaseMs: number;
  private readonly backoffBaseMs: number;
  private readonly backoffMaxMs: number;
  private running: Promise<void> = Promise.resolve();
  private wakeTimer: NodeJS.Timeout | undefined;
  private interval: NodeJS.Timeout | undefined;
  private stopped = false;
  private readonly lags: number[] = [];
  private indexed = 0;
  private failures = 0;
  private lastError: string | null = null;
  private lastIndexedAt: Date | null = null;
  private lastSummaryAt = Date.now();
  private indexedSinceSummary = 0;

  constructor(
    private readonly db: Database,
    readonly engine: SearchEngine,
    private readonly log: FastifyBaseLogger,
    options: SearchIndexerOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 500;
    this.intervalMs = options.intervalMs ?? 1000;
    this.leaseMs = options.leaseMs ?? 30_000;
    this.backoffBaseMs = options.backoffBaseMs ?? 1000;
    this.backoffMaxMs = options.backoffMaxMs ?? 5 * 60_000;
  }

  /** Starts polling; wake() is also called after every write this process answers. */
  start(): void {
    this.interval = setInterval(() => this.wake(), this.intervalMs);
    this.interval.unref();
    this.wake();
  }

  /** Runs the indexer soon; a burst of writes is indexed in one batch. */
  wake(): void {
    if (this.stopped || this.wakeTimer) return;
    this.wakeTimer = setTimeout(() => {
      this.wakeTimer = undefined;
      void this.exclusive(() => this.drainAvailable(false)).catch((error: unknown) => {
        this.log.warn({ err: error }, 'search indexer: batch failed, will retry with backoff');
      });
    }, WAKE_DELAY_MS);
    this.wakeTimer.unref();
  }

  /**
   * Indexes everything pending, including rows waiting out a backoff, and resolves when the
   * outbox is empty; rejects when the engine fails (the rows stay queued).
   */
  async drain(): Promise<void> {
    await this.exclusive(() => this.drainAvailable(true));
  }

  /** Stops polling and waits for the batch in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.interval);
    clearTimeout(this.wakeTimer);
    this.wakeTimer = undefined;
    await this.running.catch(() => {});
  }

  stats(): IndexLagStats {
    const sorted = [...this.lags].sort((a, b) => a - b);
    const at = (q: number) =>
      sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! : null;
    return {
      indexed: this.indexed,
      lagP50Ms: at(0.5),
      lagP95Ms: at(0.95),
      lagMaxMs: sorted.length ? sorted[sorted.length - 1]! : null,
      lastIndexedAt: this.lastIndexedAt?.toISOString() ?? null,
      failures: this.failures,
      lastError: this.lastError,
    };
  }

  /** Rows waiting in the outbox, and the age of the oldest in milliseconds. */
  async pending(): Promise<{ rows: number; oldestAgeMs: number | null }> {
    const [row] = await rawQuery(this.db)<{ rows: number; oldest_ms: number | null }>(
      `select count(*)::int as rows,
         (extract(epoch from clock_timestamp() - min(created_at)) * 1000)::float8 as oldest_ms
       from search_outbox`,
      [],
    );
    return { rows: row?.rows ?? 0, oldestAgeMs: row?.oldest_ms ?? null };
  }

  /**
   * Rebuilds the whole index from the database (pnpm reindex): every document is rebuilt and
   * handed to the engine's rebuild, which swaps without downtime; the outbox rows queued before
   * the start are covered and deleted.
   */
  async reindex(): Promise<{ documents: number }> {
    return this.exclusive(async () => {
      let count = 0;
      const db = this.db;
      const batchSize = this.batchSize;
      async function* batches() {
        for (const type of ['group', 'user', 'thread', 'post'] as const) {
          const ids = await allDocumentIds(db, type);
          for (let i = 0; i < ids.length; i += batchSize) {
            const refs = ids.slice(i, i + batchSize).map((id) => ({ type, id }));
            const { documents } = await buildSearchDocuments(db, refs);
            count += documents.length;
            if (documents.length) yield documents;
          }
        }
      }
      await this.engine.rebuild(batches());
      return { documents: count };
    });
  }

  /** One run at a time per process: the wake-ups, drain() and reindex() queue behind each other. */
  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const result = this.running.catch(() => {}).then(work);
    this.running = result.then(
      () => {},
      () => {},
    );
    return result;
  }

  private async drainAvailable(includeDelayed: boolean): Promise<void> {
    while (!this.stopped || includeDelayed) {
      const claimed = await this.claim(includeDelayed);
      if (claimed.length === 0) return;
      await this.process(claimed);
    }
  }

  private async claim(includeDelayed: boolean): Promise<ClaimedRow[]> {
    return rawQuery(this.db)<ClaimedRow>(
      `update search_outbox o
       set available_at = clock_timestamp() + make_interval(secs => $2::float8 / 1000),
           attempts = o.attempts + 1
       from (select id from search_outbox
             where $3::boolean or available_at <= clock_timestamp()
             order by id limit $1 for update skip locked) c
       where o.id = c.id
       returning o.id, o.document_type::text as document_type, o.document_id, o.attempts,
         (extract(epoch from clock_timestamp() - o.created_at) * 1000)::float8 as lag_ms`,
      [this.batchSize, this.leaseMs, includeDelayed],
    );
  }

  private async process(claimed: ClaimedRow[]): Promise<void> {
    const ids = claimed.map((row) => Number(row.id));
    const refs = uniqueRefs(claimed);
    const started = Date.now();
    try {
      const { documents, removed } = await buildSearchDocuments(this.db, refs);
      if (documents.length) await this.engine.index(documents);
      if (removed.length) await this.engine.remove(removed);
      await rawQuery(this.db)('delete from search_outbox where id = any($1::bigint[])', [ids]);
    } catch (error) {
      await this.backOff(claimed);
      this.failures += 1;
      this.lastError = error instanceof Error ? error.message : String(error);
      throw error;
    }
    this.recordLag(claimed, Date.now() - started);
    this.log.debug(
      { rows: claimed.length, documents: refs.length, ms: Date.now() - started },
      'search indexer: batch indexed',
    );
  }

  private async backOff(claimed: ClaimedRow[]): Promise<void> {
    const ids = claimed.map((row) => Number(row.id));
    await rawQuery(this.db)(
      `update search_outbox set available_at = clock_timestamp() + make_interval(
         secs => least($2::float8 * power(2, greatest(attempts - 1, 0)), $3::float8) / 1000)
       where id = any($1::bigint[])`,
      [ids, this.backoffBaseMs, this.backoffMaxMs],
    );
  }

  private recordLag(claimed: ClaimedRow[], processingMs: number): void {
    for (const row of claimed) {
      this.lags.push(Number(row.lag_ms) + processingMs);
      if (this.lags.length > LAG_SAMPLES) this.lags.shift();
    }
    this.indexed += claimed.length;
    this.indexedSinceSummary += claimed.length;
    this.lastIndexedAt = new Date();
    if (Date.now() - this.lastSummaryAt >= SUMMARY_EVERY_MS) {
      const stats = this.stats();
      this.log.info(
        { indexed: this.indexedSinceSummary, lagP50Ms: stats.lagP50Ms, lagP95Ms: stats.lagP95Ms },
        'search indexer: index lag',
      );
      this.lastSummaryAt = Date.now();
      this.indexedSinceSummary = 0;
    }
  }
}

function uniqueRefs(rows: ClaimedRow[]): DocumentRef[] {
  const seen = new Map<string, DocumentRef>();
  for (const row of rows) {
    seen.set(`${row.document_type}:${row.document_id}`, {
      type: row.document_type,
      id: Number(row.document_id),
    });
  }
  return [...seen.values()];
}
