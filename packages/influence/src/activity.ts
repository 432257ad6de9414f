// Per-person counts and the measures read straight off them: z-score, helped, regularity, rising.
import { buildSparseRows, endorsementWeight, endorsesActor } from './graph.ts';
import { KIND, WEEK_MS, type InteractionIndex } from './interaction-index.ts';
import type { InfluenceConfig } from './types.ts';

export interface ActivityCounts {
  questions: Uint32Array;
  answers: Uint32Array;
  replies: Uint32Array;
  /** Received: answers of theirs accepted, votes on their posts, thanks with a rating. */
  accepted: Uint32Array;
  upvotes: Uint32Array;
  downvotes: Uint32Array;
  ratings: Uint32Array;
  ratingStars: Float64Array;
}

/** Counts per person; interactions with oneself are left out (except asking, which is one's own). */
export function countActivity(index: InteractionIndex): ActivityCounts {
  const n = index.personIds.length;
  const counts: ActivityCounts = {
    questions: new Uint32Array(n),
    answers: new Uint32Array(n),
    replies: new Uint32Array(n),
    accepted: new Uint32Array(n),
    upvotes: new Uint32Array(n),
    downvotes: new Uint32Array(n),
    ratings: new Uint32Array(n),
    ratingStars: new Float64Array(n),
  };
  for (let i = 0; i < index.length; i++) {
    const actor = index.actor[i]!;
    const target = index.target[i]!;
    const kind = index.kind[i]!;
    if (kind === KIND.question) counts.questions[actor]!++;
    if (actor === target) continue;
    if (kind === KIND.answer) counts.answers[actor]!++;
    else if (kind === KIND.reply) counts.replies[actor]!++;
    else if (kind === KIND.accept) counts.accepted[target]!++;
    else if (kind === KIND.vote && index.weight[i]! > 0) counts.upvotes[target]!++;
    else if (kind === KIND.vote && index.weight[i]! < 0) counts.downvotes[target]!++;
    else if (kind === KIND.rating) {
      counts.ratings[target]!++;
      counts.ratingStars[target]! += index.weight[i]!;
    }
  }
  return counts;
}

/**
 * Zhang, Ackerman & Adamic's z-score: how far a person's answers/questions split is from a coin
 * toss, (a − q) / √(a + q); positive for people who mostly answer, 0 without either.
 */
export function zScores(counts: ActivityCounts): Float64Array {
  const n = counts.answers.length;
  const scores = new Float64Array(n);
  for (let person = 0; person < n; person++) {
    const answers = counts.answers[person]!;
    const questions = counts.questions[person]!;
    const total = answers + questions;
    scores[person] = total === 0 ? 0 : (answers - questions) / Math.sqrt(total);
  }
  return scores;
}

/** Distinct other people each person answered or replied to. */
export function helpedCounts(index: InteractionIndex): Uint32Array {
  const n = index.personIds.length;
  const helper = new Uint32Array(index.length);
  const helpedPerson = new Uint32Array(index.length);
  let count = 0;
  for (let i = 0; i < index.length; i++) {
    const kind = index.kind[i]!;
    if (kind !== KIND.answer && kind !== KIND.reply) continue;
    if (index.actor[i] === index.target[i]) continue;
    helper[count] = index.actor[i]!;
    helpedPerson[count] = index.target[i]!;
    count++;
  }
  const pairs = buildSparseRows(
    n,
    n,
    helper.subarray(0, count),
    helpedPerson.subarray(0, count),
    new Float64Array(count),
  );
  const helped = new Uint32Array(n);
  for (let person = 0; person < n; person++) {
    helped[person] = pairs.rowStart[person + 1]! - pairs.rowStart[person]!;
  }
  return helped;
}

/** Weeks counted back from `asOf`: week 0 is the seven days just before it. */
function weeksBefore(asOf: number, at: number): number {
  return (asOf - at) / WEEK_MS;
}

/**
 * Active weeks: among the last `weeks` weeks before `asOf`, how many in which the person helped
 * (answered or replied); asking is participation, not contribution, and is not counted. Posts are
 * bucketed by week, then each person is counted once per bucket.
 */
export function activeWeeks(index: InteractionIndex, weeks: number): Uint32Array {
  const n = index.personIds.length;
  const window = Math.max(1, Math.floor(weeks));
  const bucketStart = new Uint32Array(window + 1);
  const weekOf = new Int32Array(index.length).fill(-1);
  for (let i = 0; i < index.length; i++) {
    const kind = index.kind[i]!;
    if (kind !== KIND.answer && kind !== KIND.reply) continue;
    const week = Math.floor(weeksBefore(index.asOf, index.at[i]!));
    if (week < 0 || week >= window) continue;
    weekOf[i] = week;
    bucketStart[week + 1]!++;
  }
  for (let week = 0; week < window; week++) bucketStart[week + 1]! += bucketStart[week]!;
  const posterByWeek = new Uint32Array(bucketStart[window]!);
  const fill = bucketStart.slice(0, window);
  for (let i = 0; i < index.length; i++) {
    if (weekOf[i]! >= 0) posterByWeek[fill[weekOf[i]!]!++] = index.actor[i]!;
  }
  const active = new Uint32Array(n);
  const lastWeek = new Int32Array(n).fill(-1);
  for (let week = 0; week < window; week++) {
    for (let p = bucketStart[week]!; p < bucketStart[week + 1]!; p++) {
      const person = posterByWeek[p]!;
      if (lastWeek[person] === week) continue;
      lastWeek[person] = week;
      active[person]!++;
    }
  }
  return active;
}

export interface RisingResult {
  /** Points per week decayed with the short and the long half-life. */
  shortRate: Float64Array;
  longRate: Float64Array;
  /** shortRate − longRate: positive when someone earns points faster lately than usual. */
  rising: Float64Array;
}

/**
 * Points per week, a point being a unit of endorsement received (the same weights as the graph:
 * answers and replies given, votes, acceptances and ratings received), as two exponentially decayed rates: rate_H = (ln 2 / H) · Σ points ·
 * 2^(−age / H), age in weeks before `asOf`. A steady earner has equal rates (rising ≈ 0); someone
 * speeding up has a short-term rate above the long-term one.
 */
export function risingScores(index: InteractionIndex, config: InfluenceConfig): RisingResult {
  const n = index.personIds.length;
  const short = config.risingShortHalfLifeWeeks;
  const long = config.risingLongHalfLifeWeeks;
  const shortRate = new Float64Array(n);
  const longRate = new Float64Array(n);
  const { actor, target, kind } = index;
  for (let i = 0; i < index.length; i++) {
    if (actor[i] === target[i]) continue;
    const points = endorsementWeight(kind[i]!, index.weight[i]!, config.interactionWeights);
    if (points === 0) continue;
    const earner = endorsesActor(kind[i]!) ? actor[i]! : target[i]!;
    const age = weeksBefore(index.asOf, index.at[i]!);
    shortRate[earner]! += points * Math.pow(2, -age / short);
    longRate[earner]! += points * Math.pow(2, -age / long);
  }
  const rising = new Float64Array(n);
  for (let person = 0; person < n; person++) {
    shortRate[person]! *= Math.LN2 / short;
    longRate[person]! *= Math.LN2 / long;
    rising[person] = shortRate[person]! - longRate[person]!;
  }
  return { shortRate, longRate, rising };
}
