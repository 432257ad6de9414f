// Connectors: each person's share of the links between groups, departments and sites.
import { buildSparseRows, type SparseRows } from './graph.ts';
import { KIND, UNKNOWN, type InteractionIndex } from './interaction-index.ts';
import type { InfluenceConfig } from './types.ts';

/** A number per unordered pair (a, b) of values below `size`: a dense table when small enough. */
class PairTable {
  private readonly dense: Float64Array | undefined;
  private readonly sparse = new Map<number, number>();

  constructor(private readonly size: number) {
    this.dense = size <= 2048 ? new Float64Array(size * size) : undefined;
  }

  private key(a: number, b: number): number {
    return a < b ? a * this.size + b : b * this.size + a;
  }

  add(a: number, b: number, amount: number): void {
    const key = this.key(a, b);
    if (this.dense) this.dense[key]! += amount;
    else this.sparse.set(key, (this.sparse.get(key) ?? 0) + amount);
  }

  get(a: number, b: number): number {
    const key = this.key(a, b);
    return this.dense ? this.dense[key]! : (this.sparse.get(key) ?? 0);
  }
}

export interface ConnectorResult {
  /** connector = groups·groupBridging + departments·departmentBridging + sites·siteBridging. */
  connector: Float64Array;
  groupBridging: Float64Array;
  departmentBridging: Float64Array;
  siteBridging: Float64Array;
  /** Groups each person acted in. */
  groups: Uint32Array;
  crossDepartmentTies: Uint32Array;
  crossSiteTies: Uint32Array;
}

/** How often each person acted in each group (rows: people, columns: groups). */
function participation(index: InteractionIndex): SparseRows {
  const ones = new Float64Array(index.length).fill(1);
  const n = index.personIds.length;
  return buildSparseRows(n, index.groupIds.length, index.actor, index.group, ones);
}

/**
 * Group bridging. A person acting w_pg times in group g and w_ph times in group h carries
 * min(w_pg, w_ph) of the link between g and h; their share of that link is min(w_pg, w_ph) divided
 * by everyone's. Summed over every pair of their groups: someone who alone ties two groups
 * together gets 1 for that pair, one of ten equal go-betweens 0.1. This is the person's part of
 * the shortest group-to-group paths in the person–group graph (betweenness restricted to the
 * paths of length 2 that go through people), weighted by how much they take part on both sides.
 */
function groupBridging(index: InteractionIndex, rows: SparseRows): Float64Array {
  const n = index.personIds.length;
  const linkStrength = new PairTable(index.groupIds.length);
  const forEachPair = (person: number, visit: (g: number, h: number, amount: number) => void) => {
    const start = rows.rowStart[person]!;
    const end = rows.rowStart[person + 1]!;
    for (let a = start; a < end; a++) {
      for (let b = a + 1; b < end; b++) {
        visit(rows.column[a]!, rows.column[b]!, Math.min(rows.weight[a]!, rows.weight[b]!));
      }
    }
  };
  for (let person = 0; person < n; person++) {
    forEachPair(person, (g, h, amount) => linkStrength.add(g, h, amount));
  }
  const bridging = new Float64Array(n);
  for (let person = 0; person < n; person++) {
    let share = 0;
    forEachPair(person, (g, h, amount) => (share += amount / linkStrength.get(g, h)));
    bridging[person] = share;
  }
  return bridging;
}

/** Distinct unordered pairs of different people who interacted (rows hold the smaller index). */
function ties(index: InteractionIndex): SparseRows {
  const low = new Uint32Array(index.length);
  const high = new Uint32Array(index.length);
  let count = 0;
  for (let i = 0; i < index.length; i++) {
    const actor = index.actor[i]!;
    const target = index.target[i]!;
    if (actor === target || index.kind[i] === KIND.question) continue;
    low[count] = Math.min(actor, target);
    high[count] = Math.max(actor, target);
    count++;
  }
  const n = index.personIds.length;
  const none = new Float64Array(count);
  return buildSparseRows(n, n, low.subarray(0, count), high.subarray(0, count), none);
}

/**
 * Weak-tie bridging across a person attribute (department or site). A tie between people of
 * different departments A and B links A and B; when T ties link them, each is worth 1 / T to both
 * of its ends. The rarer the link between two departments, the more each of its ties counts.
 */
function attributeBridging(
  tieRows: SparseRows,
  attribute: Int32Array,
  valueCount: number,
): { bridging: Float64Array; crossTies: Uint32Array } {
  const n = attribute.length;
  const tiesBetween = new PairTable(valueCount);
  const forEachCrossTie = (visit: (p: number, q: number, a: number, b: number) => void) => {
    for (let p = 0; p < n; p++) {
      const a = attribute[p]!;
      if (a === UNKNOWN) continue;
      for (let e = tieRows.rowStart[p]!; e < tieRows.rowStart[p + 1]!; e++) {
        const q = tieRows.column[e]!;
        const b = attribute[q]!;
        if (b !== UNKNOWN && b !== a) visit(p, q, a, b);
      }
    }
  };
  forEachCrossTie((_p, _q, a, b) => tiesBetween.add(a, b, 1));
  const bridging = new Float64Array(n);
  const crossTies = new Uint32Array(n);
  forEachCrossTie((p, q, a, b) => {
    const worth = 1 / tiesBetween.get(a, b);
    bridging[p]! += worth;
    bridging[q]! += worth;
    crossTies[p]!++;
    crossTies[q]!++;
  });
  return { bridging, crossTies };
}

/** Group, department and site bridging, and the connector score weighting them. */
export function connectorScores(
  index: InteractionIndex,
  weights: InfluenceConfig['connectorWeights'],
): ConnectorResult {
  const n = index.personIds.length;
  const rows = participation(index);
  const groups = new Uint32Array(n);
  for (let p = 0; p < n; p++) groups[p] = rows.rowStart[p + 1]! - rows.rowStart[p]!;
  const byGroup = groupBridging(index, rows);
  const tieRows = ties(index);
  const byDepartment = attributeBridging(tieRows, index.department, index.departmentIds.length);
  const bySite = attributeBridging(tieRows, index.site, index.siteIds.length);
  const connector = new Float64Array(n);
  for (let p = 0; p < n; p++) {
    connector[p] =
      weights.groups * byGroup[p]! +
      weights.departments * byDepartment.bridging[p]! +
      weights.sites * bySite.bridging[p]!;
  }
  return {
    connector,
    groupBridging: byGroup,
    departmentBridging: byDepartment.bridging,
    siteBridging: bySite.bridging,
    groups,
    crossDepartmentTies: byDepartment.crossTies,
    crossSiteTies: bySite.crossTies,
  };
}
