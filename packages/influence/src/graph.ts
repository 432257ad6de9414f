// Compressed sparse rows (CSR) built by two counting sorts, and the endorsement graph over people.
import { KIND, WEEK_MS, type InteractionIndex } from './interaction-index.ts';
import type { InfluenceConfig } from './types.ts';

/** Rows are sources; row `i` spans column/weight[rowStart[i] .. rowStart[i + 1]). */
export interface SparseRows {
  rowCount: number;
  rowStart: Uint32Array;
  column: Uint32Array;
  weight: Float64Array;
}

export interface EndorsementGraph extends SparseRows {
  /** Every person of the index is a row (and a column). */
  nodeCount: number;
  /** Sum of each row's weights. */
  outWeight: Float64Array;
  /** 1 for people with at least one edge in or out: the nodes of the graph. */
  isNode: Uint8Array;
  /** How many nodes (teleport and averages are over these, not over everyone). */
  size: number;
}

/** Positions of `order` stably sorted by `keys[position]` (keys < bucketCount). */
function countingSort(keys: Uint32Array, order: Uint32Array, bucketCount: number): Uint32Array {
  const start = new Uint32Array(bucketCount + 1);
  for (let i = 0; i < order.length; i++) start[keys[order[i]!]! + 1]!++;
  for (let b = 0; b < bucketCount; b++) start[b + 1]! += start[b]!;
  const sorted = new Uint32Array(order.length);
  for (let i = 0; i < order.length; i++) {
    const position = order[i]!;
    sorted[start[keys[position]!]!++] = position;
  }
  return sorted;
}

/**
 * Edges (source[i] → target[i], weight[i]), sources < rowCount and targets < columnCount,
 * duplicates summed, then kept only when `keep(sum)`; rows and columns in ascending order, so
 * results never depend on input order.
 */
export function buildSparseRows(
  rowCount: number,
  columnCount: number,
  source: Uint32Array,
  target: Uint32Array,
  weight: Float64Array,
  keep: (sum: number) => boolean = () => true,
): SparseRows {
  const identity = new Uint32Array(source.length);
  for (let i = 0; i < identity.length; i++) identity[i] = i;
  const order = countingSort(source, countingSort(target, identity, columnCount), rowCount);
  const rowStart = new Uint32Array(rowCount + 1);
  const column = new Uint32Array(order.length);
  const merged = new Float64Array(order.length);
  let edges = 0;
  let i = 0;
  while (i < order.length) {
    const from = source[order[i]!]!;
    const to = target[order[i]!]!;
    let sum = weight[order[i]!]!;
    // Sorted by (source, target): duplicates of this pair follow it.
    for (i++; i < order.length; i++) {
      const next = order[i]!;
      if (target[next] !== to || source[next] !== from) break;
      sum += weight[next]!;
    }
    if (!keep(sum)) continue;
    column[edges] = to;
    merged[edges] = sum;
    rowStart[from + 1]!++;
    edges++;
  }
  for (let row = 0; row < rowCount; row++) rowStart[row + 1]! += rowStart[row]!;
  return {
    rowCount,
    rowStart,
    column: column.slice(0, edges),
    weight: merged.slice(0, edges),
  };
}

/** Below this a summed weight is rounding noise (e.g. +0.1 +0.2 -0.3), not an endorsement. */
const NOISE = 1e-12;

/**
 * Who endorses whom: the asker endorses whoever answered them (answer, accept), a voter the author
 * (vote × value), a thanker the person thanked (rating × stars / 5), a person replied to the
 * replier. Weights of one pair are summed; pairs whose sum is not positive (a downvote cancelling
 * an answer) are dropped. Self-endorsements are ignored. With `halfLifeWeeks` > 0, each weight is
 * multiplied by 2^(−age / halfLife), age = asOf − its time (0: no decay).
 */
export function buildEndorsementGraph(
  index: InteractionIndex,
  weights: InfluenceConfig['interactionWeights'],
  halfLifeWeeks = 0,
): EndorsementGraph {
  const n = index.personIds.length;
  const source = new Uint32Array(index.length);
  const target = new Uint32Array(index.length);
  const weight = new Float64Array(index.length);
  let count = 0;
  const { actor, target: acted, kind, weight: value, at } = index;
  // Optional recency: an endorsement loses half its worth every `halfLifeWeeks` before asOf.
  const decayPerMs = halfLifeWeeks > 0 ? Math.LN2 / (halfLifeWeeks * WEEK_MS) : 0;
  for (let i = 0; i < index.length; i++) {
    if (actor[i] === acted[i]) continue;
    const decay = decayPerMs === 0 ? 1 : Math.exp(-decayPerMs * (index.asOf - at[i]!));
    const edgeWeight = endorsementWeight(kind[i]!, value[i]!, weights) * decay;
    if (edgeWeight === 0) continue;
    const fromActor = !endorsesActor(kind[i]!);
    source[count] = fromActor ? actor[i]! : acted[i]!;
    target[count] = fromActor ? acted[i]! : actor[i]!;
    weight[count] = edgeWeight;
    count++;
  }
  const rows = buildSparseRows(
    n,
    n,
    source.subarray(0, count),
    target.subarray(0, count),
    weight.subarray(0, count),
    (sum) => sum > NOISE,
  );
  const outWeight = new Float64Array(n);
  const isNode = new Uint8Array(n);
  for (let row = 0; row < n; row++) {
    for (let e = rows.rowStart[row]!; e < rows.rowStart[row + 1]!; e++) {
      outWeight[row]! += rows.weight[e]!;
      isNode[row] = 1;
      isNode[rows.column[e]!] = 1;
    }
  }
  let size = 0;
  for (let person = 0; person < n; person++) size += isNode[person]!;
  return { ...rows, nodeCount: n, outWeight, isNode, size };
}

/** Answers and replies endorse the actor (by the person answered); the other kinds the target. */
export function endorsesActor(kind: number): boolean {
  return kind === KIND.answer || kind === KIND.reply;
}

/** The endorsement an interaction carries (0: none): its interaction weight, × vote, × stars / 5. */
export function endorsementWeight(
  kind: number,
  value: number,
  weights: InfluenceConfig['interactionWeights'],
): number {
  switch (kind) {
    case KIND.answer:
      return weights.answer;
    case KIND.reply:
      return weights.reply;
    case KIND.vote:
      return weights.vote * value;
    case KIND.accept:
      return weights.accept;
    case KIND.rating:
      return (weights.rating * value) / 5;
    default:
      return 0;
  }
}
