// The expert directory's order: demonstrated expertise first, then declared skill, availability
// and ratings received; the sum is lowered for people already holding unanswered questions
// addressed to them, so "ask this expert" spreads over several experts instead of one.

/** Weights of the directory score's parts; they sum to 1 so the score stays in [0, 1]. */
export const DIRECTORY_WEIGHTS = Object.freeze({
  expertise: 0.6,
  declaredSkill: 0.15,
  availability: 0.1,
  ratings: 0.15,
});

/** Each pending addressed question divides the score a little more: 1 / (1 + 0.25·pending). */
export const LOAD_PENALTY_PER_QUESTION = 0.25;
/** An hour a week of declared help time counts as fully available. */
const FULL_AVAILABILITY_MINUTES = 60;
/** Ratings count fully only once several people rated: count / (count + 2). */
const RATING_PRIOR = 2;

export interface DirectoryInputs {
  /** Influence on the topic from the latest snapshot, in [0, 1]; 0 when not in it. */
  expertise: number;
  declaredSkill: boolean;
  openToQuestions: boolean;
  weeklyHelpMinutes: number;
  ratingCount: number;
  ratingAverage: number | null;
  pendingAddressed: number;
}

export interface DirectoryScore {
  score: number;
  loadFactor: number;
}

export function availabilityOf(openToQuestions: boolean, weeklyHelpMinutes: number): number {
  if (!openToQuestions) return 0;
  return 0.5 + 0.5 * Math.min(1, Math.max(0, weeklyHelpMinutes) / FULL_AVAILABILITY_MINUTES);
}

/** Average rating (1–5) brought to [0, 1], shrunk towards 0 when few people rated. */
export function ratingsOf(count: number, average: number | null): number {
  if (count <= 0 || average === null) return 0;
  return ((average - 1) / 4) * (count / (count + RATING_PRIOR));
}

export function loadFactorOf(pendingAddressed: number): number {
  return 1 / (1 + LOAD_PENALTY_PER_QUESTION * Math.max(0, pendingAddressed));
}

export function directoryScore(inputs: DirectoryInputs): DirectoryScore {
  const weighted =
    DIRECTORY_WEIGHTS.expertise * Math.min(1, Math.max(0, inputs.expertise)) +
    DIRECTORY_WEIGHTS.declaredSkill * (inputs.declaredSkill ? 1 : 0) +
    DIRECTORY_WEIGHTS.availability *
      availabilityOf(inputs.openToQuestions, inputs.weeklyHelpMinutes) +
    DIRECTORY_WEIGHTS.ratings * ratingsOf(inputs.ratingCount, inputs.ratingAverage);
  const loadFactor = loadFactorOf(inputs.pendingAddressed);
  return { score: weighted * loadFactor, loadFactor };
}
