// HITS authority and hub scores on a graph solved by hand.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from './config.ts';
import { buildEndorsementGraph } from './graph.ts';
import { hitsAuthority } from './hits.ts';
import { indexInteractions } from './interaction-index.ts';
import { answer, peopleOf, valueFor } from './test-fixtures.ts';

const settings = { damping: 0.85, tolerance: 1e-13, maxIterations: 500 };

describe('hitsAuthority', () => {
  it('finds the principal eigenvector of AᵀA for A→C, B→C, B→D', () => {
    // AᵀA over authorities (c, d) = [[2, 1], [1, 1]]: top eigenvalue (3 + √5) / 2, eigenvector
    // (1, (√5 − 1) / 2). Scaled to a mean of 1 over the 4 nodes: a_c = 4 / φ, a_d = 4 / φ².
    // Hubs h = A a: h_a = a_c, h_b = a_c + a_d, in the same ratio 1 : φ.
    const index = indexInteractions(
      [answer('c', 'a'), answer('c', 'b'), answer('d', 'b')],
      peopleOf({}),
    );
    const graph = buildEndorsementGraph(index, DEFAULT_CONFIG.interactionWeights);
    const { authority, hub, converged } = hitsAuthority(graph, settings);
    const phi = (1 + Math.sqrt(5)) / 2;
    const of = (values: Float64Array, id: string) => valueFor(index.personIds, values, id);
    expect(converged).toBe(true);
    expect(of(authority, 'c')).toBeCloseTo(4 / phi, 10);
    expect(of(authority, 'd')).toBeCloseTo(4 / phi ** 2, 10);
    expect(of(authority, 'a')).toBe(0);
    expect(of(hub, 'a')).toBeCloseTo(4 / phi ** 2, 10);
    expect(of(hub, 'b')).toBeCloseTo(4 / phi, 10);
  });

  it('is all zero on an empty graph', () => {
    const index = indexInteractions([], peopleOf({}));
    const graph = buildEndorsementGraph(index, DEFAULT_CONFIG.interactionWeights);
    expect(hitsAuthority(graph, settings)).toMatchObject({ iterations: 0, converged: true });
  });
});
