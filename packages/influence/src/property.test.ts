// Property tests: invariants of the scores whatever the interactions (fast-check).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildEndorsementGraph } from './graph.ts';
import { computeInfluence, scoreOf } from './influence.ts';
import { indexInteractions } from './interaction-index.ts';
import { expertiseRank } from './expertise-rank.ts';
import { DEFAULT_CONFIG } from './config.ts';
import { EPOCH, DAY_MS } from './test-fixtures.ts';
import {
  COMPONENT_NAMES,
  type InfluenceResult,
  type Interaction,
  type InteractionKind,
  type Person,
  type PersonScore,
} from './types.ts';

// Ids include ones that would trip a plain object lookup.
const IDS = ['p0', 'p1', 'p2', 'p3', 'p4', 'p5', 'constructor', '__proto__'];
const KINDS: InteractionKind[] = ['question', 'answer', 'reply', 'vote', 'accept', 'rating'];

const interactionArbitrary: fc.Arbitrary<Interaction> = fc
  .record({
    kind: fc.constantFrom(...KINDS),
    actor: fc.constantFrom(...IDS),
    target: fc.constantFrom(...IDS),
    at: fc.integer({ min: 0, max: 400 * DAY_MS }).map((offset) => EPOCH + offset),
    groupId: fc.constantFrom('g0', 'g1', 'g2'),
    tags: fc.subarray(['t0', 't1', 't2']),
    weight: fc.option(fc.oneof(fc.constantFrom(-1, 1), fc.integer({ min: 1, max: 5 })), {
      nil: undefined,
    }),
  })
  .map(({ weight, ...rest }) => (weight === undefined ? rest : { ...rest, weight }));

const peopleArbitrary: fc.Arbitrary<Map<string, Person>> = fc
  .array(fc.tuple(fc.constantFrom('d0', 'd1', 'd2'), fc.constantFrom('s0', 's1')), {
    minLength: IDS.length,
    maxLength: IDS.length,
  })
  .map(
    (places) =>
      new Map(IDS.map((id, i) => [id, { department: places[i]![0], site: places[i]![1] }])),
  );

const inputArbitrary = fc.record({
  interactions: fc.array(interactionArbitrary, { maxLength: 60 }),
  people: peopleArbitrary,
});

const allValues = (score: PersonScore): number[] => [
  score.combined,
  ...COMPONENT_NAMES.flatMap((name) => [
    score.components[name],
    score.normalized[name],
    score.contributions[name],
  ]),
  ...Object.values(score.details),
];

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));

function expectSameScores(a: PersonScore, b: PersonScore): void {
  for (const name of COMPONENT_NAMES) {
    expect(close(a.components[name], b.components[name]), name).toBe(true);
    expect(close(a.normalized[name], b.normalized[name]), name).toBe(true);
  }
  expect(close(a.combined, b.combined)).toBe(true);
}

/** Whenever two people's combined scores clearly differ, they are in the same order. */
function expectSameOrder(
  a: InfluenceResult,
  b: InfluenceResult,
  rename: (id: string) => string,
): void {
  const positionInB = new Map(b.people.map((score, i) => [score.personId, i]));
  for (let i = 0; i < a.people.length; i++) {
    for (let j = i + 1; j < a.people.length; j++) {
      if (a.people[i]!.combined - a.people[j]!.combined <= 1e-9) continue;
      const first = positionInB.get(rename(a.people[i]!.personId))!;
      const second = positionInB.get(rename(a.people[j]!.personId))!;
      expect(first).toBeLessThan(second);
    }
  }
}

