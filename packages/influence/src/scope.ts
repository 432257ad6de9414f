// Scope filters: which interactions count for a group, a tag or a point in time (pure, no copies kept).
import type { Interaction, Scope } from './types.ts';

/** True when the interaction is in the scope and strictly before `asOf` (when given). */
export function inScope(interaction: Interaction, scope: Scope, asOf?: number): boolean {
  if (asOf !== undefined && !(interaction.at < asOf)) return false;
  if (scope.groupId !== undefined && interaction.groupId !== scope.groupId) return false;
  if (scope.tag !== undefined && !(interaction.tags ?? []).includes(scope.tag)) return false;
  return true;
}

/** The interactions of a scope, before `asOf`: a new array, the records themselves are shared. */
export function filterInteractions(
  interactions: readonly Interaction[],
  scope: Scope = {},
  asOf?: number,
): Interaction[] {
  return interactions.filter((interaction) => inScope(interaction, scope, asOf));
}

/** One pass: the interactions of every group, groups in id order. */
export function partitionByGroup(interactions: readonly Interaction[]): Map<string, Interaction[]> {
  const byGroup = new Map<string, Interaction[]>();
  for (const interaction of interactions) {
    const list = byGroup.get(interaction.groupId);
    if (list) list.push(interaction);
    else byGroup.set(interaction.groupId, [interaction]);
  }
  return sortedByKey(byGroup);
}

/**
 * One pass: the interactions carrying each tag (an interaction with several tags is in each),
 * for every tag or only the `wanted` ones.
 */
export function partitionByTag(
  interactions: readonly Interaction[],
  wanted?: ReadonlySet<string>,
): Map<string, Interaction[]> {
  const byTag = new Map<string, Interaction[]>();
  for (const interaction of interactions) {
    for (const tag of new Set(interaction.tags ?? [])) {
      if (wanted && !wanted.has(tag)) continue;
      const list = byTag.get(tag);
      if (list) list.push(interaction);
      else byTag.set(tag, [interaction]);
    }
  }
  return sortedByKey(byTag);
}

function sortedByKey<V>(map: Map<string, V>): Map<string, V> {
  return new Map([...map.entries()].sort(([a], [b]) => compareIds(a, b)));
}

/** The one ordering of ids used everywhere (UTF-16 code units, independent of locale). */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
