// Generates a company's Q&A interactions with a seeded PRNG: skewed people, groups and tags over two years.
import type { Interaction, Person } from '../../packages/influence/src/index.ts';

export interface GeneratedCompany {
  interactions: Interaction[];
  people: Map<string, Person>;
  groupCount: number;
  tagCount: number;
  threads: number;
  startsAt: number;
  endsAt: number;
}

export interface GenerateOptions {
  interactions: number;
  people?: number;
  groups?: number;
  departments?: number;
  sites?: number;
  tags?: number;
  seed?: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const YEARS = 2;

/** mulberry32: small, fast and good enough to draw a benchmark from. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Draws indices in proportion to weights (binary search over the cumulative sums). */
class WeightedPicker {
  private readonly cumulative: Float64Array;

  constructor(
    weights: ArrayLike<number>,
    private readonly random: () => number,
  ) {
    this.cumulative = new Float64Array(weights.length);
    let sum = 0;
    for (let i = 0; i < weights.length; i++) this.cumulative[i] = sum += weights[i]!;
  }

  pick(): number {
    const total = this.cumulative[this.cumulative.length - 1]!;
    const needle = this.random() * total;
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.cumulative[middle]! > needle) high = middle;
      else low = middle + 1;
    }
    return low;
  }
}

/** Zipf-like weights 1 / (rank + 1)^exponent, shuffled so rank and index are unrelated. */
function zipfWeights(count: number, exponent: number): Float64Array {
  return Float64Array.from({ length: count }, (_, rank) => 1 / (rank + 1) ** exponent);
}

interface Member {
  id: string;
  /** Interactions only fall inside [joinedAt, leftAt). */
  joinedAt: number;
  leftAt: number;
}

/**
 * Threads are drawn until `interactions` is reached: a question by an asker (many occasional
 * askers), in one of their groups, 0-6 answers by heavy-tailed answerers of that group, votes by
 * the group's members (90% up), an accepted answer for half the answered questions, a rating for
 * some; a fifth of threads are discussions with replies instead. Activity grows over the two years,
 * people join and leave, and a quarter of the people belong to a group outside their department.
 */
