// Recomputes the influence snapshot every few hours inside the API process. A failed run is
// logged and retried at the next tick; a run still going when the next tick comes is not doubled.
import type { Database } from '@serendip/db';
import type { FastifyBaseLogger } from 'fastify';
import { recomputeInfluence } from '../modules/influence/influence.service.ts';

export interface InfluenceSchedule {
  stop(): void;
}

export function scheduleInfluenceRecompute(
  db: Database,
  log: FastifyBaseLogger,
  everyMs: number,
  onRun: (outcome: Error | null) => void = () => {},
): InfluenceSchedule {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const summary = await recomputeInfluence(db);
      log.info({ influence: summary }, 'influence scores recomputed');
      onRun(null);
    } catch (error) {
      log.error({ err: error }, 'influence recompute failed');
      onRun(error as Error);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), everyMs);
  // The schedule never keeps the process alive on its own.
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
