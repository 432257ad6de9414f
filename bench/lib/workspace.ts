// Libraries the benchmarks borrow from the workspace packages that depend on them (the root
// package only has dev tools): postgres.js from @serendip/db and Fastify from the API.
import { createRequire } from 'node:module';
import type PostgresFactory from '../../packages/db/node_modules/postgres';

export { default as Fastify } from '../../apps/api/node_modules/fastify/fastify.js';

const requireFromDb = createRequire(new URL('../../packages/db/package.json', import.meta.url));

/** postgres.js itself, untouched by drizzle (which makes the client return dates as text). */
export const postgres = requireFromDb('postgres') as typeof PostgresFactory;
