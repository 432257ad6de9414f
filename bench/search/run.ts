// bench:search: the PostgreSQL search engine on a generated 100k-post site (bench/api/generate):
// full index build, then search and related-thread latency through the API (app.inject: session,
// validation, readable groups, engine, serialization; no network), then index lag (write ->
// searchable) while answers are posted at a steady 20 per second with the indexer running as in
// production. Prints a table and writes bench/results/search.json (one flat object).
// Env: DATABASE_URL (server; a sibling database serendip_bench_search is created on it),
// BENCH_QUERIES (per latency scenario, default 400), BENCH_LAG_SECONDS (default 15).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { buildApp } from '../../apps/api/src/app.ts';
import { loadConfig } from '../../apps/api/src/config.ts';
import { openDatabase } from '../../packages/db/src/index.ts';
import { titleSubjects } from '../api/site-content.ts';
import { generateSite, type PostingSession } from '../api/generate.ts';
import { freshDatabase, type Sql } from '../lib/database.ts';
import { repositoryRoot } from '../lib/processes.ts';

const QUERIES = Number(process.env.BENCH_QUERIES ?? 400);
const LAG_SECONDS = Number(process.env.BENCH_LAG_SECONDS ?? 15);
const WRITE_RATE = 20;
const resultsDir = `${repositoryRoot}bench/results`;

const log = (message: string) => console.error(`[bench:search] ${message}`);

/** Deterministic pseudo-random numbers, so two runs ask the same queries. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}
const rand = random(42);
const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;

/** One to three consecutive words of a generated title subject; some cut short or misspelt. */
function searchQuery(): string {
  const words = pick(titleSubjects)
    .split(/\s+/)
    .filter((word) => word.length >= 3);
  const start = Math.floor(rand() * words.length);
  const chosen = words.slice(start, start + 1 + Math.floor(rand() * 3));
  const roll = rand();
  const last = chosen.length - 1;
  if (roll < 0.2 && chosen[last]!.length > 4) chosen[last] = chosen[last]!.slice(0, -2);
  else if (roll < 0.3 && chosen[last]!.length > 4) {
    const w = chosen[last]!;
    chosen[last] = `${w.slice(0, 1)}${w[2]}${w[1]}${w.slice(3)}`;
  }
  return chosen.join(' ');
}

function percentile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}

interface Latency {
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  /** The slowest requests, slowest first: where the tail comes from. */
  slowest: { path: string; ms: number }[];
  /** CPU per request of this process (API) and of the database server's backends. */
  apiCpuMs: number;
  serverCpuMs: number | null;
}

/** Clock ticks per second of /proc/<pid>/stat on Linux. */
const CLOCK_TICKS = 100;

/**
 * CPU time (ms) the server's backends for this database have used, read from /proc: a figure
 * the other load on a shared machine distorts far less than wall-clock latency. Null when the
 * server is not a local process we can read.
 */
async function serverCpu(sql: Sql): Promise<Map<number, number> | null> {
  const rows = await sql<{ pid: number }[]>`
    select pid from pg_stat_activity where datname = current_database()`;
  const used = new Map<number, number>();
  try {
    for (const { pid } of rows) {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      // utime and stime are fields 14 and 15; the split starts at field 3.
      used.set(pid, ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS);
    }
  } catch {
    return null;
  }
  return used;
}

function serverCpuSpent(before: Map<number, number> | null, after: Map<number, number> | null) {
  if (!before || !after) return null;
  let spent = 0;
  for (const [pid, ms] of after) spent += ms - (before.get(pid) ?? 0);
  return spent;
}

const SLOWEST_SHOWN = 5;

