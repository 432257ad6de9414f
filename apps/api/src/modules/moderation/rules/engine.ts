// The rules engine: compile the configured rules once, then judge each new post against them.
// Pure functions, no I/O: the caller supplies the author's trust level and recent posts.
import { findPersonalData } from './personal-data.ts';
import { comparableText, wordsOf } from './normalize.ts';
import { compileTerms, findTerms, type CompiledTerms } from './terms.ts';
import { countLinks, countMentions, uppercaseRatio } from './text-checks.ts';
import type { PostCandidate, RuleAction, RuleDefinition, RuleHit, Verdict } from './types.ts';

type Check = (post: PostCandidate, words: () => string[]) => string | null;

export interface CompiledRule {
  rule: RuleDefinition;
  check: Check;
}

export interface CompiledRules {
  rules: CompiledRule[];
}

const MINUTE = 60_000;

function termsCheck(compiled: CompiledTerms): Check {
  return (_post, words) => {
    const found = findTerms(compiled, words());
    return found.length > 0 ? `terms: ${found.join(', ')}` : null;
  };
}

function recentWithin(post: PostCandidate, windowMinutes: number) {
  const since = post.now.getTime() - windowMinutes * MINUTE;
  return post.recentPosts.filter((recent) => recent.createdAt.getTime() >= since);
}

const PREFIX_CHARS = 300;

/**
 * Cheap pre-check before normalising a whole recent post: its first few hundred characters must
 * give the candidate's first words (the last word of the slice may be cut, so it is left out).
 */
function startsLike(recentText: string, words: string[]): boolean {
  const prefix = wordsOf(recentText.slice(0, PREFIX_CHARS));
  const whole = recentText.length <= PREFIX_CHARS;
  const compared = whole ? prefix : prefix.slice(0, -1);
  if (whole && compared.length !== words.length) return false;
  return compared.every((word, index) => words[index] === word);
}

function compileOne(rule: RuleDefinition): Check {
  switch (rule.kind) {
    case 'blocked_terms':
    case 'watched_terms':
      return termsCheck(compileTerms(rule.params.terms));
    case 'personal_data': {
      const { detect } = rule.params;
      return (post) => {
        const found = findPersonalData(post.text, detect);
        return found.length > 0 ? `personal data: ${found.join(', ')}` : null;
      };
    }
    case 'new_member_links': {
      const { belowTrustLevel, maxLinks, maxMentions } = rule.params;
      return (post) => {
        if (post.authorTrustLevel >= belowTrustLevel) return null;
        const links = countLinks(post.text);
        if (links > maxLinks) return `links: ${links} > ${maxLinks}`;
        const mentions = countMentions(post.text);
        return mentions > maxMentions ? `mentions: ${mentions} > ${maxMentions}` : null;
      };
    }
    case 'shouting': {
      const { minLetters, maxUppercaseRatio } = rule.params;
      return (post) => {
        const ratio = uppercaseRatio(post.text, minLetters);
        return ratio > maxUppercaseRatio ? `upper case: ${Math.round(ratio * 100)}%` : null;
      };
    }
    case 'repeated_text': {
      const { windowMinutes, minLength } = rule.params;
      return (post, words) => {
        const text = words().join(' ');
        if (text.length < minLength) return null;
        const repeats = recentWithin(post, windowMinutes).filter(
          (recent) => startsLike(recent.text, words()) && comparableText(recent.text) === text,
        );
        return repeats.length > 0 ? `same text posted ${repeats.length + 1} times` : null;
      };
    }
    case 'posting_rate': {
      const { windowMinutes, maxPosts } = rule.params;
      return (post) => {
        const count = recentWithin(post, windowMinutes).length + 1;
        return count > maxPosts ? `${count} posts in ${windowMinutes} min > ${maxPosts}` : null;
      };
    }
  }
}

/** Precompiles every rule (term sets, parameters) so judging a post does no set-up work. */
export function compileRules(rules: readonly RuleDefinition[]): CompiledRules {
  return { rules: rules.map((rule) => ({ rule, check: compileOne(rule) })) };
}

const SEVERITY: Record<Verdict['outcome'], number> = { publish: 0, queue: 1, hold: 2, reject: 3 };

export function strongestAction(actions: readonly RuleAction[]): Verdict['outcome'] {
  let outcome: Verdict['outcome'] = 'publish';
  for (const action of actions) if (SEVERITY[action] > SEVERITY[outcome]) outcome = action;
  return outcome;
}

/** Every rule the post triggers, and the strongest of their actions. */
export function evaluatePost(compiled: CompiledRules, post: PostCandidate): Verdict {
  let words: string[] | undefined;
  const lazyWords = () => (words ??= wordsOf(post.text));
  const hits: RuleHit[] = [];
  for (const { rule, check } of compiled.rules) {
    const detail = check(post, lazyWords);
    if (detail === null) continue;
    hits.push({
      ruleId: rule.id,
      kind: rule.kind,
      clause: rule.clause,
      action: rule.action,
      message: rule.message,
      detail,
    });
  }
  return { outcome: strongestAction(hits.map((hit) => hit.action)), hits };
}
