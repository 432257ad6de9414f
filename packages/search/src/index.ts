export * from './engine.ts';
export * from './text.ts';
export { PostgresSearchEngine } from './postgres-engine.ts';