describe('influence scores (properties)', () => {
  it('are finite, and normalized values and the combined score lie in [0, 1]', () => {
    fc.assert(
      fc.property(inputArbitrary, fc.constantFrom('log', 'max', 'rank' as const), (input, how) => {
        const result = computeInfluence(input.interactions, input.people, {
          config: { normalization: how },
        });
        for (const score of result.people) {
          expect(allValues(score).every(Number.isFinite)).toBe(true);
          for (const name of COMPONENT_NAMES) {
            expect(score.normalized[name]).toBeGreaterThanOrEqual(0);
            expect(score.normalized[name]).toBeLessThanOrEqual(1);
          }
          expect(score.combined).toBeGreaterThanOrEqual(0);
          expect(score.combined).toBeLessThanOrEqual(1);
        }
      }),
    );
  });

  it('do not depend on how people are labelled', () => {
    fc.assert(
      fc.property(
        inputArbitrary,
        fc.shuffledSubarray(
          IDS.map((_, i) => `person-${String.fromCharCode(122 - i)}`),
          { minLength: IDS.length, maxLength: IDS.length },
        ),
        (input, newNames) => {
          const renamed = new Map(IDS.map((id, i) => [id, newNames[i]!]));
          const rename = (id: string) => renamed.get(id)!;
          const relabelled = input.interactions.map((interaction) => ({
            ...interaction,
            actor: rename(interaction.actor),
            target: rename(interaction.target),
          }));
          const people = new Map([...input.people].map(([id, person]) => [rename(id), person]));
          const before = computeInfluence(input.interactions, input.people);
          const after = computeInfluence(relabelled, people);
          expect(after.people.length).toBe(before.people.length);
          for (const score of before.people) {
            expectSameScores(score, scoreOf(after, rename(score.personId)));
          }
          expectSameOrder(before, after, rename);
        },
      ),
    );
  });

  it('do not depend on the order of the interactions', () => {
    fc.assert(
      fc.property(
        inputArbitrary.chain((input) =>
          fc
            .shuffledSubarray(input.interactions, {
              minLength: input.interactions.length,
              maxLength: input.interactions.length,
            })
            .map((shuffled) => ({ ...input, shuffled })),
        ),
        (input) => {
          const before = computeInfluence(input.interactions, input.people);
          const after = computeInfluence(input.shuffled, input.people);
          expect(after.people.map((p) => p.personId)).toEqual(before.people.map((p) => p.personId));
          before.people.forEach((score, i) => expectSameScores(score, after.people[i]!));
        },
      ),
    );
  });

  it('are zero for a person without interactions', () => {
    fc.assert(
      fc.property(inputArbitrary, (input) => {
        const people = new Map(input.people).set('idle', { department: 'd0', site: 's0' });
        const result = computeInfluence(input.interactions, people, { includeInactive: true });
        const idle = result.people.find((score) => score.personId === 'idle')!;
        expect(allValues(idle).every((value) => value === 0)).toBe(true);
        const ahead = result.people.filter((score) => score.combined > 0);
        expect(ahead.every((score) => score.rank < idle.rank)).toBe(true);
        expect(allValues(scoreOf(result, 'nobody')).every((value) => value === 0)).toBe(true);
      }),
    );
  });

  it('never lower the expertise of someone whose answer gets one more upvote', () => {
    fc.assert(
      fc.property(
        inputArbitrary,
        fc.constantFrom(...IDS),
        fc.constantFrom(...IDS),
        (input, voter, author) => {
          fc.pre(voter !== author);
          const asOf = EPOCH + 401 * DAY_MS;
          const upvote: Interaction = {
            kind: 'vote',
            actor: voter,
            target: author,
            weight: 1,
            at: EPOCH,
            groupId: 'g0',
          };
          const rankOf = (interactions: Interaction[]) => {
            const index = indexInteractions(interactions, input.people, { asOf });
            const graph = buildEndorsementGraph(index, DEFAULT_CONFIG.interactionWeights);
            const { scores } = expertiseRank(graph, { ...DEFAULT_CONFIG, tolerance: 1e-13 });
            const position = index.personIds.indexOf(author);
            return position < 0 ? 0 : scores[position]!;
          };
          const before = rankOf(input.interactions);
          const after = rankOf([...input.interactions, upvote]);
          expect(after).toBeGreaterThanOrEqual(before - 1e-9);
          const withVote = computeInfluence([...input.interactions, upvote], input.people, {
            asOf,
          });
          const without = computeInfluence(input.interactions, input.people, { asOf });
          expect(scoreOf(withVote, author).components.expertiseRank).toBeGreaterThanOrEqual(
            scoreOf(without, author).components.expertiseRank - 1e-9,
          );
        },
      ),
    );
  });
});
