// Entry of the API's worker threads. Node starts a worker from a JavaScript file only, and the
// loader the API runs under (tsx) is not inherited by workers: this registers it, then imports
// the TypeScript module named in workerData.module.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.module);
