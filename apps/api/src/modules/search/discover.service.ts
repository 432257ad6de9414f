// Recommendations: related threads (engine similarity combined with shared tags, shared
// answerers and group diversity), the Discover feed and questions the viewer could answer.
// Each item carries a one-line reason in the viewer's language.
import type { ThreadRecommendation, ThreadRecommendations } from '@serendip/contracts';
import type { Database } from '@serendip/db';
import type { RelatedCandidate, SearchEngine } from '@serendip/search';
import type { Viewer } from '../../plugins/session.ts';
import { loadThreadAccess } from '../threads/thread-access.ts';
import {
  answerableQuestions,
  discoverCandidates,
  readableGroupIds,
  sharedAnswererCounts,
  type DiscoverCandidate,
} from './search.queries.ts';

type Locale = Viewer['locale'];

const reasons = {
  sharedTags: (l: Locale, tags: string[]) =>
    l === 'fr' ? `Mêmes sujets : ${hashtags(tags)}` : `Same topics: ${hashtags(tags)}`,
  sameAnswerers: (l: Locale) =>
    l === 'fr' ? 'Les mêmes personnes y ont répondu' : 'Answered by the same people',
  similarText: (l: Locale) =>
    l === 'fr' ? 'Question formulée de façon proche' : 'Similar wording',
  otherGroup: (l: Locale, group: string) =>
    l === 'fr' ? `Vu dans un autre groupe : ${group}` : `From another group: ${group}`,
  interest: (l: Locale, tags: string[]) =>
    l === 'fr'
      ? `Correspond à vos centres d'intérêt : ${hashtags(tags)}`
      : `Matches your interests: ${hashtags(tags)}`,
  otherDepartment: (l: Locale, department: string, group: string) =>
    l === 'fr'
      ? `Du département ${department}, dans ${group}`
      : `From the ${department} department, in ${group}`,
  otherSite: (l: Locale, site: string, group: string) =>
    l === 'fr' ? `Du site de ${site}, dans ${group}` : `From the ${site} site, in ${group}`,
  popular: (l: Locale, group: string) =>
    l === 'fr'
      ? `Apprécié dans ${group}, un groupe dont vous n'êtes pas membre`
      : `Popular in ${group}, a group you are not in`,
  skill: (l: Locale, tags: string[]) =>
    l === 'fr' ? `Dans vos compétences : ${hashtags(tags)}` : `In your skills: ${hashtags(tags)}`,
  unansweredInGroup: (l: Locale, group: string) =>
    l === 'fr'
      ? `Sans réponse dans ${group}, votre groupe`
      : `Unanswered in ${group}, one of your groups`,
};

function hashtags(tags: string[]): string {
  return tags
    .slice(0, 3)
    .map((tag) => `#${tag}`)
    .join(', ');
}

/** Related threads for a thread page; 404 when the viewer may not read the source. */
export async function relatedThreads(
  db: Database,
  engine: SearchEngine,
  viewer: Viewer,
  threadId: number,
  limit: number,
): Promise<ThreadRecommendations> {
  const source = await loadThreadAccess(db, viewer, threadId);
  const candidates = await engine.related({
    threadId,
    readableGroupIds: await readableGroupIds(db, viewer),
    limit: limit * 4,
  });
  const shared = await sharedAnswererCounts(
    db,
    threadId,
    candidates.map((c) => c.id),
  );
  const scored = candidates.map((candidate) => ({
    candidate,
    sharedAnswerers: shared.get(candidate.id) ?? 0,
    value: candidate.similarity + 0.25 * Math.min(shared.get(candidate.id) ?? 0, 2),
  }));
  const picked = pickDiverse(scored, (s) => s.candidate.groupId, limit);
  return {
    items: picked.map(({ candidate, sharedAnswerers }) => ({
      id: candidate.id,
      title: candidate.title,
      group: { slug: candidate.groupSlug ?? '', name: candidate.groupName ?? '' },
      answered: candidate.answered,
      score: candidate.score,
      reason: relatedReason(viewer.locale, candidate, sharedAnswerers, source.group.id),
    })),
  };
}

