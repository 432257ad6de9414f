// One influence recompute on a thread of its own, with its own database connection: scoring a
// large forum takes seconds of CPU (about 10 s at 1M interactions, bench:influence), which on the
// API's thread would stall every request and live socket meanwhile.
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '@serendip/db';
import { recomputeInfluence } from '../modules/influence/influence.service.ts';

const { databaseUrl } = workerData as { databaseUrl: string };
const database = await openDatabase({ url: databaseUrl, maxConnections: 1 });
try {
  parentPort!.postMessage({ summary: await recomputeInfluence(database.db) });
} catch (error) {
  parentPort!.postMessage({ error: error instanceof Error ? error.message : String(error) });
} finally {
  await database.close();
}
