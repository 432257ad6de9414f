// Load generators and the figures they report: autocannon for closed-loop saturation, and a paced
// open-loop generator for fixed rates (autocannon's overallRate sends each connection's per-second
// quota back to back and then idles, so it measures bursts rather than a steady rate).
import http from 'node:http';
import autocannon, { type AutocannonRequest } from 'autocannon';

export interface RequestSpec {
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface LoadFigures {
  /** Successful (2xx) responses per second. */
  rps: number;
  p50Ms: number;
  p99Ms: number;
  /** 2xx responses. */
  ok: number;
  /** Non-2xx responses plus connection errors and timeouts. */
  errors: number;
  statusCodes: Record<string, number>;
  seconds: number;
  /** Every 2xx latency, sorted (to merge runs); not a reported figure. */
  latencies: Float64Array;
}

function percentile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

/** One set of figures for several runs of the same scenario (e.g. interleaved with another). */
export function mergeFigures(runs: LoadFigures[]): LoadFigures {
  const latencies = Float64Array.from(runs.flatMap((run) => [...run.latencies])).sort();
  const seconds = runs.reduce((sum, run) => sum + run.seconds, 0);
  const statusCodes: Record<string, number> = {};
  for (const run of runs) {
    for (const [code, count] of Object.entries(run.statusCodes)) {
      statusCodes[code] = (statusCodes[code] ?? 0) + count;
    }
  }
  return {
    rps: latencies.length / seconds,
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
    ok: latencies.length,
    errors: runs.reduce((sum, run) => sum + run.errors, 0),
    statusCodes,
    seconds,
    latencies,
  };
}

/** Latencies and outcomes of one run; percentiles are exact (every sample kept, sub-ms). */
class Recorder {
  private latencies: number[] = [];
  private statusCodes: Record<string, number> = {};
  private failures = 0;

  response(status: number, latencyMs: number): void {
    this.statusCodes[status] = (this.statusCodes[status] ?? 0) + 1;
    if (status >= 200 && status < 300) this.latencies.push(latencyMs);
  }

  failure(): void {
    this.failures += 1;
  }

  figures(seconds: number): LoadFigures {
    const sorted = Float64Array.from(this.latencies).sort();
    const ok = sorted.length;
    const total = Object.values(this.statusCodes).reduce((sum, count) => sum + count, 0);
    return {
      rps: ok / seconds,
      p50Ms: percentile(sorted, 0.5),
      p99Ms: percentile(sorted, 0.99),
      ok,
      errors: total - ok + this.failures,
      statusCodes: this.statusCodes,
      seconds,
      latencies: sorted,
    };
  }
}

export interface SaturationOptions {
  origin: string;
  connections: number;
  seconds: number;
  /** One fixed request, or a function giving each next request (reads spread over many rows). */
  request: RequestSpec | (() => RequestSpec);
  /**
   * autocannon's own rate limit, shared by the connections: each sends its share of the second
   * back to back, then waits for the next second. Raw latencies are recorded (its coordinated
   * omission correction assumes a 1 ms interval whatever the rate).
   */
  overallRate?: number;
}

/** As many requests as `connections` keep-alive connections can push, one in flight each. */
export async function saturate(options: SaturationOptions): Promise<LoadFigures> {
  const recorder = new Recorder();
  const { request } = options;
  const requests = [
    {
      setupRequest: (base: AutocannonRequest) =>
        typeof request === 'function' ? { ...base, ...request() } : base,
    },
  ];
  const started = performance.now();
  const instance = autocannon({
    connections: options.connections,
    duration: options.seconds,
    timeout: 10,
    ...(options.overallRate
      ? { overallRate: options.overallRate, ignoreCoordinatedOmission: true }
      : {}),
    ...(typeof request === 'function'
      ? { url: options.origin, requests }
      : { ...request, url: `${options.origin}${request.path}` }),
  });
  instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) =>
    recorder.response(status, ms),
  );
  instance.on('reqError', () => recorder.failure());
  await instance;
  return recorder.figures((performance.now() - started) / 1000);
}

/** How long a paced run waits for late responses before counting them as errors. */
const GRACE_SECONDS = 5;

export interface PacedOptions {
  origin: string;
  /** Requests per second, sent evenly spaced whatever the responses do (open loop). */
  rate: number;
  seconds: number;
  next: () => RequestSpec;
}

/**
 * A fixed arrival rate. Latency runs from the moment a request was due, not when it could be
 * sent, so a server that falls behind shows it (no coordinated omission).
 */
export async function paced(options: PacedOptions): Promise<LoadFigures> {
  const recorder = new Recorder();
  const target = new URL(options.origin);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const total = Math.round(options.rate * options.seconds);
  const intervalMs = 1000 / options.rate;
  const started = performance.now();
  let sent = 0;
  let settled = 0;
  let finished = false;
  const outstanding = new Set<http.ClientRequest>();

  await new Promise<void>((resolve) => {
    // A server that cannot keep up would otherwise make the run last as long as its backlog;
    // requests still queued in the agent are aborted too, or they would load the next scenario.
    const deadline = setTimeout(
      () => {
        finished = true;
        for (const request of outstanding) request.destroy();
        agent.destroy();
        resolve();
      },
      (options.seconds + GRACE_SECONDS) * 1000,
    );
    const settle = () => {
      if (finished) return false;
      settled += 1;
      if (settled === total) {
        finished = true;
        clearTimeout(deadline);
        resolve();
      }
      return true;
    };
    const send = (dueAt: number) => {
      const spec = options.next();
      const request = http.request(
        {
          agent,
          host: target.hostname,
          port: target.port,
          method: spec.method,
          path: spec.path,
          headers: spec.headers,
          timeout: 10_000,
        },
        (response) => {
          response.on('data', () => {});
          response.on('end', () => {
            const latency = performance.now() - dueAt;
            if (!finished) recorder.response(response.statusCode ?? 0, latency);
            settle();
          });
        },
      );
      outstanding.add(request);
      request.on('close', () => outstanding.delete(request));
      request.on('timeout', () => request.destroy(new Error('timeout')));
      request.on('error', () => {
        if (settle()) recorder.failure();
      });
      request.end(spec.body);
    };
    const tick = () => {
      const due = Math.min(total, Math.floor((performance.now() - started) / intervalMs) + 1);
      for (; sent < due; sent += 1) send(started + sent * intervalMs);
      if (sent < total && !finished) setTimeout(tick, 1);
    };
    tick();
  });
  agent.destroy();
  for (let late = total - settled; late > 0; late -= 1) recorder.failure();
  return recorder.figures((performance.now() - started) / 1000);
}
