// Ranking metrics of the quality benchmark: Spearman's ρ, precision@k, recall@k and MRR.

/** 1-based ranks, descending by value; tied values share their mean rank. */
export function averageRanks(values: readonly number[]): number[] {
  const order = values.map((value, index) => ({ value, index })).sort((a, b) => b.value - a.value);
  const ranks = new Array<number>(values.length);
  for (let start = 0; start < order.length;) {
    let end = start;
    while (end + 1 < order.length && order[end + 1]!.value === order[start]!.value) end++;
    const mean = (start + end) / 2 + 1;
    for (let k = start; k <= end; k++) ranks[order[k]!.index] = mean;
    start = end + 1;
  }
  return ranks;
}

/** Spearman's rank correlation (Pearson on average ranks, so ties are handled); NaN if constant. */
export function spearman(x: readonly number[], y: readonly number[]): number {
  const rx = averageRanks(x);
  const ry = averageRanks(y);
  const n = rx.length;
  const mean = (n + 1) / 2;
  let covariance = 0;
  let varianceX = 0;
  let varianceY = 0;
  for (let i = 0; i < n; i++) {
    const dx = rx[i]! - mean;
    const dy = ry[i]! - mean;
    covariance += dx * dy;
    varianceX += dx * dx;
    varianceY += dy * dy;
  }
  return covariance / Math.sqrt(varianceX * varianceY);
}

/** The k ids with the highest scores, ties broken by id (a stable, arbitrary order). */
export function topK(scores: ReadonlyMap<string, number>, k: number): string[] {
  return [...scores]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, k)
    .map(([id]) => id);
}

/**
 * Share of the method's top k that are among the top future helpers: everyone whose ground truth
 * reaches the k-th best value (ties at the boundary all count as relevant, so the id order of
 * equal helpers cannot decide a hit) and is above zero.
 */
export function precisionAtK(
  scores: ReadonlyMap<string, number>,
  truth: ReadonlyMap<string, number>,
  k: number,
): number {
  const sortedTruth = [...truth.values()].sort((a, b) => b - a);
  const threshold = Math.max(
    sortedTruth[Math.min(k, sortedTruth.length) - 1] ?? 0,
    Number.MIN_VALUE,
  );
  const relevant = new Set([...truth].filter(([, value]) => value >= threshold).map(([id]) => id));
  const hits = topK(scores, k).filter((id) => relevant.has(id)).length;
  return hits / k;
}
