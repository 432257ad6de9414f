// ExpertiseRank: PageRank over the endorsement graph, so endorsements from experts weigh more.
import type { EndorsementGraph } from './graph.ts';
import type { Convergence } from './types.ts';

export interface IterationSettings {
  damping: number;
  tolerance: number;
  maxIterations: number;
}

export interface ExpertiseRankResult extends Convergence {
  /** Per person; 0 for people outside the graph, at least 1 - damping for the others. */
  scores: Float64Array;
}

/**
 * Power iteration of r = (1 - d) + d · Σ_{u→x} (w_ux / W_u) · r_u over the graph's nodes, where
 * W_u is u's total out-weight. Unlike the textbook form (teleport (1 - d) / N and dangling mass
 * spread over everyone), nothing depends on the number of nodes and people who endorse nobody
 * (pure answerers) keep their mass: a new endorsement can only raise the endorsed person's score,
 * and the scores read as "× a newcomer's" (r = N·PageRank when no one is dangling). Stops when the
 * mean absolute change per node falls below the tolerance.
 */
export function expertiseRank(
  graph: EndorsementGraph,
  settings: IterationSettings,
): ExpertiseRankResult {
  const { damping, tolerance, maxIterations } = settings;
  const n = graph.nodeCount;
  const base = 1 - damping;
  let current = new Float64Array(n);
  let next = new Float64Array(n);
  for (let person = 0; person < n; person++) current[person] = graph.isNode[person]! * base;
  if (graph.size === 0) return { scores: current, iterations: 0, converged: true };
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations && !converged) {
    for (let person = 0; person < n; person++) next[person] = graph.isNode[person]! * base;
    for (let row = 0; row < n; row++) {
      const out = graph.outWeight[row]!;
      if (out === 0) continue;
      const share = (damping * current[row]!) / out;
      for (let e = graph.rowStart[row]!; e < graph.rowStart[row + 1]!; e++) {
        next[graph.column[e]!]! += share * graph.weight[e]!;
      }
    }
    let change = 0;
    for (let person = 0; person < n; person++) change += Math.abs(next[person]! - current[person]!);
    [current, next] = [next, current];
    iterations++;
    converged = change / graph.size < tolerance;
  }
  return { scores: current, iterations, converged };
}
