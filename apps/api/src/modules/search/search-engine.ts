// Chooses the search engine from the configuration: Meilisearch when MEILI_URL is set, otherwise
// the PostgreSQL full-text engine on the application's own database.
import type { Database } from '@serendip/db';
import { MeilisearchSearchEngine, PostgresSearchEngine, type SearchEngine } from '@serendip/search';
import type { Config } from '../../config.ts';

export function createSearchEngine(config: Config, db: Database): SearchEngine {
  if (config.meiliUrl) {
    return new MeilisearchSearchEngine({
      url: config.meiliUrl,
      ...(config.meiliMasterKey ? { apiKey: config.meiliMasterKey } : {}),
    });
  }
  return new PostgresSearchEngine(db, { broadMatches: config.searchBroadMatches });
}
