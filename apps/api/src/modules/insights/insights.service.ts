// Community insights for community leads and admins: activity over time, answer rate, time to
// first answer, unanswered questions, top tags and the influencer lists with each score's
// breakdown, for one group or company-wide. Private groups count only for those who may read
// them (members, moderators, admins); a private group asked for by anyone else is "not found".
import type { Influencer, Insights, InsightsQuery, WeeklyActivity } from '@serendip/contracts';
import type { Database } from '@serendip/db';
import { groups } from '@serendip/db';
import { eq } from 'drizzle-orm';
import { DomainError } from '../../errors.ts';
import type { Viewer } from '../../plugins/session.ts';
import { groupReadableBy, loadGroupAccess } from '../groups/groups.access.ts';
import { latestSnapshotDate, selectSnapshotRows } from '../people/people.queries.ts';
import {
  selectAnswerFigures,
  selectTopTags,
  selectUserSummaries,
  selectWeeklyAnswers,
  selectWeeklyQuestions,
  type InsightsScope,
} from './insights.queries.ts';

const DAY_MS = 86_400_000;
const LIST_LENGTH = 10;
/** Each influencer list ranks by one raw component of the latest snapshot. */
const LISTS = {
  experts: 'expertiseRank',
  helpers: 'helped',
  connectors: 'connector',
  rising: 'rising',
} as const;

export function assertMayReadInsights(viewer: Viewer): void {
  if (viewer.role !== 'community_lead' && viewer.role !== 'admin') {
    throw new DomainError('forbidden', 'Insights are for community leads and admins.');
  }
}

/** Monday 00:00 UTC of the week holding `date`. */
export function mondayOf(date: Date): Date {
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  return new Date(day.getTime() - ((day.getUTCDay() + 6) % 7) * DAY_MS);
}

/** Every week of the window, with zeros for the weeks nothing happened. */
function fillWeeks(
  since: Date,
  weeks: number,
  questions: { week: string; count: number }[],
  answers: { week: string; count: number }[],
): WeeklyActivity[] {
  const asked = new Map(questions.map((row) => [row.week, row.count]));
  const answered = new Map(answers.map((row) => [row.week, row.count]));
  return Array.from({ length: weeks }, (_, index) => {
    const week = new Date(since.getTime() + index * 7 * DAY_MS).toISOString().slice(0, 10);
    return { week, questions: asked.get(week) ?? 0, answers: answered.get(week) ?? 0 };
  });
}

async function influencerLists(
  db: Database,
  scopeType: 'company' | 'group',
  scopeKey: string,
): Promise<{ computedAt: Date | null; lists: Insights['influencers'] }> {
  const empty = { experts: [], helpers: [], connectors: [], rising: [] };
  const computedAt = await latestSnapshotDate(db, scopeType, scopeKey);
  if (!computedAt) return { computedAt, lists: empty };
  const scope = { type: scopeType, key: scopeKey, computedAt };
  const entries = await Promise.all(
    Object.entries(LISTS).map(
      async ([name, component]) =>
        [name, await selectSnapshotRows(db, scope, { limit: LIST_LENGTH, component })] as const,
    ),
  );
  const ids = [...new Set(entries.flatMap(([, rows]) => rows.map((row) => row.userId)))];
  const people = await selectUserSummaries(db, ids);
  const lists: Record<string, Influencer[]> = {};
  for (const [name, rows] of entries) {
    lists[name] = rows.flatMap((row) => {
      const user = people.get(row.userId);
      if (!user) return [];
      const { rank, combined, components, contributions } = row;
      return [{ user, rank, combined, components, contributions }];
    });
  }
  return { computedAt, lists: lists as Insights['influencers'] };
}

export async function loadInsights(
  db: Database,
  viewer: Viewer,
  query: InsightsQuery,
  now = new Date(),
): Promise<Insights> {
  assertMayReadInsights(viewer);
  const group = query.group
    ? (await loadGroupAccess(db, viewer, { slug: query.group })).group
    : null;
  const weeks = query.weeks ?? 12;
  const since = new Date(mondayOf(now).getTime() - (weeks - 1) * 7 * DAY_MS);
  const scope: InsightsScope = {
    groups: group ? eq(groups.id, group.id) : groupReadableBy(viewer),
    since,
  };
  const [questions, answers, figures, topTags, influence] = await Promise.all([
    selectWeeklyQuestions(db, scope),
    selectWeeklyAnswers(db, scope),
    selectAnswerFigures(db, scope),
    selectTopTags(db, scope, LIST_LENGTH),
    influencerLists(db, group ? 'group' : 'company', group ? String(group.id) : ''),
  ]);
  return {
    group: group ? { slug: group.slug, name: group.name } : null,
    weeks,
    since: since.toISOString(),
    activity: fillWeeks(since, weeks, questions, answers),
    questions: figures.questions,
    answered: figures.answered,
    answerRate: figures.questions > 0 ? figures.answered / figures.questions : null,
    medianHoursToFirstAnswer:
      figures.medianSeconds === null ? null : Number(figures.medianSeconds) / 3600,
    unanswered: figures.unanswered,
    topTags,
    computedAt: influence.computedAt?.toISOString() ?? null,
    influencers: influence.lists,
  };
}
