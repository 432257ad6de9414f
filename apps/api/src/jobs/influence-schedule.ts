// Recomputes the influence snapshot every few hours. A failed run is logged and retried at the
// next tick; a run still going when the next tick comes is joined, not doubled.
import type { FastifyBaseLogger } from 'fastify';
import type { InfluenceRecompute } from './influence-recompute.ts';

export interface InfluenceSchedule {
  stop(): void;
}

export function scheduleInfluenceRecompute(
  recompute: InfluenceRecompute,
  log: FastifyBaseLogger,
  everyMs: number,
  onRun: (outcome: Error | null) => void = () => {},
): InfluenceSchedule {
  const tick = async () => {
    try {
      const summary = await recompute();
      log.info({ influence: summary }, 'influence scores recomputed');
      onRun(null);
    } catch (error) {
      log.error({ err: error }, 'influence recompute failed');
      onRun(error as Error);
    }
  };
  const timer = setInterval(() => void tick(), everyMs);
  // The schedule never keeps the process alive on its own.
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
