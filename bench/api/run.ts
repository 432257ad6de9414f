// bench:api: thread read, thread list and post create on a generated 100k-post site, at
// saturation and at fixed rates, against our API and a bare Fastify + postgres.js ceiling started
// in the same run. Prints a table and writes bench/results/api.json (one flat object).
// Env: DATABASE_URL (server to use; a fresh serendip_bench database is created on it),
// BENCH_SECONDS (per measured run, default 15), BENCH_CONNECTIONS (default 32),
// BENCH_CPU_PROF=1 (CPU profile of our server into bench/results/profiles).
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { CpuMeter } from '../lib/cpu.ts';
import { freshDatabase, openSql } from '../lib/database.ts';
import { mergeFigures, paced, saturate, type LoadFigures, type RequestSpec } from '../lib/load.ts';
import { repositoryRoot, startServer, type RunningServer } from '../lib/processes.ts';
import { printTable, type TableRow } from '../lib/report.ts';
import { generateSite, type SiteFixture } from './generate.ts';
import { answerTemplates } from './site-content.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const POOL_SIZE = '10';
const READ_RATE = 1000;
/** A rate this 2-core machine can sustain, so the latency figure means something here too. */
const LOW_READ_RATE = Number(process.env.BENCH_LOW_READ_RATE ?? 250);
const LIST_RATE = 100;
const POST_RATE = 50;
const resultsDir = `${repositoryRoot}bench/results`;

const log = (message: string) => console.error(`[bench:api] ${message}`);
const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;

interface BenchUser {
  cookie: string;
  csrfToken: string;
}

