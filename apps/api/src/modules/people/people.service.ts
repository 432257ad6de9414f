// The expert directory: who knows about a topic, ranked by demonstrated expertise (the latest
// influence snapshot for that tag), declared skills, availability and ratings received, with
// people already holding several addressed questions shown lower (people.ranking.ts).
import type { PeopleList, PeopleQuery, PersonCard } from '@serendip/contracts';
import type { Database } from '@serendip/db';
import { invalid } from '../../errors.ts';
import type { Viewer } from '../../plugins/session.ts';
import { normalizeTag } from '../tags/tags.queries.ts';
import { directoryScore } from './people.ranking.ts';
import {
  latestSnapshotDate,
  selectAskGroups,
  selectPendingAddressed,
  selectPeople,
  selectRatings,
  selectSkillHolders,
  selectSkills,
  selectSnapshotRows,
} from './people.queries.ts';

/** How many snapshot leaders and matching people are considered before ranking. */
const CANDIDATES = 500;

function topicOf(query: PeopleQuery): string | null {
  const raw = query.skill ?? query.tag;
  if (raw === undefined) return null;
  const topic = normalizeTag(raw);
  if (!topic) throw invalid(query.skill ? 'skill' : 'tag', `"${raw}" is not a usable tag.`);
  return topic;
}

/** Who to rank: declared skill holders, snapshot leaders, or (by name) anyone. */
async function candidateIds(
  db: Database,
  query: PeopleQuery,
  topic: string | null,
  scope: { type: string; key: string; computedAt: Date | null },
): Promise<number[] | null> {
  const holders = topic ? await selectSkillHolders(db, topic) : [];
  if (query.skill) return holders;
  if (!topic && query.q) return null;
  const leaders = scope.computedAt
    ? await selectSnapshotRows(
        db,
        { type: scope.type, key: scope.key, computedAt: scope.computedAt },
        { limit: CANDIDATES },
      )
    : [];
  if (!topic && leaders.length === 0) return null;
  return [...new Set([...leaders.map((row) => row.userId), ...holders])];
}

export async function listPeople(
  db: Database,
  viewer: Viewer,
  query: PeopleQuery,
): Promise<PeopleList> {
  const topic = topicOf(query);
  const scope = { type: topic ? 'tag' : 'company', key: topic ?? '' };
  const computedAt = await latestSnapshotDate(db, scope.type, scope.key);
  const ids = await candidateIds(db, query, topic, { ...scope, computedAt });
  const people = await selectPeople(db, { ids, q: query.q, limit: CANDIDATES });
  const peopleIds = people.map((person) => person.id);
  const [snapshot, skills, ratings, pending, askGroups] = await Promise.all([
    computedAt && peopleIds.length > 0
      ? selectSnapshotRows(db, { ...scope, computedAt }, { limit: CANDIDATES, userIds: peopleIds })
      : Promise.resolve([]),
    selectSkills(db, peopleIds),
    selectRatings(db, peopleIds),
    selectPendingAddressed(db, peopleIds),
    selectAskGroups(db, viewer, peopleIds),
  ]);
  const snapshotOf = new Map(snapshot.map((row) => [row.userId, row]));
  const cards: PersonCard[] = people.map((person) => {
    const { openToQuestions, weeklyHelpMinutes, ...user } = person;
    const row = snapshotOf.get(person.id);
    const personSkills = skills.get(person.id) ?? [];
    const rating = ratings.get(person.id);
    const inputs = {
      expertise: row?.combined ?? 0,
      declaredSkill: topic !== null && personSkills.includes(topic),
      openToQuestions,
      weeklyHelpMinutes,
      ratingCount: rating?.count ?? 0,
      ratingAverage: rating?.average ?? null,
      pendingAddressed: pending.get(person.id) ?? 0,
    };
    const { score, loadFactor } = directoryScore(inputs);
    return {
      user,
      skills: personSkills,
      askIn: askGroups.get(person.id) ?? null,
      relevance: {
        ...inputs,
        score,
        loadFactor,
        expertiseRank: row?.rank ?? null,
        contributions: row?.contributions ?? {},
      },
    };
  });
  cards.sort(
    (a, b) =>
      b.relevance.score - a.relevance.score || a.user.displayName.localeCompare(b.user.displayName),
  );
  return {
    topic,
    computedAt: computedAt?.toISOString() ?? null,
    people: cards.slice(0, query.limit ?? 30),
  };
}
