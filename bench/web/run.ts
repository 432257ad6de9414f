// bench:web: the thread page (50 posts) server-rendered by the one-process server (SvelteKit SSR
// calling the API in-process) on the generated bench:api site: throughput and p99 at saturation
// and at a fixed rate, CPU per page, compared with the same thread as API JSON from the same
// process; and the JavaScript the browser downloads for that page, gzipped. Prints a table and
// writes bench/results/web.json (one flat object).
// Env: DATABASE_URL (server to use; a fresh serendip_bench_web database is created on it),
// BENCH_SECONDS (per measured run, default 15), BENCH_CONNECTIONS (default 16),
// BENCH_RATE (fixed-rate run, default 300 req/s, lowered to 80% of the saturation throughput
// when the server cannot reach it), BENCH_CPU_PROF=1 (CPU profile of the server).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { generateSite } from '../api/generate.ts';
import { CpuMeter } from '../lib/cpu.ts';
import { freshDatabase, openSql } from '../lib/database.ts';
import { paced, saturate, type LoadFigures, type RequestSpec } from '../lib/load.ts';
import { repositoryRoot, startServer, type RunningServer } from '../lib/processes.ts';
import { printTable, type TableRow } from '../lib/report.ts';
import { measureShippedJs } from './shipped-js.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const RATE = Number(process.env.BENCH_RATE ?? 300);
const WARM_UP_SECONDS = 3;
const POOL_SIZE = '10';
const THREAD_POSTS = 50;
const resultsDir = join(repositoryRoot, 'bench', 'results');
const webDir = join(repositoryRoot, 'apps', 'web');

