// The shapes going in and out of the scoring: interactions and people in, explainable scores out.

export type PersonId = string;

/**
 * What happened. `actor` did it, `target` is the person acted upon:
 * - `question`: actor asked a question (target is the actor themself; it is ignored);
 * - `answer`: actor answered target's question;
 * - `reply`: actor replied to target's post in a discussion;
 * - `vote`: actor voted on a post written by target (`weight` +1 or -1, default +1);
 * - `accept`: actor (the asker) accepted target's answer;
 * - `rating`: actor thanked target with a rating (`weight` 1..5, default 5).
 */
export type InteractionKind = 'question' | 'answer' | 'reply' | 'vote' | 'accept' | 'rating';

export interface Interaction {
  kind: InteractionKind;
  actor: PersonId;
  target: PersonId;
  /** When it happened, epoch milliseconds. */
  at: number;
  /** The group the thread lives in. */
  groupId: string;
  /** The thread's tags (votes, accepts and ratings carry the tags of the thread they are about). */
  tags?: readonly string[];
  /** Vote value (±1) or rating (1..5); ignored for the other kinds. */
  weight?: number;
}

export interface Person {
  department: string;
  site: string;
}

/** Who works where; people missing from it still get scores, but never count as a cross-tie. */
export type People = ReadonlyMap<PersonId, Person> | Readonly<Record<PersonId, Person>>;

/** The measures that make up the combined score, in the order they are documented. */
export const COMPONENT_NAMES = [
  'expertiseRank',
  'authority',
  'zScore',
  'helped',
  'connector',
  'regularity',
  'rising',
] as const;

export type ComponentName = (typeof COMPONENT_NAMES)[number];

export type Components = Record<ComponentName, number>;

/** How raw components are brought to [0, 1] before weighting; see README. */
export type Normalization = 'log' | 'max' | 'rank';

export interface InfluenceConfig {
  /** Relative weight of each normalized component in the combined score (divided by their sum). */
  weights: Components;
  normalization: Normalization;
  /**
   * Worth of one interaction of each kind, as an endorsement edge in the ExpertiseRank/HITS graph
   * and as points in the rising score. `vote` is multiplied by the vote value (±1) and `rating` by
   * stars / 5; `question` earns nothing and adds no edge.
   */
  interactionWeights: Record<Exclude<InteractionKind, 'question'>, number>;
  /** PageRank damping factor (probability of following an endorsement rather than teleporting). */
  damping: number;
  /** Power iterations stop when the largest change of a score falls below this. */
  tolerance: number;
  maxIterations: number;
  /**
   * Recency of endorsements in the ExpertiseRank/HITS graph: an edge's weight halves every this
   * many weeks before `asOf`. 0 turns decay off (every endorsement counts fully, whatever its age).
   */
  endorsementHalfLifeWeeks: number;
  /** Regularity counts the active weeks among this many weeks before `asOf`. */
  regularityWeeks: number;
  /** Rising compares the points-per-week rate decayed with these two half-lives (weeks). */
  risingShortHalfLifeWeeks: number;
  risingLongHalfLifeWeeks: number;
  /** Relative weight of each kind of bridge in the connector score. */
  connectorWeights: { groups: number; departments: number; sites: number };
}

/** Counts behind the components, so every score can be explained in words. */
export interface PersonDetails {
  questions: number;
  answers: number;
  replies: number;
  /** Answers of theirs that were accepted. */
  accepted: number;
  upvotes: number;
  downvotes: number;
  ratings: number;
  /** Mean stars of the ratings they received, 0 without ratings. */
  meanRating: number;
  activeWeeks: number;
  /** Groups they acted in. */
  groups: number;
  /** Distinct people they interacted with in another department / at another site. */
  crossDepartmentTies: number;
  crossSiteTies: number;
  /** The three parts of `connector`, before the connector weights. */
  groupBridging: number;
  departmentBridging: number;
  siteBridging: number;
  /** Their hub score from HITS (good askers of good answerers), × the graph's average. */
  hub: number;
}

export interface PersonScore {
  personId: PersonId;
  /** 1-based position by combined score (ties broken by person id). */
  rank: number;
  /** Weighted mean of the normalized components, in [0, 1]. */
  combined: number;
  /** Raw values, in their own units (see README). */
  components: Components;
  /** Each component brought to [0, 1]. */
  normalized: Components;
  /** weight × normalized / sum of weights: they add up to `combined`. */
  contributions: Components;
  details: PersonDetails;
}

export interface Convergence {
  iterations: number;
  converged: boolean;
}

export interface Scope {
  groupId?: string;
  tag?: string;
}

export interface InfluenceResult {
  /** Only interactions strictly before this instant were used; "now" for time-based measures. */
  asOf: number;
  scope: Scope;
  config: InfluenceConfig;
  /** Sorted by combined score descending, then person id. */
  people: PersonScore[];
  convergence: { expertiseRank: Convergence; authority: Convergence };
}

export interface InfluenceOptions {
  /** Default: one millisecond after the latest interaction (0 when there is none). */
  asOf?: number;
  scope?: Scope;
  config?: Partial<InfluenceConfig>;
  /** Also list people of the `people` map who have no interaction in scope (all zero). */
  includeInactive?: boolean;
}
