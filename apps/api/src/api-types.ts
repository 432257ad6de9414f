// The Fastify instance type every module receives: TypeBox schemas type the handlers.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Database } from '@serendip/db';
import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { Config } from './config.ts';
import type { InfluenceRecompute } from './jobs/influence-recompute.ts';

export type Api = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

/** What a feature module may use; each service takes only the parts it needs. */
export interface ModuleDeps {
  db: Database;
  config: Config;
  /** Influence scoring, off this thread when it can be (jobs/influence-recompute.ts). */
  recomputeInfluence: InfluenceRecompute;
}
