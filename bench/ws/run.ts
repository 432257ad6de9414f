// bench:ws: one post fanned out to 1,000 / 5,000 / 10,000 websocket clients subscribed to its
// thread, with one API process and with two (clients split between them, the post made through the
// first): delivery latency p50/p95/p99 from the moment the post request is sent until each socket
// has the event, delivered count, and the API processes' memory per idle connection (RSS growth
// divided by the sockets opened). Prints a table and writes bench/results/ws.json.
// Env: DATABASE_URL (server; a fresh serendip_bench_ws database is created on it),
// BENCH_WS_SIZES (default 1000,5000,10000), BENCH_WS_POSTS (posts per size, default 5).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { freshDatabase } from '../lib/database.ts';
import { repositoryRoot, startServer, type RunningServer } from '../lib/processes.ts';
import type { WorkerCommand, WorkerReply } from './messages.ts';

const SIZES = (process.env.BENCH_WS_SIZES ?? '1000,5000,10000').split(',').map(Number);
const POSTS = Number(process.env.BENCH_WS_POSTS ?? 5);
const CLIENT_THREADS = 2;
const DELIVERY_TIMEOUT_MS = 15_000;
const resultsDir = `${repositoryRoot}bench/results`;

const log = (message: string) => console.error(`[bench:ws] ${message}`);
const now = () => performance.timeOrigin + performance.now();

interface Row {
  processes: number;
  sockets: number;
  posts: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  /** The post request's own round trip (the write, notifications, commit), median. */
  postP50Ms: number;
  /** From the first socket that got a post's event to the last, p95 over posts: the fan-out. */
  spreadMs: number;
  delivered: number;
  expected: number;
  kbPerConnection: number;
}

class ClientThread {
  private readonly worker = new Worker(new URL('./client-worker.mjs', import.meta.url));
  private waiting: ((reply: WorkerReply) => void)[] = [];

  constructor() {
    this.worker.on('message', (reply: WorkerReply) => this.waiting.shift()?.(reply));
    this.worker.on('error', (error) => log(`client thread failed: ${error.message}`));
  }

  /** Sends a command and resolves with the thread's next reply. */
  ask<T extends WorkerReply>(command: WorkerCommand): Promise<T> {
    return new Promise((resolve) => {
      this.waiting.push((reply) => resolve(reply as T));
      this.worker.postMessage(command);
    });
  }

  /** The reply that follows an 'expecting' acknowledgement. */
  next<T extends WorkerReply>(): Promise<T> {
    return new Promise((resolve) => this.waiting.push((reply) => resolve(reply as T)));
  }

  async stop(): Promise<void> {
    await this.ask({ kind: 'close' });
    await this.worker.terminate();
  }
}

function rssKb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
}

function percentile(sorted: number[], fraction: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]!;
}

const round = (value: number) => Math.round(value * 10) / 10;
const sorted = (values: number[]) => [...values].sort((a, b) => a - b);

interface Site {
  cookie: string;
  csrfToken: string;
  threadId: number;
}

async function call(origin: string, path: string, body: unknown, site?: Site) {
  const response = await fetch(`${origin}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(site ? { cookie: site.cookie, 'x-csrf-token': site.csrfToken } : {}),
    },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status} ${await response.text()}`);
  return { body: (await response.json()) as Record<string, unknown>, headers: response.headers };
}

const benchEmail = (label: string) => `bench-ws-${label}@example.test`;

/** A person, a group and a question to answer, made through the API. */
async function createSite(origin: string, label: string): Promise<Site> {
  const handle = `bench${label}${Date.now().toString(36)}`;
  const registered = await call(origin, '/api/auth/register', {
    email: benchEmail(label),
    password: 'correct horse battery staple',
    handle,
    displayName: 'Bench Person',
    locale: 'en',
  });
  const cookie = registered.headers.get('set-cookie')!.split(';')[0]!;
  const session = { cookie, csrfToken: String(registered.body.csrfToken), threadId: 0 };
  const slug = `bench-${label}-${Date.now().toString(36)}`;
  await call(
    origin,
    '/api/groups',
    {
      slug,
      name: `Bench ${label}`,
      description: 'Websocket fan-out',
      kind: 'professional',
      visibility: 'public',
    },
    session,
  );
  const created = await call(
    origin,
    `/api/groups/${slug}/threads`,
    {
      kind: 'question',
      title: 'How fast does an answer reach everyone reading?',
      body: 'Measuring the websocket fan-out of one answer.',
      tags: ['bench'],
      anonymous: false,
    },
    session,
  );
  const thread = created.body.thread as { id: number };
  return { ...session, threadId: thread.id };
}