export function generateCompany(options: GenerateOptions): GeneratedCompany {
  const random = seededRandom(options.seed ?? 42);
  const personCount = options.people ?? 20_000;
  const groupCount = options.groups ?? 50;
  const departmentCount = options.departments ?? 10;
  const siteCount = options.sites ?? 5;
  const tagCount = options.tags ?? 400;
  const endsAt = Date.UTC(2026, 0, 1);
  const startsAt = endsAt - YEARS * 365 * DAY_MS;
  const span = endsAt - startsAt;

  const departmentPicker = new WeightedPicker(zipfWeights(departmentCount, 0.8), random);
  const sitePicker = new WeightedPicker(zipfWeights(siteCount, 1), random);
  const groupsOfDepartment = Array.from({ length: departmentCount }, () => [] as number[]);
  for (let g = 0; g < groupCount; g++) groupsOfDepartment[g % departmentCount]!.push(g);

  const people = new Map<string, Person>();
  const members: Member[] = [];
  const membersOfGroup = Array.from({ length: groupCount }, () => [] as number[]);
  const groupsOfPerson: number[][] = [];
  const askWeight = new Float64Array(personCount);
  const answerWeight = new Float64Array(personCount);
  for (let p = 0; p < personCount; p++) {
    const id = `u${p}`;
    const department = departmentPicker.pick();
    people.set(id, { department: `dept-${department}`, site: `site-${sitePicker.pick()}` });
    const joinedAt = random() < 0.6 ? startsAt : startsAt + random() * span * 0.9;
    const leftAt = random() < 0.15 ? joinedAt + random() * (endsAt - joinedAt) : endsAt;
    members.push({ id, joinedAt, leftAt });
    const own = groupsOfDepartment[department]!;
    const groups = new Set([own[Math.floor(random() * own.length)]!]);
    while (random() < 0.25) groups.add(Math.floor(random() * groupCount));
    groupsOfPerson.push([...groups]);
    for (const g of groups) membersOfGroup[g]!.push(p);
    // Pareto tails: most people ask now and then, a few answer a great deal.
    askWeight[p] = 1 / (1 - random()) ** 0.6;
    answerWeight[p] = random() < 0.3 ? 1 / (1 - random()) ** 1.6 : 0.02;
  }

  const groupWeights = zipfWeights(groupCount, 0.7);
  const askerPicker = new WeightedPicker(askWeight, random);
  const answererPickers = membersOfGroup.map(
    (list) =>
      new WeightedPicker(
        list.map((p) => answerWeight[p]!),
        random,
      ),
  );
  const tagPicker = new WeightedPicker(zipfWeights(tagCount, 1.1), random);
  const tagNames = Array.from({ length: tagCount }, (_, t) => `tag-${t}`);
  const groupIds = Array.from({ length: groupCount }, (_, g) => `group-${g}`);

  const activeAt = (person: number, at: number) =>
    members[person]!.joinedAt <= at && at < members[person]!.leftAt;
  /** Activity doubles over the two years: density ∝ 1 + x on [0, 1], drawn by inverting its CDF. */
  const threadTime = () => startsAt + span * (-1 + Math.sqrt(1 + 3 * random()));
  const interactions: Interaction[] = [];
  let threads = 0;
  const push = (interaction: Interaction) => {
    if (interactions.length < options.interactions && interaction.at < endsAt) {
      interactions.push(interaction);
    }
  };

  while (interactions.length < options.interactions) {
    const asker = askerPicker.pick();
    const asked = threadTime();
    if (!activeAt(asker, asked)) continue;
    threads++;
    const askerGroups = groupsOfPerson[asker]!;
    const group =
      askerGroups.length === 1 || random() < 0.6
        ? askerGroups[0]!
        : askerGroups[Math.floor(random() * askerGroups.length)]!;
    const groupId = groupIds[group]!;
    const tags = [
      ...new Set(Array.from({ length: 1 + Math.floor(random() * 3) }, () => tagPicker.pick())),
    ].map((t) => tagNames[t]!);
    const askerId = members[asker]!.id;
    const isDiscussion = random() < 0.2 * groupWeights[group]! + 0.1;
    push({ kind: 'question', actor: askerId, target: askerId, at: asked, groupId, tags });
    const responses = Math.floor(-Math.log(1 - random()) * (isDiscussion ? 3 : 1.8));
    const responders: string[] = [];
    for (let r = 0; r < responses; r++) {
      let responder = -1;
      for (let attempt = 0; attempt < 4 && responder < 0; attempt++) {
        const candidate = membersOfGroup[group]![answererPickers[group]!.pick()]!;
        if (candidate !== asker && activeAt(candidate, asked)) responder = candidate;
      }
      if (responder < 0) continue;
      const responderId = members[responder]!.id;
      const at = asked + random() * 3 * DAY_MS;
      const repliedTo = isDiscussion && responders.length > 0 && random() < 0.5;
      const target = repliedTo ? responders[Math.floor(random() * responders.length)]! : askerId;
      push({
        kind: isDiscussion ? 'reply' : 'answer',
        actor: responderId,
        target,
        at,
        groupId,
        tags,
      });
      responders.push(responderId);
      const votes = Math.floor(-Math.log(1 - random()) * 2);
      for (let v = 0; v < votes; v++) {
        const voterList = membersOfGroup[group]!;
        const voter = members[voterList[Math.floor(random() * voterList.length)]!]!.id;
        if (voter === responderId) continue;
        const weight = random() < 0.9 ? 1 : -1;
        push({
          kind: 'vote',
          actor: voter,
          target: responderId,
          at: at + random() * 10 * DAY_MS,
          groupId,
          tags,
          weight,
        });
      }
    }
    if (!isDiscussion && responders.length > 0 && random() < 0.5) {
      const chosen = responders[Math.floor(random() * Math.min(2, responders.length))]!;
      const at = asked + (3 + random() * 4) * DAY_MS;
      push({ kind: 'accept', actor: askerId, target: chosen, at, groupId, tags });
      if (random() < 0.3) {
        const weight = 3 + Math.floor(random() * 3);
        push({ kind: 'rating', actor: askerId, target: chosen, at, groupId, tags, weight });
      }
    }
  }
  return { interactions, people, groupCount, tagCount, threads, startsAt, endsAt };
}
