// The engine contract on the PostgreSQL engine (PGlite, or the server named by DATABASE_URL), and
// the broad-query path's promise: the same pages as ranking every match.
import { createTestDatabase, type TestDatabase } from '@serendip/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchDocument } from './engine.ts';
import { describeEngineContract } from './engine-contract.ts';
import { PostgresSearchEngine } from './postgres-engine.ts';

describeEngineContract('postgres', async (options) => {
  const database = await createTestDatabase();
  return {
    engine: new PostgresSearchEngine(database.db, options),
    close: () => database.close(),
  };
});

/** Deterministic pseudo-random numbers: the same fixture every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

const WORDS = [
  'team',
  'teams',
  'teamwork',
  'teammate',
  'audit',
  'auditor',
  'site',
  'share',
  'shared',
  'sharepoint',
  'budget',
  'supplier',
  'request',
  'power',
  'query',
  'office',
  'printer',
  'lunch',
  'within',
  'without',
];

describe('postgres engine, broad queries', () => {
  let database: TestDatabase;
  let exact: PostgresSearchEngine;
  let broad: PostgresSearchEngine;

  beforeAll(async () => {
    database = await createTestDatabase();
    exact = new PostgresSearchEngine(database.db, { broadMatches: Number.POSITIVE_INFINITY });
    broad = new PostgresSearchEngine(database.db, { broadMatches: 1 });
    const rand = random(7);
    const pick = () => WORDS[Math.floor(rand() * WORDS.length)]!;
    const text = (count: number) => Array.from({ length: count }, pick).join(' ');
    const documents: SearchDocument[] = [];
    for (let id = 1; id <= 400; id += 1) {
      const type = id % 40 === 0 ? 'group' : id % 3 === 0 ? 'post' : 'thread';
      documents.push({
        type,
        id,
        threadId: type === 'group' ? null : id,
        groupId: 1,
        groupSlug: 'g',
        groupName: 'G',
        key: type === 'group' ? `g${id}` : null,
        // Some titles hold no query word at all: body-only matches compete with the first stage.
        title: rand() < 0.3 ? 'Question' : text(1 + Math.floor(rand() * 3)),
        // Long bodies repeat several completions of one prefix ("teams teamwork teammate").
        body: text(Math.floor(rand() * 40)),
        tags: rand() < 0.3 ? [pick()] : [],
        answered: rand() < 0.5,
        // Groups score their members: a few very high scores.
        score: type === 'group' ? 500 + id : Math.floor(rand() * 12) - 1,
        authorId: 1,
        participantIds: [],
        language: 'english',
        createdAt: new Date(Date.UTC(2026, 0, 1 + (id % 50))),
        updatedAt: new Date(Date.UTC(2026, 0, 1)),
      });
    }
    // Body-only matches that outrank title matches: several completions of one prefix, and a
    // huge score (the first stage must take them in, or refuse its page).
    const outliers: [string, number][] = [
      ['teamwork teammate teams team teamwork teammate', 10],
      ['sharepoint shared share sharepoint shared', 10],
      ['budget request budget request', 2_000_000_000],
      ['audit auditor audit auditor', 2_000_000],
    ];
    for (const [body, score] of outliers) {
      const id = documents.length + 1;
      documents.push({
        ...documents[0]!,
        id,
        threadId: id,
        title: 'Question',
        tags: [],
        body,
        score,
      });
    }
    await exact.index(documents);
  });
  afterAll(async () => {
    await database.close();
  });

  it('returns the pages ranking every match returns, from the first stage when it can', async () => {
    const queries = [
      'team',
      'tea',
      'audit',
      'aud',
      'shar',
      'share point',
      'site',
      'budget req',
      'request budget',
      // A stop word in English: the query is the French one alone, a single prefix word.
      'with',
    ];
    for (const text of queries) {
      for (const offset of [0, 20, 40, 100]) {
        const query = { text, readableGroupIds: [1], limit: 10, offset, facets: true };
        const [expected, actual] = [await exact.search(query), await broad.search(query)];
        const page = (hits: typeof expected.hits) =>
          hits.map((hit) => `${hit.type}:${hit.id}:${hit.relevance.toFixed(6)}`);
        expect(page(actual.hits), `${text} @${offset}`).toEqual(page(expected.hits));
        expect(actual.totalIsEstimate, text).toBe(true);
        expect(expected.totalIsEstimate, text).toBe(false);
        // The sample is the whole (small) table here: the estimates are the exact counts.
        expect(actual.total, text).toBe(expected.total);
        expect(actual.facets, text).toEqual(expected.facets);
      }
    }
    expect(broad.broadPages.firstStage).toBeGreaterThan(0);
  });
});
