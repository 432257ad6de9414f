// Influence scoring against what happened next: scores from the first 70% of the activity, ground
// truth = accepted answers plus upvotes on answers each person received in the remaining 30%.
import { loadInteractions } from '../../apps/api/src/modules/influence/interactions.ts';
import { rawQuery, type Database } from '../../packages/db/src/index.ts';
import {
  computeInfluence,
  type Interaction,
  type InfluenceConfig,
} from '../../packages/influence/src/index.ts';
import { precisionAtK, spearman } from './metrics.ts';

export const METHODS = ['combined', 'answers', 'zscore', 'reputation'] as const;
export type Method = (typeof METHODS)[number];

export interface MethodFigures {
  spearman: number;
  p10: number;
  p25: number;
}

export interface InfluenceFigures {
  splitAt: string;
  influenceUsers: number;
  /** Users whose ground truth is above 0 (future helpers). */
  futureHelpers: number;
  methods: Record<Method, MethodFigures>;
  /** The combined score under other settings (sensitivity), by variant name. */
  variants: Record<string, MethodFigures>;
}

const isPerson = (id: string) => /^\d+$/.test(id);

/** The instant before which `share` of the questions and answers were written. */
export function activitySplit(interactions: Interaction[], share = 0.7): number {
  const times = interactions
    .filter((item) => item.kind === 'question' || item.kind === 'answer')
    .map((item) => item.at)
    .sort((a, b) => a - b);
  if (times.length === 0) throw new Error('the dump has no questions or answers');
  return times[Math.floor(share * (times.length - 1))]!;
}

/** Upvotes (+1) and downvotes (-1) received per author on answers or on every post, in a window. */
async function votesReceived(
  db: Database,
  window: { from?: number; until?: number },
  direction: 'up' | 'down',
  answersOnly: boolean,
): Promise<Map<string, number>> {
  const kinds = answersOnly ? `p.kind = 'answer'` : `p.kind in ('opening', 'answer')`;
  const rows = await rawQuery(db)<{ author: number; n: number }>(
    `select author, count(*)::int as n from (
        select p.author_id as author, iv.created_at as at from imported_votes iv
          join posts p on p.id = iv.post_id
          where iv.value = $1 and iv.kind <> 'accept' and ${kinds} and p.deleted_at is null
        union all
        select p.author_id, v.created_at from votes v join posts p on p.id = v.post_id
          where v.value = $1 and ${kinds} and p.deleted_at is null
      ) received
      where ($2::timestamptz is null or at >= $2) and ($3::timestamptz is null or at < $3)
      group by author`,
    [
      direction === 'up' ? 1 : -1,
      window.from === undefined ? null : new Date(window.from).toISOString(),
      window.until === undefined ? null : new Date(window.until).toISOString(),
    ],
  );
  return new Map(rows.map((row) => [String(row.author), row.n]));
}

function countBy(items: Interaction[], key: (item: Interaction) => string | null) {
  const counts = new Map<string, number>();
  for (const item of items) {
    const id = key(item);
    if (id !== null) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

function evaluate(
  scores: Map<string, number>,
  truth: Map<string, number>,
  users: string[],
): MethodFigures {
  const completed = new Map(users.map((id) => [id, scores.get(id) ?? 0]));
  return {
    spearman: spearman(
      users.map((id) => completed.get(id)!),
      users.map((id) => truth.get(id) ?? 0),
    ),
    p10: precisionAtK(completed, truth, 10),
    p25: precisionAtK(completed, truth, 25),
  };
}

export async function evaluateInfluence(
  db: Database,
  config: Partial<InfluenceConfig> = {},
  variants: Record<string, Partial<InfluenceConfig>> = {},
): Promise<InfluenceFigures> {
  const { interactions, people } = await loadInteractions(db);
  const split = activitySplit(interactions);
  const earlier = interactions.filter((item) => item.at < split);
  const later = interactions.filter((item) => item.at >= split);

  const users = [
    ...new Set(
      earlier
        .filter((item) => item.kind === 'question' || item.kind === 'answer')
        .map((item) => item.actor)
        .filter(isPerson),
    ),
  ].sort();
  const userSet = new Set(users);

  // Ground truth: accepted answers and answer upvotes received after the split.
  const truth = countBy(later, (item) => (item.kind === 'accept' ? item.target : null));
  for (const [id, n] of await votesReceived(db, { from: split }, 'up', true)) {
    truth.set(id, (truth.get(id) ?? 0) + n);
  }
  const truthOfUsers = new Map(users.map((id) => [id, truth.get(id) ?? 0]));

  // Baselines from the earlier part.
  const answers = countBy(earlier, (item) => (item.kind === 'answer' ? item.actor : null));
  const questions = countBy(earlier, (item) => (item.kind === 'question' ? item.actor : null));
  const zscore = new Map(
    users.map((id) => {
      const a = answers.get(id) ?? 0;
      const q = questions.get(id) ?? 0;
      return [id, a + q === 0 ? 0 : (a - q) / Math.sqrt(a + q)];
    }),
  );
  const accepted = countBy(earlier, (item) => (item.kind === 'accept' ? item.target : null));
  const upvotes = await votesReceived(db, { until: split }, 'up', true);
  const downvotes = await votesReceived(db, { until: split }, 'down', false);
  const reputation = new Map(
    users.map((id) => [
      id,
      10 * (upvotes.get(id) ?? 0) + 15 * (accepted.get(id) ?? 0) - 2 * (downvotes.get(id) ?? 0),
    ]),
  );

  const combinedScores = (settings: Partial<InfluenceConfig>) =>
    new Map(
      computeInfluence(earlier, people, { asOf: split, config: settings })
        .people.filter((person) => userSet.has(person.personId))
        .map((person) => [person.personId, person.combined]),
    );
  const combined = combinedScores(config);

  const scores: Record<Method, Map<string, number>> = { combined, answers, zscore, reputation };
  const methods = Object.fromEntries(
    METHODS.map((method) => [method, evaluate(scores[method], truthOfUsers, users)]),
  ) as Record<Method, MethodFigures>;
  return {
    splitAt: new Date(split).toISOString(),
    influenceUsers: users.length,
    futureHelpers: [...truthOfUsers.values()].filter((value) => value > 0).length,
    methods,
    variants: Object.fromEntries(
      Object.entries(variants).map(([name, settings]) => [
        name,
        evaluate(combinedScores({ ...config, ...settings }), truthOfUsers, users),
      ]),
    ),
  };
}