const log = (message: string) => console.error(`[bench:web] ${message}`);
const settle = () => new Promise((resolve) => setTimeout(resolve, 1000));
const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** The production build is what is measured: rebuilt when older than the sources. */
function ensureWebBuild(): void {
  const handler = join(webDir, 'build', 'handler.js');
  const sources = Math.max(newestMtime(join(webDir, 'src')), newestMtime(join(webDir, 'static')));
  if (existsSync(handler) && statSync(handler).mtimeMs > sources) return;
  log('building the web app');
  const vite = join(webDir, 'node_modules', '.bin', 'vite');
  // Production mode whatever NODE_ENV the caller has (vitest's "test" gives Svelte's dev build).
  const built = spawnSync(vite, ['build', '--logLevel', 'warn'], {
    cwd: webDir,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (built.status !== 0) throw new Error('vite build failed');
}

async function registerReader(origin: string): Promise<string> {
  const response = await fetch(`${origin}/api/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      email: 'web-bench@bench.example',
      password: 'bench-password-123',
      handle: 'webbench',
      displayName: 'Web Bench Reader',
      locale: 'fr',
    }),
  });
  if (response.status !== 201) {
    throw new Error(`register answered ${response.status}: ${await response.text()}`);
  }
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('serendip_session='));
  return cookie!.split(';')[0]!;
}

/** The page must be the real thread page with its 50 posts before anything is measured. */
async function checkThreadPage(origin: string, path: string, cookie: string): Promise<string> {
  const response = await fetch(`${origin}${path}`, { headers: { cookie } });
  const html = await response.text();
  if (response.status !== 200) {
    throw new Error(`GET ${path} answered ${response.status}: ${html.slice(0, 300)}`);
  }
  const posts = html.match(/<article id="post-\d+"/g)?.length ?? 0;
  if (posts !== THREAD_POSTS) throw new Error(`GET ${path} shows ${posts} posts, not 50`);
  return html;
}

interface Measured {
  figures: LoadFigures;
  serverCpuMs: number;
  databaseCpuMs: number;
}

async function measure(
  server: RunningServer,
  cpu: CpuMeter,
  run: () => Promise<LoadFigures>,
): Promise<Measured> {
  await settle();
  const before = await cpu.snapshot(server.pid);
  const figures = await run();
  const perRequest = await cpu.perRequest(server.pid, before, figures.ok);
  return { figures, serverCpuMs: perRequest.serverMs, databaseCpuMs: perRequest.databaseMs };
}

function figuresOf(prefix: string, measured: Measured): Record<string, number> {
  const { figures } = measured;
  return {
    [`${prefix}_rps`]: Math.round(figures.rps),
    [`${prefix}_p50_ms`]: round(figures.p50Ms),
    [`${prefix}_p99_ms`]: round(figures.p99Ms),
    [`${prefix}_errors`]: figures.errors,
    [`${prefix}_server_cpu_ms`]: round(measured.serverCpuMs),
    [`${prefix}_database_cpu_ms`]: round(measured.databaseCpuMs),
  };
}

async function main(): Promise<void> {
  const loadAverageAtStart = os.loadavg()[0]!;
  mkdirSync(resultsDir, { recursive: true });
  ensureWebBuild();
  log('creating the database');
  const databaseUrl = await freshDatabase('serendip_bench_web');
  log('generating the site');
  const site = await generateSite(databaseUrl);
  log(`${site.counts.posts} posts in ${site.counts.threads} threads, ${site.seconds.toFixed(1)} s`);

  const server = await startServer({
    script: 'apps/api/src/server.ts',
    env: {
      DATABASE_URL: databaseUrl,
      DATABASE_POOL_SIZE: POOL_SIZE,
      SEED_DEMO: 'never',
      LOG_LEVEL: 'warn',
      REGISTER_RATE_LIMIT: '1000',
      NODE_ENV: 'production',
    },
    logFile: join(resultsDir, 'web-server.log'),
    nodeFlags:
      process.env.BENCH_CPU_PROF === '1'
        ? ['--cpu-prof', `--cpu-prof-dir=${join(resultsDir, 'profiles')}`]
        : [],
  });
  const meterDatabase = await openSql(databaseUrl, 1);
  try {
    const cookie = await registerReader(server.origin);
    const pagePath = `/sujets/${site.hotThreadId}`;
    const html = await checkThreadPage(server.origin, pagePath, cookie);
    const page: RequestSpec = { method: 'GET', path: pagePath, headers: { cookie } };
    const json: RequestSpec = {
      method: 'GET',
      path: `/api/threads/${site.hotThreadId}`,
      headers: { cookie },
    };
    const local = ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(databaseUrl).hostname);
    const cpu = new CpuMeter(meterDatabase.postgresClient!, local);

    log(`warming up (${WARM_UP_SECONDS} s)`);
    await saturate({
      origin: server.origin,
      connections: CONNECTIONS,
      seconds: WARM_UP_SECONDS,
      request: page,
    });
    log(`thread page at saturation (${SECONDS} s, ${CONNECTIONS} connections)`);
    const pageSaturated = await measure(server, cpu, () =>
      saturate({
        origin: server.origin,
        connections: CONNECTIONS,
        seconds: SECONDS,
        request: page,
      }),
    );
    // A fixed rate the server can sustain (the target, or 80% of what it reached), so p99 means
    // latency at a steady load rather than the length of a backlog.
    const rate = Math.max(1, Math.min(RATE, Math.floor(pageSaturated.figures.rps * 0.8)));
    log(`thread page at ${rate} req/s (${SECONDS} s)`);
    const pagePaced = await measure(server, cpu, () =>
      paced({ origin: server.origin, rate, seconds: SECONDS, next: () => page }),
    );
    log(`thread API JSON at saturation (${SECONDS} s)`);
    const jsonSaturated = await measure(server, cpu, () =>
      saturate({
        origin: server.origin,
        connections: CONNECTIONS,
        seconds: SECONDS,
        request: json,
      }),
    );
    log('measuring the JavaScript of the thread page');
    const shipped = await measureShippedJs(html, new URL(pagePath, server.origin), { cookie });

    const rows: TableRow[] = [
      {
        scenario: 'thread page (SSR, 50 posts)',
        load: `${CONNECTIONS} conns`,
        ...pageSaturated.figures,
      },
      { scenario: 'thread page (SSR, 50 posts)', load: `${rate} req/s`, ...pagePaced.figures },
      {
        scenario: 'thread API JSON (same process)',
        load: `${CONNECTIONS} conns`,
        ...jsonSaturated.figures,
      },
    ];
    printTable(rows);
    console.log('');
    console.log(
      [
        `server CPU per page: ${pageSaturated.serverCpuMs.toFixed(2)} ms (API JSON alone: ${jsonSaturated.serverCpuMs.toFixed(2)} ms)`,
        `database CPU per page: ${pageSaturated.databaseCpuMs.toFixed(2)} ms`,
        `HTML of the page: ${Buffer.byteLength(html)} bytes, ${gzipSync(html, { level: 9 }).length} gzipped`,
        `JavaScript for the thread page: ${shipped.files} files, ${shipped.rawBytes} bytes, ${shipped.gzipBytes} gzipped (${(shipped.gzipBytes / 1024).toFixed(1)} KB)`,
        `largest (gzipped): ${shipped.largest.map((file) => `${file.path.split('/').pop()} ${file.gzipBytes}`).join(', ')}`,
      ].join('\n'),
    );

    const figures: Record<string, number | string> = {
      site_posts: site.counts.posts,
      thread_posts: THREAD_POSTS,
      connections: CONNECTIONS,
      seconds: SECONDS,
      ...figuresOf('thread_page', pageSaturated),
      thread_page_paced_rate: rate,
      ...figuresOf('thread_page_paced', pagePaced),
      ...figuresOf('thread_json', jsonSaturated),
      thread_page_html_bytes: Buffer.byteLength(html),
      thread_page_html_gzip_bytes: gzipSync(html, { level: 9 }).length,
      thread_page_js_files: shipped.files,
      thread_page_js_raw_bytes: shipped.rawBytes,
      thread_page_js_gzip_bytes: shipped.gzipBytes,
      thread_page_js_gzip_kb: round(shipped.gzipBytes / 1024, 1),
      target_rps: 300,
      target_js_gzip_kb: 100,
      cpus: os.cpus().length,
      load_average_1m_at_start: round(loadAverageAtStart),
      node: process.version,
    };
    writeFileSync(join(resultsDir, 'web.json'), `${JSON.stringify(figures, null, 2)}\n`);
    log(`figures written to bench/results/web.json`);
  } finally {
    await Promise.all([server.stop(), meterDatabase.close()]);
  }
}

await main();
