// How this API process recomputes influence, on schedule or on demand. On a PostgreSQL server
// the scoring runs on a worker thread with its own connection (jobs/influence-worker.ts), so
// requests and sockets keep being served; an embedded PGlite database belongs to this thread,
// so small embedded sites score inline. A run asked for while one is going joins it.
import { Worker } from 'node:worker_threads';
import type { InfluenceRecomputeResponse } from '@serendip/contracts';
import type { DatabaseHandle } from '@serendip/db';
import { recomputeInfluence } from '../modules/influence/influence.service.ts';

export type InfluenceRecompute = () => Promise<InfluenceRecomputeResponse>;

type WorkerReply = { summary: InfluenceRecomputeResponse } | { error: string };

function recomputeOnWorker(databaseUrl: string): Promise<InfluenceRecomputeResponse> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./worker-entry.mjs', import.meta.url), {
      workerData: { module: new URL('./influence-worker.ts', import.meta.url).href, databaseUrl },
    });
    worker.once('message', (reply: WorkerReply) => {
      if ('summary' in reply) resolve(reply.summary);
      else reject(new Error(`influence recompute failed: ${reply.error}`));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`influence worker exited with code ${code}`)));
  });
}

export function influenceRecompute(database: DatabaseHandle): InfluenceRecompute {
  const run = database.url
    ? () => recomputeOnWorker(database.url!)
    : () => recomputeInfluence(database.db);
  let running: Promise<InfluenceRecomputeResponse> | undefined;
  return () => {
    running ??= run().finally(() => {
      running = undefined;
    });
    return running;
  };
}
