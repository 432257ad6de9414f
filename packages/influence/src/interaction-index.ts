// Interactions in scope turned into integer-indexed typed columns, the form every measure reads.
import { compareIds, inScope } from './scope.ts';
import type { Interaction, InteractionKind, People, Person, PersonId, Scope } from './types.ts';

export const KIND = {
  question: 0,
  answer: 1,
  reply: 2,
  vote: 3,
  accept: 4,
  rating: 5,
} as const satisfies Record<InteractionKind, number>;

export const WEEK_MS = 7 * 24 * 60 * 60 * 1000;
export const UNKNOWN = -1;

export interface InteractionIndex {
  asOf: number;
  scope: Scope;
  /** Everyone acting or acted upon in scope, sorted; a person's index is their position here. */
  personIds: PersonId[];
  /** Department and site index of each person, UNKNOWN when missing from the people map. */
  department: Int32Array;
  site: Int32Array;
  departmentIds: string[];
  siteIds: string[];
  /** Groups with at least one interaction in scope, sorted. */
  groupIds: string[];
  /** One entry per interaction in scope (same position in every column). */
  length: number;
  kind: Uint8Array;
  actor: Uint32Array;
  /** For questions, the asker again. */
  target: Uint32Array;
  at: Float64Array;
  group: Uint32Array;
  /** Vote value clamped to [-1, 1], stars clamped to [1, 5], 1 for the other kinds. */
  weight: Float64Array;
}

export interface IndexOptions {
  asOf?: number;
  scope?: Scope;
}

function isKnownKind(kind: unknown): kind is InteractionKind {
  return typeof kind === 'string' && Object.prototype.hasOwnProperty.call(KIND, kind);
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}

function weightOf(interaction: Interaction): number {
  const given = interaction.weight;
  const finite = typeof given === 'number' && Number.isFinite(given);
  if (interaction.kind === 'vote') return finite ? clamp(given, -1, 1) : 1;
  if (interaction.kind === 'rating') return finite ? clamp(given, 1, 5) : 5;
  return 1;
}

export function personOf(people: People, id: PersonId): Person | undefined {
  if (people instanceof Map) return people.get(id);
  const record = people as Readonly<Record<PersonId, Person>>;
  return Object.prototype.hasOwnProperty.call(record, id) ? record[id] : undefined;
}

/** Default "now": one millisecond after the latest interaction, so it is included. */
export function latestInstant(interactions: readonly Interaction[]): number {
  let latest = -Infinity;
  for (const { at } of interactions) if (Number.isFinite(at) && at > latest) latest = at;
  return latest === -Infinity ? 0 : latest + 1;
}

/** Interns strings in first-seen order; `sortedRemap` then renumbers them in id order. */
class Interner {
  readonly ids: string[] = [];
  private readonly positions = new Map<string, number>();

  intern(id: string): number {
    let position = this.positions.get(id);
    if (position === undefined) {
      position = this.ids.length;
      this.positions.set(id, position);
      this.ids.push(id);
    }
    return position;
  }

  /** [sorted ids, new index of each first-seen index]. */
  sortedRemap(): [string[], Uint32Array] {
    const order = this.ids.map((_, position) => position);
    order.sort((a, b) => compareIds(this.ids[a]!, this.ids[b]!));
    const remap = new Uint32Array(order.length);
    order.forEach((position, rank) => (remap[position] = rank));
    return [order.map((position) => this.ids[position]!), remap];
  }
}

function remapInPlace(values: Uint32Array, remap: Uint32Array): void {
  for (let i = 0; i < values.length; i++) values[i] = remap[values[i]!]!;
}

/** Sorted distinct values of one person attribute and each person's index into them. */
function internAttribute(
  personIds: readonly string[],
  people: People,
  read: (person: Person) => string,
): [Int32Array, string[]] {
  const values = personIds.map((id) => {
    const person = personOf(people, id);
    return person ? read(person) : undefined;
  });
  const distinct = [...new Set(values.filter((v): v is string => v !== undefined))].sort(
    compareIds,
  );
  const position = new Map(distinct.map((value, i) => [value, i]));
  const indices = Int32Array.from(values, (v) => (v === undefined ? UNKNOWN : position.get(v)!));
  return [indices, distinct];
}

/**
 * Keeps the interactions in `scope` strictly before `asOf` (default: just after the latest one),
 * skipping unknown kinds and non-finite timestamps, and lays them out as typed columns.
 */
export function indexInteractions(
  interactions: readonly Interaction[],
  people: People,
  options: IndexOptions = {},
): InteractionIndex {
  const asOf = options.asOf ?? latestInstant(interactions);
  const scope = options.scope ?? {};
  const capacity = interactions.length;
  const kind = new Uint8Array(capacity);
  const actor = new Uint32Array(capacity);
  const target = new Uint32Array(capacity);
  const at = new Float64Array(capacity);
  const group = new Uint32Array(capacity);
  const weight = new Float64Array(capacity);
  const persons = new Interner();
  const groups = new Interner();
  let length = 0;
  for (const interaction of interactions) {
    if (!isKnownKind(interaction.kind) || !Number.isFinite(interaction.at)) continue;
    if (!inScope(interaction, scope, asOf)) continue;
    kind[length] = KIND[interaction.kind];
    actor[length] = persons.intern(interaction.actor);
    target[length] =
      interaction.kind === 'question' ? actor[length]! : persons.intern(interaction.target);
    at[length] = interaction.at;
    group[length] = groups.intern(interaction.groupId);
    weight[length] = weightOf(interaction);
    length++;
  }
  const [personIds, personRemap] = persons.sortedRemap();
  const [groupIds, groupRemap] = groups.sortedRemap();
  const columns = {
    kind: kind.subarray(0, length),
    actor: actor.subarray(0, length),
    target: target.subarray(0, length),
    at: at.subarray(0, length),
    group: group.subarray(0, length),
    weight: weight.subarray(0, length),
  };
  remapInPlace(columns.actor, personRemap);
  remapInPlace(columns.target, personRemap);
  remapInPlace(columns.group, groupRemap);
  const [department, departmentIds] = internAttribute(personIds, people, (p) => p.department);
  const [site, siteIds] = internAttribute(personIds, people, (p) => p.site);
  return {
    asOf,
    scope,
    personIds,
    department,
    site,
    departmentIds,
    siteIds,
    groupIds,
    length,
    ...columns,
  };
}
