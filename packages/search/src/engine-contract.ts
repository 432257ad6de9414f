// The behaviour every SearchEngine must show, as one vitest suite: each engine's test file calls
// describeEngineContract with a factory for a fresh, empty engine.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchDocument, SearchEngine } from './engine.ts';

export interface EngineUnderTest {
  engine: SearchEngine;
  close(): Promise<void>;
}

/** How a test opens its engine: a low broadMatches makes a handful of matches a broad query. */
export interface EngineOptions {
  /**
   * Postgres: above this many matches, estimated total and facets. Meilisearch: its
   * maxTotalHits, the count at which it stops counting.
   */
  broadMatches?: number;
}

const PUBLIC_GROUP = 1;
const OTHER_PUBLIC_GROUP = 2;
const PRIVATE_GROUP = 3;

let nextId = 1;
function thread(fields: Partial<SearchDocument> & { title: string }): SearchDocument {
  const id = fields.id ?? nextId++;
  const groupId = fields.groupId === undefined ? PUBLIC_GROUP : fields.groupId;
  return {
    type: 'thread',
    id,
    threadId: id,
    groupId,
    groupSlug: groupId === null ? null : `group-${groupId}`,
    groupName: groupId === null ? null : `Group ${groupId}`,
    key: null,
    body: '',
    tags: [],
    answered: false,
    score: 0,
    authorId: 1,
    participantIds: [],
    createdAt: new Date(),
    updatedAt: new Date(),
    ...fields,
  };
}

/**
 * Opens the engine before a describe block's tests and indexes `docs`; returns how a test gets
 * the engine, or skips itself with the printed reason when the engine cannot be reached.
 */
function useIndexedEngine(
  name: string,
  open: () => Promise<EngineUnderTest | { skip: string }>,
  docs: SearchDocument[],
): (skip: (note: string) => void) => SearchEngine {
  let subject: EngineUnderTest | undefined;
  let skipReason = '';
  beforeAll(async () => {
    const opened = await open();
    if ('skip' in opened) {
      skipReason = opened.skip;
      console.warn(`[search contract] ${name} skipped: ${opened.skip}`);
      return;
    }
    subject = opened;
    await subject.engine.index(docs);
  });
  afterAll(async () => {
    await subject?.close();
  });
  return (skip) => {
    if (!subject) {
      skip(skipReason || 'engine not available');
      throw new Error('unreachable');
    }
    return subject.engine;
  };
}