/** Signs up through the API, as a person would; reads need the session cookie. */
async function registerBenchUser(origin: string): Promise<BenchUser> {
  const response = await fetch(`${origin}/api/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      email: 'bench@bench.example',
      password: 'bench-password-123',
      handle: 'bench',
      displayName: 'Bench Reader',
    }),
  });
  if (response.status !== 201) {
    throw new Error(`register answered ${response.status}: ${await response.text()}`);
  }
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('serendip_session='));
  const body = (await response.json()) as { csrfToken: string };
  return { cookie: cookie!.split(';')[0]!, csrfToken: body.csrfToken };
}

/** Both servers must return the hot thread with its 50 posts before anything is measured. */
async function checkThreadRead(origin: string, path: string, cookie?: string): Promise<number> {
  const response = await fetch(`${origin}${path}`, { headers: cookie ? { cookie } : {} });
  const text = await response.text();
  if (response.status !== 200) {
    throw new Error(`GET ${path} answered ${response.status}: ${text.slice(0, 300)}`);
  }
  const posts = (JSON.parse(text) as { posts: unknown[] }).posts.length;
  if (posts !== 50) throw new Error(`GET ${path} returned ${posts} posts instead of 50`);
  return Buffer.byteLength(text);
}

type Figures = Record<string, number>;

function named(prefix: string, figures: LoadFigures, suffix = ''): Figures {
  const round = (value: number) => Math.round(value * 100) / 100;
  return {
    [`${prefix}_rps${suffix}`]: Math.round(figures.rps),
    [`${prefix}_p50_ms${suffix}`]: round(figures.p50Ms),
    [`${prefix}_p99_ms${suffix}`]: round(figures.p99Ms),
    [`${prefix}_errors${suffix}`]: figures.errors,
  };
}

function row(scenario: string, load: string, figures: LoadFigures): TableRow {
  return { scenario, load, ...figures };
}

interface Scenario {
  cpu: CpuMeter;
  ours: RunningServer;
  bare: RunningServer;
  user: BenchUser;
  site: SiteFixture;
  rows: TableRow[];
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 1000));

interface MeasuredRun {
  figures: LoadFigures;
  serverCpuMs: number;
  databaseCpuMs: number;
}

/** A saturation run with the CPU the server and its database backends spent on it. */
async function measuredRun(
  s: Scenario,
  server: RunningServer,
  request: RequestSpec | (() => RequestSpec),
  seconds: number,
): Promise<MeasuredRun> {
  await settle(); // the previous run's backlog drains before this one starts
  const before = await s.cpu.snapshot(server.pid);
  const figures = await saturate({
    origin: server.origin,
    connections: CONNECTIONS,
    seconds,
    request,
  });
  const cpu = await s.cpu.perRequest(server.pid, before, figures.ok);
  return {
    figures,
    serverCpuMs: cpu.serverMs * figures.ok,
    databaseCpuMs: cpu.databaseMs * figures.ok,
  };
}

/** Merged figures of several runs, with CPU per request in ms. */
function combine(prefix: string, runs: MeasuredRun[], figures: Figures): LoadFigures {
  const merged = mergeFigures(runs.map((run) => run.figures));
  const perRequest = (total: number) => Math.round((total / merged.ok) * 1000) / 1000;
  Object.assign(figures, named(prefix, merged), {
    [`${prefix}_server_cpu_ms_per_req`]: perRequest(
      runs.reduce((sum, run) => sum + run.serverCpuMs, 0),
    ),
    [`${prefix}_db_cpu_ms_per_req`]: perRequest(
      runs.reduce((sum, run) => sum + run.databaseCpuMs, 0),
    ),
  });
  return merged;
}

function ratios(figures: Figures, ours: string, bare: string, name: string): void {
  const round = (value: number) => Math.round(value * 1000) / 1000;
  figures[`${name}_ratio`] = round(figures[`${ours}_rps`]! / figures[`${bare}_rps`]!);
  const cpu = (prefix: string) =>
    figures[`${prefix}_server_cpu_ms_per_req`]! + figures[`${prefix}_db_cpu_ms_per_req`]!;
  // What the throughput ratio would be if CPU were the only limit: steadier on a busy machine.
  figures[`${name}_cpu_ratio`] = round(cpu(bare) / cpu(ours));
}

/** Ours and bare interleaved ABBA, so drift on a shared machine hits both alike. */
async function readSaturation(s: Scenario, figures: Figures): Promise<void> {
  const oursHot: RequestSpec = {
    method: 'GET',
    path: `/api/threads/${s.site.hotThreadId}`,
    headers: { cookie: s.user.cookie },
  };
  const bareHot: RequestSpec = { method: 'GET', path: `/threads/${s.site.hotThreadId}` };
  log('warm-up');
  await measuredRun(s, s.ours, oursHot, 3);
  await measuredRun(s, s.bare, bareHot, 3);
  log('thread read at saturation, ours vs bare (ABBA)');
  const half = SECONDS / 2;
  const a1 = await measuredRun(s, s.ours, oursHot, half);
  const b1 = await measuredRun(s, s.bare, bareHot, half);
  const b2 = await measuredRun(s, s.bare, bareHot, half);
  const a2 = await measuredRun(s, s.ours, oursHot, half);
  s.rows.push(
    row(
      'thread read (50 posts)',
      `${CONNECTIONS} conns`,
      combine('thread_read', [a1, a2], figures),
    ),
  );
  s.rows.push(
    row('bare read (50 posts)', `${CONNECTIONS} conns`, combine('bare_read', [b1, b2], figures)),
  );
  ratios(figures, 'thread_read', 'bare_read', 'thread_read');

  log('thread read spread over 500 threads, ours vs bare');
  const spreadOurs = await measuredRun(
    s,
    s.ours,
    () => ({
      method: 'GET',
      path: `/api/threads/${pick(s.site.readThreadIds)}`,
      headers: { cookie: s.user.cookie },
    }),
    half,
  );
  const spreadBare = await measuredRun(
    s,
    s.bare,
    () => ({ method: 'GET', path: `/threads/${pick(s.site.readThreadIds)}` }),
    half,
  );
  s.rows.push(
    row(
      'thread read (500 threads)',
      `${CONNECTIONS} conns`,
      combine('thread_read_spread', [spreadOurs], figures),
    ),
  );
  s.rows.push(
    row(
      'bare read (500 threads)',
      `${CONNECTIONS} conns`,
      combine('bare_read_spread', [spreadBare], figures),
    ),
  );
  ratios(figures, 'thread_read_spread', 'bare_read_spread', 'thread_read_spread');
}

/** Paced runs: a rate this machine can sustain first, then the issue's 1,000 req/s. */
async function readAtFixedRate(s: Scenario, figures: Figures): Promise<void> {
  const request = (): RequestSpec => ({
    method: 'GET',
    path: `/api/threads/${s.site.hotThreadId}`,
    headers: { cookie: s.user.cookie },
  });
  for (const [rate, seconds] of [
    [LOW_READ_RATE, SECONDS / 2],
    [READ_RATE, SECONDS],
  ] as const) {
    await settle();
    log(`thread read at a fixed ${rate} req/s`);
    const steady = await paced({ origin: s.ours.origin, rate, seconds, next: request });
    s.rows.push(row('thread read (50 posts)', `${rate} req/s`, steady));
    Object.assign(figures, named('thread_read', steady, `_at_${rate}rps`));
  }
  // The issue's "thread read on a 100k-post site" at 1,000 req/s, spread like real traffic.
  await settle();
  log(`thread read over 500 threads at a fixed ${READ_RATE} req/s`);
  const spread = await paced({
    origin: s.ours.origin,
    rate: READ_RATE,
    seconds: SECONDS,
    next: () => ({
      method: 'GET',
      path: `/api/threads/${pick(s.site.readThreadIds)}`,
      headers: { cookie: s.user.cookie },
    }),
  });
  s.rows.push(row('thread read (500 threads)', `${READ_RATE} req/s`, spread));
  Object.assign(figures, named('thread_read_spread', spread, `_at_${READ_RATE}rps`));
  await settle();
  log(`thread read at ${READ_RATE} req/s with autocannon's overallRate (bursts each second)`);
  const bursts = await saturate({
    origin: s.ours.origin,
    connections: CONNECTIONS,
    seconds: SECONDS / 2,
    request: request(),
    overallRate: READ_RATE,
  });
  s.rows.push(row('thread read (50 posts)', `${READ_RATE} req/s burst`, bursts));
  Object.assign(figures, named('thread_read', bursts, `_at_${READ_RATE}rps_autocannon`));
}

async function threadList(s: Scenario, figures: Figures): Promise<void> {
  const request = (): RequestSpec => ({
    method: 'GET',
    path: `/api/groups/${pick(s.site.listGroupSlugs)}/threads?sort=activity`,
    headers: { cookie: s.user.cookie },
  });
  log('thread list at saturation');
  const full = combine(
    'thread_list',
    [await measuredRun(s, s.ours, request, SECONDS / 2)],
    figures,
  );
  await settle();
  log(`thread list at a fixed ${LIST_RATE} req/s`);
  const steady = await paced({
    origin: s.ours.origin,
    rate: LIST_RATE,
    seconds: SECONDS / 2,
    next: request,
  });
  s.rows.push(row('thread list (activity)', `${CONNECTIONS} conns`, full));
  s.rows.push(row('thread list (activity)', `${LIST_RATE} req/s`, steady));
  Object.assign(figures, named('thread_list', steady, `_at_${LIST_RATE}rps`));
}

/** Answers from many people over many threads, so no single row or user is the bottleneck. */
async function postCreate(s: Scenario, figures: Figures): Promise<void> {
  let counter = 0;
  const request = (): RequestSpec => {
    const session = pick(s.site.postingSessions);
    counter += 1;
    return {
      method: 'POST',
      path: `/api/threads/${pick(s.site.readThreadIds)}/posts`,
      headers: {
        cookie: session.cookie,
        'x-csrf-token': session.csrfToken,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ body: `${pick(answerTemplates)}\n\n(bench answer ${counter})` }),
    };
  };
  await settle();
  log(`post create at a fixed ${POST_RATE} req/s`);
  const steady = await paced({
    origin: s.ours.origin,
    rate: POST_RATE,
    seconds: SECONDS,
    next: request,
  });
  log('post create at saturation');
  const full = combine(
    'post_create',
    [await measuredRun(s, s.ours, request, SECONDS / 2)],
    figures,
  );
  s.rows.push(row('post create', `${POST_RATE} req/s`, steady));
  s.rows.push(row('post create', `${CONNECTIONS} conns`, full));
  Object.assign(figures, named('post_create', steady, `_at_${POST_RATE}rps`));
}

