// Small builders for the tests: interactions in a readable form, on a fixed calendar.
import { WEEK_MS } from './interaction-index.ts';
import type { Interaction, Person } from './types.ts';

/** A Monday; "now" in the tests is a whole number of weeks after it. */
export const EPOCH = Date.UTC(2025, 0, 6);
export const DAY_MS = 24 * 60 * 60 * 1000;

interface Where {
  at?: number;
  groupId?: string;
  tags?: string[];
}

function base(where: Where): Pick<Interaction, 'at' | 'groupId' | 'tags'> {
  return {
    at: where.at ?? EPOCH,
    groupId: where.groupId ?? 'g1',
    ...(where.tags ? { tags: where.tags } : {}),
  };
}

export const ask = (asker: string, where: Where = {}): Interaction => ({
  kind: 'question',
  actor: asker,
  target: asker,
  ...base(where),
});

export const answer = (answerer: string, asker: string, where: Where = {}): Interaction => ({
  kind: 'answer',
  actor: answerer,
  target: asker,
  ...base(where),
});

export const reply = (replier: string, author: string, where: Where = {}): Interaction => ({
  kind: 'reply',
  actor: replier,
  target: author,
  ...base(where),
});

export const vote = (voter: string, author: string, value = 1, where: Where = {}): Interaction => ({
  kind: 'vote',
  actor: voter,
  target: author,
  weight: value,
  ...base(where),
});

export const accept = (asker: string, answerer: string, where: Where = {}): Interaction => ({
  kind: 'accept',
  actor: asker,
  target: answerer,
  ...base(where),
});

export const rate = (asker: string, answerer: string, stars: number, where: Where = {}) =>
  ({
    kind: 'rating',
    actor: asker,
    target: answerer,
    weight: stars,
    ...base(where),
  }) satisfies Interaction;

/** `weeksAgo` weeks (fractions allowed) before `now`. */
export const weeksBefore = (now: number, weeksAgo: number) => now - weeksAgo * WEEK_MS;

/** People map from "id: department/site" shorthand. */
export function peopleOf(entries: Record<string, string>): Map<string, Person> {
  return new Map(
    Object.entries(entries).map(([id, where]) => {
      const [department = '', site = ''] = where.split('/');
      return [id, { department, site }];
    }),
  );
}

/** The value of one per-person array for a person id. */
export function valueFor<T extends ArrayLike<number>>(
  ids: readonly string[],
  values: T,
  id: string,
): number {
  const position = ids.indexOf(id);
  if (position < 0) throw new Error(`${id} is not in the index`);
  return values[position]!;
}
