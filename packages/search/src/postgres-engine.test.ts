// The engine contract on the PostgreSQL engine (PGlite, or the server named by DATABASE_URL).
import { createTestDatabase } from '@serendip/db/testing';
import { describeEngineContract } from './engine-contract.ts';
import { PostgresSearchEngine } from './postgres-engine.ts';

describeEngineContract('postgres', async () => {
  const database = await createTestDatabase();
  return { engine: new PostgresSearchEngine(database.db), close: () => database.close() };
});
