// The engine contract on Meilisearch, when a server is reachable at MEILI_URL; otherwise the
// suite is skipped with the reason printed. Each run uses its own index, deleted afterwards.
import { randomBytes } from 'node:crypto';
import { Meilisearch } from 'meilisearch';
import { describe, expect, it } from 'vitest';
import { SearchUnavailableError } from './engine.ts';
import { describeEngineContract, type EngineUnderTest } from './engine-contract.ts';
import { MeilisearchSearchEngine } from './meilisearch-engine.ts';

describeEngineContract(
  'meilisearch',
  async (options): Promise<EngineUnderTest | { skip: string }> => {
    const url = process.env.MEILI_URL;
    if (!url) return { skip: 'MEILI_URL is not set' };
    const apiKey = process.env.MEILI_MASTER_KEY;
    const client = new Meilisearch({ host: url, ...(apiKey ? { apiKey } : {}), timeout: 2000 });
    const healthy = await client.isHealthy().catch(() => false);
    if (!healthy) return { skip: `no Meilisearch server answers at ${url}` };
    const indexName = `serendip_contract_${randomBytes(4).toString('hex')}`;
    const engine = new MeilisearchSearchEngine({
      url,
      ...(apiKey ? { apiKey } : {}),
      indexName,
      ...(options?.broadMatches ? { maxTotalHits: options.broadMatches } : {}),
    });
    return {
      engine,
      close: async () => {
        await client.deleteIndexIfExists(indexName);
      },
    };
  },
);

describe('meilisearch engine without a server', () => {
  it('reports an unreachable server as SearchUnavailableError, so the indexer retries', async () => {
    // Port 9 (discard) is closed on test machines: the connection is refused at once.
    const engine = new MeilisearchSearchEngine({
      url: 'http://127.0.0.1:9',
      requestTimeoutMs: 1000,
    });
    const document = {
      type: 'thread' as const,
      id: 1,
      threadId: 1,
      groupId: 1,
      groupSlug: 'g',
      groupName: 'G',
      key: null,
      title: 'Unreachable',
      body: '',
      tags: [],
      answered: false,
      score: 0,
      authorId: null,
      participantIds: [],
      createdAt: new Date(),
      updatedAt: new Date(),
    };
    await expect(engine.index([document])).rejects.toBeInstanceOf(SearchUnavailableError);
    const health = await engine.health();
    expect(health).toMatchObject({ ok: false, engine: 'meilisearch', documents: null });
  });
});
