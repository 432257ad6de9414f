// HITS (Kleinberg): authorities are endorsed by good hubs, hubs endorse good authorities.
import type { EndorsementGraph } from './graph.ts';
import type { IterationSettings } from './expertise-rank.ts';
import type { Convergence } from './types.ts';

export interface HitsResult extends Convergence {
  /** Per person, scaled to a mean of 1 over the graph's nodes (0 outside the graph). */
  authority: Float64Array;
  hub: Float64Array;
}

/** Rescales `values` so they sum to `total`; leaves all-zero vectors alone. */
function scaleToSum(values: Float64Array, total: number): void {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i]!;
  if (sum === 0) return;
  const factor = total / sum;
  for (let i = 0; i < values.length; i++) values[i]! *= factor;
}

/**
 * Power iteration a = Aᵀh, h = Aa on the weighted endorsement graph (A[u][x] = weight of u→x),
 * starting from h = 1 on every node; each vector is rescaled to a mean of 1 per node after each
 * step. Converges to the principal eigenvector of AᵀA, so on a graph of several separate parts the
 * authority concentrates in the most tightly knit one: scope per group or tag to compare within.
 */
export function hitsAuthority(graph: EndorsementGraph, settings: IterationSettings): HitsResult {
  const { tolerance, maxIterations } = settings;
  const n = graph.nodeCount;
  const authority = new Float64Array(n);
  const previous = new Float64Array(n);
  const hub = Float64Array.from(graph.isNode);
  if (graph.size === 0) return { authority, hub, iterations: 0, converged: true };
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations && !converged) {
    previous.set(authority);
    authority.fill(0);
    for (let row = 0; row < n; row++) {
      const weightOfHub = hub[row]!;
      if (weightOfHub === 0) continue;
      for (let e = graph.rowStart[row]!; e < graph.rowStart[row + 1]!; e++) {
        authority[graph.column[e]!]! += graph.weight[e]! * weightOfHub;
      }
    }
    scaleToSum(authority, graph.size);
    for (let row = 0; row < n; row++) {
      let sum = 0;
      for (let e = graph.rowStart[row]!; e < graph.rowStart[row + 1]!; e++) {
        sum += graph.weight[e]! * authority[graph.column[e]!]!;
      }
      hub[row] = sum;
    }
    scaleToSum(hub, graph.size);
    let change = 0;
    for (let person = 0; person < n; person++) {
      change += Math.abs(authority[person]! - previous[person]!);
    }
    iterations++;
    converged = change / graph.size < tolerance;
  }
  return { authority, hub, iterations, converged };
}
