// The posting rate limit (route option for @fastify/rate-limit): new threads and posts per minute
// and person, so a script or a stuck client cannot flood a group.
import type { RateLimitOptions } from '@fastify/rate-limit';
import type { FastifyRequest } from 'fastify';
import type { Config } from '../config.ts';
import { DomainError } from '../errors.ts';

/** Per person, not per address: colleagues behind one proxy must not share a budget. */
function posterKey(request: FastifyRequest): string {
  // The session hook has run (route hooks come after the app's), so the viewer is known here.
  return request.viewer ? `user:${request.viewer.id}` : `ip:${request.ip}`;
}

export function postingRateLimit(config: Config): RateLimitOptions {
  return {
    max: config.postRateLimit,
    timeWindow: '1 minute',
    keyGenerator: posterKey,
    errorResponseBuilder: (_request, context) =>
      new DomainError(
        'rate_limited',
        `You are posting too fast (at most ${context.max} a minute); try again in ${context.after}.`,
      ),
  };
}