export function describeEngineContract(
  name: string,
  open: (options?: EngineOptions) => Promise<EngineUnderTest | { skip: string }>,
): void {
  describe(`search engine contract: ${name}`, () => {
    const readable = [PUBLIC_GROUP, OTHER_PUBLIC_GROUP];

    const docs = {
      titleMatch: thread({ title: 'Calibrating the refractometer', body: 'Short question.' }),
      bodyMatch: thread({
        title: 'Measuring sugar before fermentation',
        body: 'I use a refractometer but the readings drift after an hour.',
      }),
      accented: thread({
        title: 'Quelle bière brassée à Lyon ?',
        body: 'Je cherche une brasserie artisanale près de la gare Part-Dieu.',
        tags: ['brasserie'],
        answered: true,
      }),
      secret: thread({
        title: 'Confidential refractometer merger plans',
        body: 'Only for the board: acquisition of the brewery.',
        groupId: PRIVATE_GROUP,
      }),
      hopsA: thread({
        title: 'Dry hopping timing for a New England IPA',
        body: 'When should I add the dry hops during fermentation to keep the haze and aroma?',
        tags: ['hops', 'ipa'],
        groupId: OTHER_PUBLIC_GROUP,
      }),
      hopsB: thread({
        title: 'How long should dry hops stay in an IPA?',
        body: 'My NEIPA loses aroma; how many days of dry hopping before cold crashing?',
        tags: ['hops', 'ipa'],
      }),
      hopsSecret: thread({
        title: 'Dry hopping schedule for our secret IPA',
        body: 'Internal recipe: dry hops on day three of fermentation, aroma and haze.',
        tags: ['hops', 'ipa'],
        groupId: PRIVATE_GROUP,
      }),
      unrelated: thread({
        title: 'Cleaning stainless steel kegs',
        body: 'Which caustic cleaner for kegs and lines?',
        tags: ['cleaning'],
      }),
      person: thread({
        type: 'user',
        threadId: null,
        groupId: null,
        key: 'zephyrine',
        title: 'Zephyrine Quillfeather',
        body: 'Cellar master, Lyon site',
      }),
    };

    const engineOr = useIndexedEngine(name, () => open(), Object.values(docs));

    it('ranks a title match above a body match', async (context) => {
      const engine = engineOr(context.skip);
      const result = await engine.search({
        text: 'refractometer',
        readableGroupIds: readable,
        limit: 10,
      });
      const ids = result.hits.map((hit) => hit.id);
      expect(ids).toEqual([docs.titleMatch.id, docs.bodyMatch.id]);
      expect(result.hits[0]!.titleHighlight).toContain('<mark>');
    });

    it('ignores accents and case', async (context) => {
      const engine = engineOr(context.skip);
      for (const text of ['BIERE brassee', 'bière', 'Brasserie']) {
        const result = await engine.search({ text, readableGroupIds: readable, limit: 10 });
        expect(
          result.hits.map((hit) => hit.id),
          text,
        ).toContain(docs.accented.id);
      }
    });

    it('finds a thread despite one typo', async (context) => {
      const engine = engineOr(context.skip);
      const result = await engine.search({
        text: 'refractomter',
        readableGroupIds: readable,
        limit: 10,
      });
      expect(result.hits.map((hit) => hit.id)).toContain(docs.titleMatch.id);
    });

    it('matches a prefix as typed', async (context) => {
      const engine = engineOr(context.skip);
      const result = await engine.search({ text: 'calibr', readableGroupIds: readable, limit: 10 });
      expect(result.hits.map((hit) => hit.id)).toContain(docs.titleMatch.id);
      const suggestions = await engine.suggest({
        text: 'stainl',
        readableGroupIds: readable,
        limit: 5,
      });
      expect(suggestions.map((hit) => hit.id)).toContain(docs.unrelated.id);
    });

    it('counts facets over the matches', async (context) => {
      const engine = engineOr(context.skip);
      const result = await engine.search({
        text: 'ipa',
        readableGroupIds: readable,
        limit: 10,
        facets: true,
      });
      expect(result.total).toBe(2);
      expect(result.facets!.tags).toEqual(
        expect.arrayContaining([
          { value: 'hops', count: 2 },
          { value: 'ipa', count: 2 },
        ]),
      );
      expect(result.facets!.groups.map((g) => [g.value, g.count]).sort()).toEqual([
        [PUBLIC_GROUP, 1],
        [OTHER_PUBLIC_GROUP, 1],
      ]);
      expect(result.facets!.answered).toEqual([{ value: false, count: 2 }]);
      expect(result.facets!.dates).toEqual([{ value: 'week', count: 2 }]);
      const filtered = await engine.search({
        text: 'ipa',
        readableGroupIds: readable,
        groupIds: [OTHER_PUBLIC_GROUP],
        limit: 10,
      });
      expect(filtered.hits.map((hit) => hit.id)).toEqual([docs.hopsA.id]);
    });

    it('finds documents of no group (people) for a reader of no group', async (context) => {
      const engine = engineOr(context.skip);
      for (const readableGroupIds of [[], readable]) {
        const result = await engine.search({ text: 'zephyrine', readableGroupIds, limit: 10 });
        expect(result.hits.map((hit) => `${hit.type}:${hit.id}`)).toEqual([
          `user:${docs.person.id}`,
        ]);
      }
    });

    it('never shows a private group to non-members', async (context) => {
      const engine = engineOr(context.skip);
      const search = await engine.search({
        text: 'refractometer',
        readableGroupIds: readable,
        limit: 10,
      });
      expect(search.hits.map((hit) => hit.id)).not.toContain(docs.secret.id);
      const suggest = await engine.suggest({
        text: 'confidential',
        readableGroupIds: readable,
        limit: 5,
      });
      expect(suggest).toEqual([]);
      const related = await engine.related({
        threadId: docs.hopsA.id,
        readableGroupIds: readable,
        limit: 5,
      });
      expect(related.map((r) => r.id)).not.toContain(docs.secret.id);
      expect(related.map((r) => r.id)).not.toContain(docs.hopsSecret.id);
      const member = await engine.search({
        text: 'confidential',
        readableGroupIds: [...readable, PRIVATE_GROUP],
        limit: 10,
      });
      expect(member.hits.map((hit) => hit.id)).toEqual([docs.secret.id]);
    });

    it('relates threads on the same topic first', async (context) => {
      const engine = engineOr(context.skip);
      const related = await engine.related({
        threadId: docs.hopsA.id,
        readableGroupIds: [...readable, PRIVATE_GROUP],
        limit: 5,
      });
      expect(
        related
          .slice(0, 2)
          .map((r) => r.id)
          .sort(),
      ).toEqual([docs.hopsB.id, docs.hopsSecret.id].sort());
      expect(related.map((r) => r.id)).not.toContain(docs.hopsA.id);
      expect(related[0]!.sharedTags.sort()).toEqual(['hops', 'ipa']);
    });

    it('forgets removed documents and keeps the others', async (context) => {
      const engine = engineOr(context.skip);
      await engine.remove([{ type: 'thread', id: docs.unrelated.id }]);
      const result = await engine.search({ text: 'kegs', readableGroupIds: readable, limit: 10 });
      expect(result.hits).toEqual([]);
      const ids = await engine.listRefs('thread');
      expect(ids).not.toContain(docs.unrelated.id);
      expect(ids).toContain(docs.titleMatch.id);
    });

    it('rebuilds without the documents that are gone', async (context) => {
      const engine = engineOr(context.skip);
      const keep = [docs.titleMatch, docs.bodyMatch];
      async function* batches() {
        yield keep;
      }
      await engine.rebuild(batches());
      expect(await engine.listRefs('thread')).toEqual(keep.map((d) => d.id).sort((a, b) => a - b));
      const result = await engine.search({
        text: 'refractometer',
        readableGroupIds: readable,
        limit: 10,
      });
      expect(result.total).toBe(2);
    });
  });

  describe(`search engine contract: ${name}, broad queries`, () => {
    const BROAD_MATCHES = 3;
    const readable = [PUBLIC_GROUP];
    const docs = {
      titleAndTag: thread({ title: 'Kombucha second fermentation', tags: ['kombucha'] }),
      title: thread({ title: 'Kombucha starter culture', body: 'Where do I get one?' }),
      body: thread({ title: 'Fizzy drinks at the office', body: 'We brew kombucha on Fridays.' }),
      body2: thread({ title: 'Tea ideas for the break room', body: 'Kombucha, or kefir?' }),
      body3: thread({ title: 'Office fridge rules', body: 'Label your kombucha jars.' }),
      narrow: thread({ title: 'Sourdough starter', body: 'Feed it every day.', answered: true }),
    };

    const engineOr = useIndexedEngine(
      `${name}, broad queries`,
      () => open({ broadMatches: BROAD_MATCHES }),
      Object.values(docs),
    );

    it('flags the total and facets of a broad query as estimates, and ranks its page', async (context) => {
      const engine = engineOr(context.skip);
      const result = await engine.search({
        text: 'kombucha',
        readableGroupIds: readable,
        limit: 2,
        facets: true,
      });
      expect(result.totalIsEstimate).toBe(true);
      expect(result.facetsAreEstimates).toBe(true);
      expect(result.total).toBeGreaterThanOrEqual(BROAD_MATCHES);
      expect(result.facets!.types[0]!.value).toBe('thread');
      // The page is still the best two: the title matches, never a body match.
      expect(result.hits.map((hit) => hit.id).sort()).toEqual(
        [docs.titleAndTag.id, docs.title.id].sort(),
      );
      const next = await engine.search({
        text: 'kombucha',
        readableGroupIds: readable,
        limit: 2,
        offset: 2,
      });
      expect(next.totalIsEstimate).toBe(true);
      expect(next.facetsAreEstimates).toBe(false);
      for (const hit of next.hits) {
        expect([docs.body.id, docs.body2.id, docs.body3.id]).toContain(hit.id);
      }
    });

    it('counts a narrow query exactly', async (context) => {
      const engine = engineOr(context.skip);
      const result = await engine.search({
        text: 'sourdough',
        readableGroupIds: readable,
        limit: 10,
        facets: true,
      });
      expect(result).toMatchObject({ total: 1, totalIsEstimate: false, facetsAreEstimates: false });
      expect(result.hits.map((hit) => hit.id)).toEqual([docs.narrow.id]);
      expect(result.facets!.answered).toEqual([{ value: true, count: 1 }]);
    });
  });
}