async function measure(
  sql: Sql,
  count: number,
  nextPath: () => string,
  request: (path: string) => Promise<number>,
): Promise<Latency> {
  const timed: { path: string; ms: number }[] = [];
  let errors = 0;
  const serverBefore = await serverCpu(sql);
  const apiBefore = process.cpuUsage();
  for (let i = 0; i < count; i += 1) {
    const path = nextPath();
    const started = performance.now();
    const status = await request(path);
    timed.push({ path, ms: performance.now() - started });
    if (status !== 200) errors += 1;
  }
  const api = process.cpuUsage(apiBefore);
  const server = serverCpuSpent(serverBefore, await serverCpu(sql));
  const times = timed.map((t) => t.ms).sort((a, b) => a - b);
  return {
    apiCpuMs: (api.user + api.system) / 1000 / count,
    serverCpuMs: server === null ? null : server / count,
    p50: percentile(times, 0.5),
    p95: percentile(times, 0.95),
    p99: percentile(times, 0.99),
    errors,
    slowest: [...timed].sort((a, b) => b.ms - a.ms).slice(0, SLOWEST_SHOWN),
  };
}

function logSlowest(scenario: string, latency: Latency): void {
  log(`${scenario}: ${SLOWEST_SHOWN} slowest`);
  for (const { path, ms } of latency.slowest) log(`  ${ms.toFixed(1).padStart(7)} ms  ${path}`);
}

async function main(): Promise<void> {
  const loadAtStart = os.loadavg()[0]!;
  log('generating the 100k-post site');
  const url = await freshDatabase('serendip_bench_search');
  const site = await generateSite(url);
  log(`generated ${JSON.stringify(site.counts)} in ${site.seconds.toFixed(1)} s`);

  const database = await openDatabase({ url, maxConnections: 10 });
  const config = {
    ...loadConfig({ LOG_LEVEL: 'warn', SEED_DEMO: 'never', DATABASE_URL: url }),
    searchIndexer: 'manual' as const,
    postRateLimit: 1_000_000,
    searchRateLimit: 1_000_000,
  };
  const app = await buildApp(config, { database, logger: false });
  await app.ready();
  try {
    const indexStarted = performance.now();
    const { documents } = await app.searchIndexer.reindex();
    const indexSeconds = (performance.now() - indexStarted) / 1000;
    log(`indexed ${documents} documents in ${indexSeconds.toFixed(1)} s`);
    await database.postgresClient!`vacuum analyze search_documents`;

    const reader = site.postingSessions[0]!;
    const get = async (path: string) =>
      (await app.inject({ method: 'GET', url: path, headers: { cookie: reader.cookie } }))
        .statusCode;

    // Warm the plans and caches a little before measuring.
    for (let i = 0; i < 20; i += 1) {
      await get(`/api/search?q=${encodeURIComponent(searchQuery())}`);
      await get(`/api/threads/${pick(site.readThreadIds)}/related?limit=5`);
    }
    log(`search: ${QUERIES} queries`);
    const sql = database.postgresClient!;
    const search = await measure(
      sql,
      QUERIES,
      () => `/api/search?q=${encodeURIComponent(searchQuery())}`,
      get,
    );
    logSlowest('search', search);
    log(`related: ${QUERIES} threads`);
    const related = await measure(
      sql,
      QUERIES,
      () => `/api/threads/${pick(site.readThreadIds)}/related?limit=5`,
      get,
    );
    logSlowest('related', related);

    log(`index lag: ${WRITE_RATE} answers/s for ${LAG_SECONDS} s`);
    const lag = await measureLag(app, site.postingSessions, site.readThreadIds);

    const figures = {
      posts: site.counts.posts,
      threads: site.counts.threads,
      indexed_documents: documents,
      index_build_seconds: round(indexSeconds),
      search_p50_ms: round(search.p50),
      search_p95_ms: round(search.p95),
      search_p99_ms: round(search.p99),
      search_errors: search.errors,
      search_api_cpu_ms: round(search.apiCpuMs),
      search_server_cpu_ms: search.serverCpuMs === null ? NaN : round(search.serverCpuMs),
      related_p50_ms: round(related.p50),
      related_p95_ms: round(related.p95),
      related_p99_ms: round(related.p99),
      related_errors: related.errors,
      related_api_cpu_ms: round(related.apiCpuMs),
      related_server_cpu_ms: related.serverCpuMs === null ? NaN : round(related.serverCpuMs),
      write_rate_per_s: WRITE_RATE,
      writes: lag.writes,
      write_errors: lag.errors,
      index_lag_p50_ms: round(lag.p50),
      index_lag_p95_ms: round(lag.p95),
      index_lag_max_ms: round(lag.max),
      cpus: os.cpus().length,
      load_average_1m_at_start: round(loadAtStart),
    };
    printFigures(figures);
    mkdirSync(resultsDir, { recursive: true });
    writeFileSync(`${resultsDir}/search.json`, `${JSON.stringify(figures, null, 2)}\n`);
  } finally {
    await app.close();
    await database.close();
  }
}

