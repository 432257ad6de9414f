// Brings a raw component to [0, 1] so components in different units can be added up.
import type { Normalization } from './types.ts';

/**
 * Values ≤ 0 become 0 and the largest becomes 1; in between:
 * - `log`: ln(1 + x / m) / ln(1 + max / m), m the mean of the positive values. Independent of the
 *   unit (scores ×1000 normalize the same), and it tempers the long tail of graph scores so one
 *   star does not flatten everyone else to 0.
 * - `max`: x / max.
 * - `rank`: the value's rank among the positive values (ties share their mean rank) / their count.
 */
export function normalize(values: Float64Array, method: Normalization): Float64Array {
  const normalized = new Float64Array(values.length);
  let positives = 0;
  let sum = 0;
  let max = 0;
  for (const value of values) {
    if (!(value > 0)) continue;
    positives++;
    sum += value;
    if (value > max) max = value;
  }
  if (positives === 0) return normalized;
  if (method === 'rank') return rankNormalize(values, positives);
  const mean = sum / positives;
  const scale = method === 'log' ? Math.log1p(max / mean) : max;
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    if (!(value > 0)) continue;
    normalized[i] = Math.min(1, (method === 'log' ? Math.log1p(value / mean) : value) / scale);
  }
  return normalized;
}

function rankNormalize(values: Float64Array, positives: number): Float64Array {
  const normalized = new Float64Array(values.length);
  const sorted = Float64Array.from(values.filter((value) => value > 0)).sort();
  const meanRank = new Map<number, number>();
  for (let start = 0; start < sorted.length;) {
    let end = start;
    while (end < sorted.length && sorted[end] === sorted[start]) end++;
    meanRank.set(sorted[start]!, (start + 1 + end) / 2);
    start = end;
  }
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    if (value > 0) normalized[i] = meanRank.get(value)! / positives;
  }
  return normalized;
}