async function startServers(
  databaseUrl: string,
): Promise<{ ours: RunningServer; bare: RunningServer }> {
  const nodeFlags = process.env.BENCH_CPU_PROF
    ? ['--cpu-prof', `--cpu-prof-dir=${resultsDir}/profiles`]
    : [];
  const ours = await startServer({
    script: 'apps/api/src/server.ts',
    env: {
      DATABASE_URL: databaseUrl,
      DATABASE_POOL_SIZE: POOL_SIZE,
      SEED_DEMO: 'never',
      LOG_LEVEL: 'warn',
      REGISTER_RATE_LIMIT: '1000',
      POST_RATE_LIMIT: '1000000',
    },
    logFile: `${resultsDir}/api-server.log`,
    nodeFlags,
  });
  const bare = await startServer({
    script: 'bench/api/bare-server.ts',
    env: { DATABASE_URL: databaseUrl, DATABASE_POOL_SIZE: POOL_SIZE },
    logFile: `${resultsDir}/bare-server.log`,
  });
  return { ours, bare };
}

async function main(): Promise<void> {
  const started = performance.now();
  mkdirSync(resultsDir, { recursive: true });
  const loadAverage = os.loadavg()[0]!;
  log('fresh database serendip_bench');
  const databaseUrl = await freshDatabase('serendip_bench');
  log('generating the site');
  const site = await generateSite(databaseUrl);
  log(`${site.counts.posts} posts in ${site.counts.threads} threads, ${site.seconds.toFixed(1)} s`);
  const { ours, bare } = await startServers(databaseUrl);
  const figures: Figures = {
    site_posts: site.counts.posts,
    site_threads: site.counts.threads,
    site_users: site.counts.users,
    generate_seconds: Math.round(site.seconds * 10) / 10,
  };
  const rows: TableRow[] = [];
  const meterDatabase = await openSql(databaseUrl, 1);
  try {
    const user = await registerBenchUser(ours.origin);
    figures.thread_read_bytes = await checkThreadRead(
      ours.origin,
      `/api/threads/${site.hotThreadId}`,
      user.cookie,
    );
    figures.bare_read_bytes = await checkThreadRead(bare.origin, `/threads/${site.hotThreadId}`);
    const local = ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(databaseUrl).hostname);
    const cpu = new CpuMeter(meterDatabase.postgresClient!, local);
    const scenario: Scenario = { cpu, ours, bare, user, site, rows };
    await readSaturation(scenario, figures);
    await readAtFixedRate(scenario, figures);
    await threadList(scenario, figures);
    await postCreate(scenario, figures);
    await settle();
  } finally {
    await Promise.all([ours.stop(), bare.stop(), meterDatabase.close()]);
  }
  Object.assign(figures, {
    connections: CONNECTIONS,
    seconds_per_run: SECONDS,
    machine_cores: os.cpus().length,
    load_average_1m_at_start: Math.round(loadAverage * 100) / 100,
    total_seconds: Math.round((performance.now() - started) / 1000),
  });
  printTable(rows);
  console.log(
    `\nthread read ratio (ours / bare): ${figures.thread_read_ratio} (target >= 0.8); ` +
      `by CPU per request: ${figures.thread_read_cpu_ratio}`,
  );
  const cpu = (prefix: string) =>
    `server ${figures[`${prefix}_server_cpu_ms_per_req`]} + database ${figures[`${prefix}_db_cpu_ms_per_req`]} ms`;
  console.log(`CPU per thread read: ours ${cpu('thread_read')}; bare ${cpu('bare_read')}`);
  console.log(
    `thread read p99 at ${READ_RATE} req/s: ${figures[`thread_read_p99_ms_at_${READ_RATE}rps`]} ms (target <= 50)`,
  );
  writeFileSync(`${resultsDir}/api.json`, `${JSON.stringify(figures, null, 2)}\n`);
  console.log(`\nwrote bench/results/api.json`);
}

await main();