async function measureShape(databaseUrl: string, processes: number): Promise<Row[]> {
  const servers: RunningServer[] = [];
  const threads: ClientThread[] = [];
  try {
    for (let index = 0; index < processes; index += 1) {
      servers.push(
        await startServer({
          script: 'apps/api/src/server.ts',
          env: {
            DATABASE_URL: databaseUrl,
            SEED_DEMO: 'never',
            SERVE_WEB: 'false',
            LOG_LEVEL: 'warn',
            POST_RATE_LIMIT: '1000',
            REGISTER_RATE_LIMIT: '1000',
            // A new member's first posts wait for review and reach nobody: the bench person is staff.
            ADMIN_EMAILS: benchEmail(`p${processes}`),
          },
          logFile: `${resultsDir}/ws-server-${processes}-${index}.log`,
        }),
      );
    }
    const origins = servers.map((server) => server.origin);
    const site = await createSite(origins[0]!, `p${processes}`);
    for (let index = 0; index < CLIENT_THREADS; index += 1) threads.push(new ClientThread());
    const baseline = servers.reduce((sum, server) => sum + rssKb(server.pid), 0);
    const rows: Row[] = [];
    let opened = 0;
    for (const size of SIZES) {
      const perThread = Math.ceil((size - opened) / CLIENT_THREADS);
      const replies = await Promise.all(
        threads.map((thread) =>
          thread.ask<Extract<WorkerReply, { kind: 'opened' }>>({
            kind: 'open',
            urls: origins,
            count: perThread,
            cookie: site.cookie,
            topic: `thread:${site.threadId}`,
          }),
        ),
      );
      opened = replies.reduce((sum, reply) => sum + reply.total, 0);
      const failed = replies.reduce((sum, reply) => sum + reply.failed, 0);
      const memory = servers.reduce((sum, server) => sum + rssKb(server.pid), 0);
      log(`${processes} process(es): ${opened} sockets open (${failed} refused)`);
      rows.push(
        await fanOut(threads, origins[0]!, site, processes, opened, (memory - baseline) / opened),
      );
    }
    return rows;
  } finally {
    await Promise.all(threads.map((thread) => thread.stop()));
    await Promise.all(servers.map((server) => server.stop()));
  }
}

/** POSTS answers one after another; each is timed until every socket has its event. */
async function fanOut(
  threads: ClientThread[],
  origin: string,
  site: Site,
  processes: number,
  sockets: number,
  kbPerConnection: number,
): Promise<Row> {
  const latencies: number[] = [];
  const postTimes: number[] = [];
  const spreads: number[] = [];
  let delivered = 0;
  for (let post = 0; post < POSTS; post += 1) {
    await Promise.all(
      threads.map((thread) => thread.ask({ kind: 'expect', timeoutMs: DELIVERY_TIMEOUT_MS })),
    );
    const results = threads.map((thread) =>
      thread.next<Extract<WorkerReply, { kind: 'received' }>>(),
    );
    const sentAt = now();
    const created = await call(
      origin,
      `/api/threads/${site.threadId}/posts`,
      { body: `Fan-out answer ${post} to ${sockets} sockets.` },
      site,
    );
    postTimes.push(now() - sentAt);
    const received = await Promise.all(results);
    const arrivals = received.flatMap((result) => result.times);
    if (arrivals.length > 0) spreads.push(Math.max(...arrivals) - Math.min(...arrivals));
    for (const result of received) {
      const wrong = result.postIds.filter((id) => id !== created.body.id);
      if (wrong.length > 0) throw new Error(`sockets saw other posts: ${wrong.join(', ')}`);
      delivered += result.times.length;
      latencies.push(...result.times.map((time) => time - sentAt));
    }
  }
  latencies.sort((a, b) => a - b);
  return {
    processes,
    sockets,
    posts: POSTS,
    p50Ms: round(percentile(latencies, 0.5)),
    p95Ms: round(percentile(latencies, 0.95)),
    p99Ms: round(percentile(latencies, 0.99)),
    maxMs: round(latencies.at(-1) ?? NaN),
    postP50Ms: round(percentile(sorted(postTimes), 0.5)),
    spreadMs: round(percentile(sorted(spreads), 0.95)),
    delivered,
    expected: sockets * POSTS,
    kbPerConnection: round(kbPerConnection),
  };
}

function printRows(rows: Row[]): void {
  const header = [
    'processes',
    'sockets',
    'p50 ms',
    'p95 ms',
    'p99 ms',
    'max ms',
    'post p50 ms',
    'spread p95 ms',
    'delivered',
    'KB/conn',
  ];
  const cells = rows.map((row) => [
    String(row.processes),
    String(row.sockets),
    String(row.p50Ms),
    String(row.p95Ms),
    String(row.p99Ms),
    String(row.maxMs),
    String(row.postP50Ms),
    String(row.spreadMs),
    `${row.delivered}/${row.expected} (${round((100 * row.delivered) / row.expected)}%)`,
    String(row.kbPerConnection),
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...cells.map((row) => row[column]!.length)),
  );
  const line = (values: string[]) =>
    values.map((value, column) => value.padStart(widths[column]!)).join('  ');
  console.log(line(header));
  for (const row of cells) console.log(line(row));
}

async function main(): Promise<void> {
  mkdirSync(resultsDir, { recursive: true });
  const databaseUrl = await freshDatabase('serendip_bench_ws');
  const rows = [...(await measureShape(databaseUrl, 1)), ...(await measureShape(databaseUrl, 2))];
  printRows(rows);
  const figures: Record<string, number> = {};
  for (const row of rows) {
    const key = `p${row.processes}_${row.sockets}`;
    figures[`${key}_p50_ms`] = row.p50Ms;
    figures[`${key}_p95_ms`] = row.p95Ms;
    figures[`${key}_p99_ms`] = row.p99Ms;
    figures[`${key}_post_p50_ms`] = row.postP50Ms;
    figures[`${key}_spread_p95_ms`] = row.spreadMs;
    figures[`${key}_delivered_pct`] = round((100 * row.delivered) / row.expected);
    figures[`${key}_kb_per_connection`] = row.kbPerConnection;
  }
  writeFileSync(`${resultsDir}/ws.json`, `${JSON.stringify(figures, null, 2)}\n`);
  log(`wrote ${resultsDir}/ws.json`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
