// The shapes the rules engine works with: a rule as moderators configure it, a post as the engine
// sees it, and what a rule found. Pure data, no I/O.

/** hold: not visible until approved; queue: published and queued for review; reject: refused. */
export type RuleAction = 'hold' | 'queue' | 'reject';

export type RuleKind =
  | 'blocked_terms'
  | 'watched_terms'
  | 'personal_data'
  | 'new_member_links'
  | 'shouting'
  | 'repeated_text'
  | 'posting_rate';

export interface TermsParams {
  /** Words or short phrases; accents, case and simple obfuscation are ignored when matching. */
  terms: string[];
}

export interface PersonalDataParams {
  detect: ('email' | 'phone' | 'iban')[];
}

export interface NewMemberLinksParams {
  /** The rule applies to authors whose trust level is below this. */
  belowTrustLevel: number;
  maxLinks: number;
  maxMentions: number;
}

export interface ShoutingParams {
  /** Shorter texts (in letters) are never shouting: "OK MERCI" is fine. */
  minLetters: number;
  /** Share of upper-case letters, 0..1, above which the text is shouting. */
  maxUppercaseRatio: number;
}

export interface RepeatedTextParams {
  windowMinutes: number;
  /** Short texts ("Merci !") are legitimately repeated. */
  minLength: number;
}

export interface PostingRateParams {
  windowMinutes: number;
  maxPosts: number;
}

interface RuleBase<K extends RuleKind, P> {
  id: number;
  kind: K;
  /** The charter clause number the rule enforces. */
  clause: number;
  action: RuleAction;
  /** Shown to the author when the action is reject. */
  message: string;
  params: P;
}

export type RuleDefinition =
  | RuleBase<'blocked_terms', TermsParams>
  | RuleBase<'watched_terms', TermsParams>
  | RuleBase<'personal_data', PersonalDataParams>
  | RuleBase<'new_member_links', NewMemberLinksParams>
  | RuleBase<'shouting', ShoutingParams>
  | RuleBase<'repeated_text', RepeatedTextParams>
  | RuleBase<'posting_rate', PostingRateParams>;

export interface RecentPost {
  text: string;
  createdAt: Date;
}

export interface PostCandidate {
  text: string;
  authorTrustLevel: number;
  /** The author's own recent posts, newest first (repeated text, posting rate). */
  recentPosts: RecentPost[];
  now: Date;
}

export interface RuleHit {
  ruleId: number;
  kind: RuleKind;
  clause: number;
  action: RuleAction;
  message: string;
  /** What was found, for the moderator ("term: con", "iban", "links: 4 > 2"). */
  detail: string;
}

export interface Verdict {
  /** The strongest action among the hits, or 'publish' when nothing matched. */
  outcome: 'publish' | RuleAction;
  hits: RuleHit[];
}