/**
 * Posts answers at a fixed rate with the indexer running as in production (woken after each
 * write and on its interval); the lag of each row is commit -> indexed, as the indexer records
 * it. Waits for the outbox to empty before reading the figures.
 */
async function measureLag(
  app: Awaited<ReturnType<typeof buildApp>>,
  sessions: PostingSession[],
  threadIds: number[],
): Promise<{ writes: number; errors: number; p50: number; p95: number; max: number }> {
  const indexer = app.searchIndexer;
  const indexedBefore = indexer.stats().indexed;
  indexer.start();
  const total = WRITE_RATE * LAG_SECONDS;
  const started = performance.now();
  const pending: Promise<void>[] = [];
  let errors = 0;
  for (let i = 0; i < total; i += 1) {
    const due = started + (i * 1000) / WRITE_RATE;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const session = pick(sessions);
    pending.push(
      app
        .inject({
          method: 'POST',
          url: `/api/threads/${pick(threadIds)}/posts`,
          headers: {
            cookie: session.cookie,
            'x-csrf-token': session.csrfToken,
            'content-type': 'application/json',
          },
          payload: JSON.stringify({ body: `Benchmark answer ${i}: try the VPN from the hotel.` }),
        })
        .then((response) => {
          if (response.statusCode !== 201) errors += 1;
        }),
    );
  }
  await Promise.all(pending);
  await indexer.drain();
  await indexer.stop();
  const stats = indexer.stats();
  log(`indexed ${stats.indexed - indexedBefore} outbox rows during the write run`);
  return {
    writes: total,
    errors,
    p50: stats.lagP50Ms ?? NaN,
    p95: stats.lagP95Ms ?? NaN,
    max: stats.lagMaxMs ?? NaN,
  };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/** NaN (not measured) as n/a. */
function shown(value: number | undefined): string {
  return value === undefined || Number.isNaN(value) ? 'n/a' : String(value);
}

function printFigures(figures: Record<string, number>): void {
  const rows: [string, string, string, string, string][] = [
    ['scenario', 'p50 ms', 'p95 ms', 'p99 ms', 'target'],
    [
      'search (facets, highlights)',
      String(figures.search_p50_ms),
      String(figures.search_p95_ms),
      String(figures.search_p99_ms),
      'p95 <= 50',
    ],
    [
      'related threads',
      String(figures.related_p50_ms),
      String(figures.related_p95_ms),
      String(figures.related_p99_ms),
      'p95 <= 50',
    ],
    [
      `index lag @ ${WRITE_RATE} writes/s`,
      String(figures.index_lag_p50_ms),
      String(figures.index_lag_p95_ms),
      `max ${figures.index_lag_max_ms}`,
      'p95 <= 2000',
    ],
  ];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  for (const row of rows) {
    console.log(
      row
        .map((cell, column) =>
          column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!),
        )
        .join('  '),
    );
  }
  console.log(
    `${figures.posts} posts, ${figures.indexed_documents} documents indexed in ${figures.index_build_seconds} s; errors: search ${figures.search_errors}, related ${figures.related_errors}, writes ${figures.write_errors}`,
  );
  console.log(
    `CPU per request (API / database server): search ${figures.search_api_cpu_ms} / ${shown(figures.search_server_cpu_ms)} ms, related ${figures.related_api_cpu_ms} / ${shown(figures.related_server_cpu_ms)} ms; load average at start ${figures.load_average_1m_at_start}, now ${round(os.loadavg()[0]!)}`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
