// `pnpm reindex`: rebuilds the search index from the database with the configured engine
// (environment as for the server). Searches keep working meanwhile: the PostgreSQL engine
// replaces documents in place, Meilisearch builds a new index and swaps it in.
import { buildApp } from '../app.ts';
import { ConfigError, loadConfig } from '../config.ts';

async function main(): Promise<void> {
  const config = { ...loadConfig(), searchIndexer: 'manual' as const };
  const app = await buildApp(config);
  try {
    const started = Date.now();
    const { documents } = await app.searchIndexer.reindex();
    const health = await app.searchIndexer.engine.health();
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    process.stdout.write(`reindex: ${documents} documents into ${health.engine} in ${seconds} s\n`);
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
