export * from './engine.ts';
export * from './text.ts';
export { PostgresSearchEngine, type PostgresEngineOptions } from './postgres-engine.ts';
export { MeilisearchSearchEngine, type MeilisearchEngineOptions } from './meilisearch-engine.ts';
