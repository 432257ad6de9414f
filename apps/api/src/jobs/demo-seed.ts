// Seeds the demo company on first start in embedded mode.
import type { Database } from '@serendip/db';
import type { FastifyBaseLogger } from 'fastify';

export async function seedDemoIfEmpty(_db: Database, _log: FastifyBaseLogger): Promise<void> {}