function relatedReason(
  locale: Locale,
  candidate: RelatedCandidate,
  sharedAnswerers: number,
  sourceGroupId: number,
): string {
  if (sharedAnswerers > 0) return reasons.sameAnswerers(locale);
  if (candidate.groupId !== sourceGroupId && candidate.groupName) {
    return reasons.otherGroup(locale, candidate.groupName);
  }
  if (candidate.sharedTags.length > 0) return reasons.sharedTags(locale, candidate.sharedTags);
  return reasons.similarText(locale);
}

/**
 * Greedy pick by value where each item already taken from the same group costs a little, so
 * one busy group cannot fill the list when others have good items.
 */
function pickDiverse<T extends { value: number }>(
  items: T[],
  groupOf: (item: T) => number | null,
  limit: number,
  penalty = 0.15,
): T[] {
  const remaining = [...items];
  const taken: T[] = [];
  const perGroup = new Map<number | null, number>();
  while (taken.length < limit && remaining.length > 0) {
    let bestIndex = 0;
    let bestValue = -Infinity;
    remaining.forEach((item, index) => {
      const value = item.value - penalty * (perGroup.get(groupOf(item)) ?? 0);
      if (value > bestValue) {
        bestValue = value;
        bestIndex = index;
      }
    });
    const [best] = remaining.splice(bestIndex, 1);
    taken.push(best!);
    perGroup.set(groupOf(best!), (perGroup.get(groupOf(best!)) ?? 0) + 1);
  }
  return taken;
}

/** At most this many items of one group in the Discover feed. */
const DISCOVER_PER_GROUP = 2;

export async function discover(
  db: Database,
  viewer: Viewer,
  limit: number,
): Promise<ThreadRecommendations> {
  const { me, candidates } = await discoverCandidates(db, viewer.id, limit);
  const now = Date.now();
  const scored = candidates
    .map((c) => {
      const otherDepartment = Boolean(c.department && c.department !== me.department);
      const otherSite = Boolean(c.site && c.site !== me.site);
      const ageDays = (now - new Date(c.created_at).getTime()) / 86_400_000;
      const value =
        2 * Number(c.interest) +
        Math.log1p(Math.max(c.score, 0)) +
        (otherDepartment ? 0.75 : 0) +
        (otherSite ? 0.5 : 0) +
        (c.answered ? 0.25 : 0) -
        Math.min(ageDays / 90, 1);
      return { candidate: c, value, otherDepartment, otherSite };
    })
    .sort((a, b) => b.value - a.value || b.candidate.id - a.candidate.id);
  const perGroup = new Map<string, number>();
  const items: ThreadRecommendation[] = [];
  for (const entry of scored) {
    if (items.length >= limit) break;
    const count = perGroup.get(entry.candidate.group_slug) ?? 0;
    if (count >= DISCOVER_PER_GROUP) continue;
    perGroup.set(entry.candidate.group_slug, count + 1);
    items.push(toRecommendation(entry.candidate, discoverReason(viewer.locale, entry)));
  }
  return { items };
}

function discoverReason(
  locale: Locale,
  entry: { candidate: DiscoverCandidate; otherDepartment: boolean; otherSite: boolean },
): string {
  const { candidate } = entry;
  if (candidate.matched_tags.length > 0) return reasons.interest(locale, candidate.matched_tags);
  if (entry.otherDepartment) {
    return reasons.otherDepartment(locale, candidate.department!, candidate.group_name);
  }
  if (entry.otherSite) return reasons.otherSite(locale, candidate.site!, candidate.group_name);
  return reasons.popular(locale, candidate.group_name);
}

export async function questionsToAnswer(
  db: Database,
  viewer: Viewer,
  limit: number,
): Promise<ThreadRecommendations> {
  const rows = await answerableQuestions(db, viewer, limit);
  return {
    items: rows.map((row) =>
      toRecommendation(
        { ...row, answered: false },
        row.matched_tags.length > 0
          ? reasons.skill(viewer.locale, row.matched_tags)
          : reasons.unansweredInGroup(viewer.locale, row.group_name),
      ),
    ),
  };
}

function toRecommendation(
  row: {
    id: number;
    title: string;
    group_slug: string;
    group_name: string;
    answered: boolean;
    score: number;
  },
  reason: string,
): ThreadRecommendation {
  return {
    id: row.id,
    title: row.title,
    group: { slug: row.group_slug, name: row.group_name },
    answered: row.answered,
    score: row.score,
    reason,
  };
}
