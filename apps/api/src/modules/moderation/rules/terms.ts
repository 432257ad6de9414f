// Blocked and watched terms, compiled once into a word set and a phrase index, then matched word
// by word: the cost depends on the post's length, not on how many terms are configured.
import { wordsOf } from './normalize.ts';

export interface CompiledTerms {
  /** Single-word terms by their word key, with the term as configured (for the moderator). */
  words: Map<string, string>;
  /** Multi-word terms by their first word key. */
  phrases: Map<string, { keys: string[]; term: string }[]>;
}

export function compileTerms(terms: readonly string[]): CompiledTerms {
  const compiled: CompiledTerms = { words: new Map(), phrases: new Map() };
  for (const term of terms) {
    const keys = wordsOf(term);
    if (keys.length === 0) continue;
    if (keys.length === 1) {
      compiled.words.set(keys[0]!, term);
      continue;
    }
    const list = compiled.phrases.get(keys[0]!) ?? [];
    list.push({ keys, term });
    compiled.phrases.set(keys[0]!, list);
  }
  return compiled;
}

function phraseAt(words: string[], index: number, keys: string[]): boolean {
  for (let offset = 1; offset < keys.length; offset++) {
    if (words[index + offset] !== keys[offset]) return false;
  }
  return true;
}

/** The configured terms found in the words, each once, in order of first appearance. */
export function findTerms(compiled: CompiledTerms, words: readonly string[]): string[] {
  const found = new Set<string>();
  const list = words as string[];
  for (let index = 0; index < list.length; index++) {
    const word = list[index]!;
    const term = compiled.words.get(word);
    if (term !== undefined) found.add(term);
    const phrases = compiled.phrases.get(word);
    if (!phrases) continue;
    for (const phrase of phrases) if (phraseAt(list, index, phrase.keys)) found.add(phrase.term);
  }
  return [...found];
}
