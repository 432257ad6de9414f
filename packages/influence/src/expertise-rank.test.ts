// ExpertiseRank on graphs small enough to solve by hand, and the endorsement graph they come from.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from './config.ts';
import { expertiseRank } from './expertise-rank.ts';
import { buildEndorsementGraph } from './graph.ts';
import { indexInteractions, WEEK_MS } from './interaction-index.ts';
import { accept, answer, ask, peopleOf, rate, reply, vote, valueFor } from './test-fixtures.ts';
import type { Interaction } from './types.ts';

const settings = { damping: 0.85, tolerance: 1e-12, maxIterations: 500 };

function ranksOf(interactions: Interaction[]): Record<string, number> {
  const index = indexInteractions(interactions, peopleOf({}));
  const graph = buildEndorsementGraph(index, DEFAULT_CONFIG.interactionWeights);
  const { scores, converged } = expertiseRank(graph, settings);
  expect(converged).toBe(true);
  return Object.fromEntries(
    index.personIds.map((id) => [id, valueFor(index.personIds, scores, id)]),
  );
}

describe('buildEndorsementGraph', () => {
  it('points from the asker to the answerer and from the voter, accepter and thanker to the author', () => {
    const index = indexInteractions(
      [answer('b', 'a'), vote('c', 'b'), accept('a', 'b'), rate('a', 'b', 4), reply('c', 'a')],
      peopleOf({}),
    );
    const graph = buildEndorsementGraph(index, DEFAULT_CONFIG.interactionWeights);
    const edges: string[] = [];
    for (let row = 0; row < graph.nodeCount; row++) {
      for (let e = graph.rowStart[row]!; e < graph.rowStart[row + 1]!; e++) {
        edges.push(
          `${index.personIds[row]}>${index.personIds[graph.column[e]!]}:${graph.weight[e]}`,
        );
      }
    }
    // a→b: answer 1 + accept 2 + rating 4/5; c→b: vote 1; a→c: reply 0.25.
    expect(edges).toEqual(['a>b:3.8', 'a>c:0.25', 'c>b:1']);
    expect(graph.size).toBe(3);
  });

  it('drops pairs whose weights cancel out and ignores endorsing oneself', () => {
    const index = indexInteractions(
      [answer('b', 'a'), vote('a', 'b', -1), vote('c', 'c'), answer('c', 'c')],
      peopleOf({}),
    );
    const graph = buildEndorsementGraph(index, DEFAULT_CONFIG.interactionWeights);
    expect(graph.column.length).toBe(0);
    expect(graph.size).toBe(0);
  });
});

describe('endorsement half-life', () => {
  it('halves an endorsement per half-life of age before asOf, and keeps it whole at 0', () => {
    const asOf = Date.UTC(2025, 6, 1);
    const halfYearAgo = asOf - 26 * WEEK_MS;
    const interactions = [
      { ...vote('c', 'b'), at: halfYearAgo },
      { ...vote('d', 'b'), at: asOf - 52 * WEEK_MS },
    ];
    const index = indexInteractions(interactions, peopleOf({}), { asOf });
    const weightsTo = (halfLife: number) => {
      const graph = buildEndorsementGraph(index, DEFAULT_CONFIG.interactionWeights, halfLife);
      return Array.from(graph.weight);
    };
    expect(weightsTo(26)[0]).toBeCloseTo(0.5, 12);
    expect(weightsTo(26)[1]).toBeCloseTo(0.25, 12);
    expect(weightsTo(0)).toEqual([1, 1]);
  });
});

describe('expertiseRank', () => {
  it('solves the three-person cycle A→C, B→C, C→A by hand', () => {
    // c answered a and b, a answered c. With d = 0.85:
    // r_b = 0.15; r_a = 0.15 + 0.85 r_c; r_c = 0.15 + 0.85 (r_a + r_b)
    // ⇒ r_a = 0.385875 / 0.2775 = 1029/740, r_c = 54/37; they sum to 3 (N × PageRank).
    const ranks = ranksOf([answer('c', 'a'), answer('c', 'b'), answer('a', 'c')]);
    expect(ranks.b).toBeCloseTo(0.15, 12);
    expect(ranks.a).toBeCloseTo(1029 / 740, 10);
    expect(ranks.c).toBeCloseTo(54 / 37, 10);
    expect(ranks.a! + ranks.b! + ranks.c!).toBeCloseTo(3, 10);
  });

  it('splits an endorser’s rank by weight: an accepted answer counts three times a plain one', () => {
    // a→b weight 1 + 2 (accept), a→c weight 1: r_b = 0.15 + 0.85 · 0.15 · 3/4, r_c with 1/4.
    const ranks = ranksOf([answer('b', 'a'), answer('c', 'a'), accept('a', 'b')]);
    expect(ranks.a).toBeCloseTo(0.15, 12);
    expect(ranks.b).toBeCloseTo(0.245625, 12);
    expect(ranks.c).toBeCloseTo(0.181875, 12);
  });

  it('counts answering someone who answers others more than answering a pure asker', () => {
    // q→e (e answered q), e→p1 (p1 answered e, who answers others), r→p2 (p2 answered r).
    const ranks = ranksOf([answer('e', 'q'), answer('p1', 'e'), answer('p2', 'r')]);
    expect(ranks.e).toBeCloseTo(0.2775, 12);
    expect(ranks.p1).toBeCloseTo(0.15 + 0.85 * 0.2775, 12);
    expect(ranks.p2).toBeCloseTo(0.2775, 12);
    expect(ranks.p1!).toBeGreaterThan(ranks.p2!);
  });

  it('gives zero to people outside the graph (a question nobody answered)', () => {
    const ranks = ranksOf([ask('lonely'), answer('b', 'a')]);
    expect(ranks.lonely).toBe(0);
    expect(ranks.a).toBeCloseTo(0.15, 12);
  });

  it('stops at the iteration cap and says it did not converge', () => {
    const index = indexInteractions(
      [answer('c', 'a'), answer('c', 'b'), answer('a', 'c')],
      peopleOf({}),
    );
    const graph = buildEndorsementGraph(index, DEFAULT_CONFIG.interactionWeights);
    const result = expertiseRank(graph, { ...settings, maxIterations: 3 });
    expect(result).toMatchObject({ iterations: 3, converged: false });
  });
});
